import { describe, expect, it } from "vitest";
import { catalogFile, importedFixture } from "./__fixtures__/persona-file";
import { findSecrets, isPlaceholder } from "./secrets";
import { personaText } from "./text";

/**
 * Key-shaped strings are made here at run time from a seeded generator, so the repository never
 * holds anything a secret scanner would report.
 */
function random(length: number, alphabet: string, seed = 7): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += alphabet[(x >>> 8) % alphabet.length];
  }
  return out;
}
const BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const B64URL = BASE62 + "-_";
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

const KEYS: [string, string][] = [
  ["an OpenAI API key", `sk-${random(48, BASE62, 1)}`],
  ["an OpenAI API key", `sk-proj-${random(120, B64URL, 2)}`],
  ["an Anthropic API key", `sk-ant-api03-${random(93, B64URL, 3)}AA`],
  ["an AWS access key id", `AKIA${random(16, UPPER, 4)}`],
  ["an AWS secret access key", `aws_secret_access_key = ${random(40, BASE62 + "/+", 5)}`],
  ["a GitHub token", `ghp_${random(36, BASE62, 6)}`],
  ["a GitHub token", `github_pat_11${random(80, BASE62 + "_", 7)}`],
  ["a Google API key", `AIza${random(35, B64URL, 8)}`],
  [
    "a Slack token",
    `xoxb-${random(12, "0123456789", 9)}-${random(13, "0123456789", 10)}-${random(24, BASE62, 11)}`,
  ],
  ["a Stripe live key", `sk_live_${random(99, BASE62, 12)}`],
  ["a Stripe live key", `rk_live_${random(99, BASE62, 13)}`],
  ["a Hugging Face token", `hf_${random(34, BASE62, 14)}`],
  [
    "a JSON Web Token",
    `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: "u_81f2", role: "admin", iat: 1733500000 })}.${random(43, B64URL, 15)}`,
  ],
  [
    "a private key",
    `-----BEGIN RSA PRIVATE KEY-----\n${random(64, BASE62 + "+/", 16)}\n${random(64, BASE62 + "+/", 17)}\n-----END RSA PRIVATE KEY-----`,
  ],
  [
    "a private key",
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${random(70, BASE62 + "+/", 18)}\n-----END OPENSSH PRIVATE KEY-----`,
  ],
  ["a bearer token", `curl -H "Authorization: Bearer ${random(40, BASE62, 19)}" https://api.acme.dev/v1/me`],
  ["a password in a URL", `DATABASE_URL=postgres://app:${random(18, BASE62, 20)}@db.internal:5432/app`],
  ["a password in a URL", `https://deploy:Tr0ub4dor&3@ci.acme.dev/hooks`],
];

describe("secrets: refused with the line", () => {
  it.each(KEYS)("%s planted in an imported prompt is found on its line", (kind, key) => {
    // The LobeHub fixture's prompt, with a key pasted in as people do: "use this key".
    const file = importedFixture(
      "lobehub-agent.json",
      (body) => `${body}\n\nWhen calling the API use:\n\n${key}\n`,
    );
    const t = personaText(file.text);
    const findings = findSecrets(t);
    expect(findings).toHaveLength(1);
    const keyLine = file.text.split("\n").findIndex((l) => l.includes(key.split("\n")[0]!)) + 1;
    expect(findings[0]).toMatchObject({ rule: "secret", level: "refuse", line: keyLine });
    expect(findings[0]!.message).toContain(kind);
    expect(findings[0]!.message).toContain(`Line ${keyLine}`);
    // The report never repeats the whole secret.
    expect(findings[0]!.message).not.toContain(key.split("\n")[0]!.slice(-12));
  });

  it("finds a key in the front matter too (a greeting), on its line", () => {
    const key = `sk-${random(48, BASE62, 30)}`;
    const file = catalogFile("code-reviewer");
    const text = file.text.replace(/^greeting: .*$/m, (line) => `${line.replace(/\|$/, "")} Key: ${key}`);
    const [finding] = findSecrets(personaText(text));
    expect(finding?.line).toBe(text.split("\n").findIndex((l) => l.includes(key)) + 1);
  });

  it("two keys give two findings, in line order", () => {
    const text = `---\nid: x\n---\n\nA: ghp_${random(36, BASE62, 31)}\n\nB: hf_${random(34, BASE62, 32)}\n`;
    expect(findSecrets(personaText(text)).map((f) => f.line)).toEqual([5, 7]);
  });
});

describe("secrets: placeholders and look-alikes are not refused", () => {
  const placeholders = [
    "export OPENAI_API_KEY=sk-...",
    "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "Set ANTHROPIC_API_KEY=sk-ant-api03-YOUR_KEY_HERE_replace_me_please_000",
    "Authorization: Bearer YOUR_API_KEY",
    "Authorization: Bearer <token>",
    "Authorization: Bearer $OPENAI_API_KEY",
    "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "KEY=AKIAEXAMPLEKEYID",
    "postgres://user:password@localhost:5432/app",
    "postgres://postgres:postgres@localhost/db",
    "mongodb://admin:<password>@cluster0.mongodb.net",
    "redis://:${REDIS_PASSWORD}@cache:6379",
    "https://alice:s3cr3t-Pa55@example.com/private",
    "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
    "The jwt.io sample eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "pip install sk-learn-pipeline-with-standard-scaler",
    "Use the ghp_ prefix to spot GitHub tokens, sk_live_ for Stripe and AIza for Google.",
    "The header is `Authorization: Bearer sk-...`.",
  ];
  it.each(placeholders)("%s", (line) => {
    expect(findSecrets(personaText(`---\nid: x\n---\n\n${line}\n`))).toEqual([]);
  });

  it("obvious placeholder values", () => {
    expect(isPlaceholder("sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).toBe(true);
    expect(isPlaceholder("YOUR_API_KEY")).toBe(true);
    expect(isPlaceholder(`sk-${random(48, BASE62, 40)}`)).toBe(false);
  });

  it("the catalog's security personas talk about keys and tokens without holding any", () => {
    for (const id of [
      "security-auditor",
      "incident-responder",
      "devops-engineer",
      "threat-modeler",
      "api-designer",
    ])
      expect(findSecrets(personaText(catalogFile(id).text)), id).toEqual([]);
  });
});
