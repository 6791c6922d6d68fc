/**
 * A display name from an id like `ab-test-analysis` that keeps what the words are: known acronyms
 * and brands as people write them ("A/B Test Analysis", "X API Integration", "GDPR CCPA
 * Compliance"), and the source's own casing where the file has it (a `# Title` heading, the body).
 */
const KNOWN: Record<string, string> = Object.fromEntries(
  [
    "A/B",
    "AI",
    "API",
    "APIs",
    "AWS",
    "CCPA",
    "CD",
    "CI",
    "CLI",
    "CMS",
    "CRM",
    "CSS",
    "CSV",
    "CTO",
    "DBA",
    "DNS",
    "DX",
    "ETL",
    "GCP",
    "GDPR",
    "GPU",
    "HIPAA",
    "HR",
    "HTML",
    "HTTP",
    "IAM",
    "IaC",
    "iOS",
    "JSON",
    "JWT",
    "K8s",
    "KPI",
    "LLM",
    "ML",
    "MLOps",
    "MVP",
    "NLP",
    "OAuth",
    "OKR",
    "OWASP",
    "PDF",
    "PHP",
    "PM",
    "PR",
    "PRD",
    "QA",
    "RAG",
    "REST",
    "SaaS",
    "SDK",
    "SEO",
    "SOC",
    "SQL",
    "SRE",
    "SSH",
    "SSL",
    "SVG",
    "TLS",
    "UI",
    "UX",
    "VPC",
    "WCAG",
    "XML",
    "YAML",
    "DevOps",
    "DevSecOps",
    "GitHub",
    "GitLab",
    "GraphQL",
    "JavaScript",
    "TypeScript",
    "Next.js",
    "Node.js",
    "NestJS",
    "PostgreSQL",
    "MySQL",
    "MongoDB",
    "FastAPI",
    "WordPress",
    "LinkedIn",
    "YouTube",
    "TikTok",
    "OpenAI",
    "ChatGPT",
    "macOS",
    "WebSocket",
    "WebAssembly",
    "gRPC",
    "PyTorch",
    "TensorFlow",
    "NoSQL",
    "DynamoDB",
    "BigQuery",
  ].map((w) => [w.toLowerCase().replace(/[^a-z0-9]/g, ""), w]),
);
KNOWN.ab = "A/B";
KNOWN.nextjs = "Next.js";
KNOWN.nodejs = "Node.js";

/** How the source writes a word, when it writes it with capitals inside (GDPR, GraphQL), most often. */
function sourceCasing(word: string, text: string): string | undefined {
  const counts = new Map<string, number>();
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
    "giu",
  );
  for (const [found] of text.slice(0, 20_000).matchAll(pattern))
    if (/\p{Lu}/u.test(found.slice(1))) counts.set(found, (counts.get(found) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The body's `# Title`, when it names the same thing as the id (same words, any case or punctuation). */
function headingFor(id: string, body: string): string | undefined {
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1];
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return heading && key(heading) === key(id) ? heading.replace(/[*_`]/g, "").trim() : undefined;
}

export function nameFromId(id: string, body = ""): string {
  const heading = headingFor(id, body);
  if (heading) return heading;
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => KNOWN[w.toLowerCase()] ?? sourceCasing(w, body) ?? w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}
