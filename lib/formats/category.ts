import { CATEGORIES, type Category } from "@/lib/personas/schema";
import { collapseSpace } from "./normalise";

/** Category words sources use (LobeHub's categories among them) and ours for each. */
const SOURCE_WORDS: Record<Category, string[]> = {
  development: [
    "development",
    "programming",
    "coding",
    "code",
    "developer",
    "software",
    "engineering",
    "devops",
  ],
  data: ["data", "analytics", "data-science", "machine-learning", "ai-ml"],
  design: ["design", "ui", "ux", "art"],
  product: ["product", "product-management"],
  writing: ["writing", "copywriting", "translation", "content", "fiction", "roleplay", "creative", "story"],
  business: ["business", "career", "marketing", "office", "finance", "sales", "management", "legal"],
  security: ["security", "privacy", "compliance"],
  education: ["education", "academic", "learning", "teaching", "study", "language"],
};

/** The source's own category, when it names one we have a place for. */
export function mapCategory(word: string | undefined): Category | undefined {
  if (!word) return undefined;
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  return (Object.keys(SOURCE_WORDS) as Category[]).find((c) => SOURCE_WORDS[c].includes(key));
}

/** Words that point at a category when they appear in a persona's text (whole words, any case). */
const KEYWORDS: Record<Category, string[]> = {
  development: [
    "code",
    "coding",
    "developer",
    "programming",
    "software",
    "api",
    "backend",
    "frontend",
    "javascript",
    "typescript",
    "python",
    "react",
    "debug",
    "devops",
    "kubernetes",
    "refactor",
    "git",
    "compiler",
    "engineer",
  ],
  data: [
    "data",
    "analytics",
    "analysis",
    "statistics",
    "sql",
    "dashboard",
    "dataset",
    "etl",
    "spreadsheet",
    "metrics",
    "pandas",
    "forecast",
  ],
  design: [
    "design",
    "designer",
    "ui",
    "ux",
    "visual",
    "brand",
    "typography",
    "figma",
    "layout",
    "illustration",
    "colour",
    "color",
  ],
  product: [
    "product",
    "roadmap",
    "feature",
    "features",
    "prioritise",
    "prioritize",
    "mvp",
    "requirements",
    "stakeholders",
    "backlog",
  ],
  writing: [
    "write",
    "writing",
    "writer",
    "story",
    "stories",
    "fiction",
    "novel",
    "poem",
    "poetry",
    "copy",
    "editor",
    "blog",
    "essay",
    "character",
    "roleplay",
    "narrative",
    "fantasy",
    "adventure",
  ],
  business: [
    "business",
    "startup",
    "sales",
    "marketing",
    "finance",
    "financial",
    "strategy",
    "negotiation",
    "revenue",
    "investor",
    "career",
    "customer",
    "pricing",
    "budget",
  ],
  security: [
    "security",
    "threat",
    "threats",
    "vulnerability",
    "vulnerabilities",
    "privacy",
    "encryption",
    "attack",
    "attacker",
    "pentest",
    "compliance",
    "secure",
  ],
  education: [
    "teach",
    "teacher",
    "tutor",
    "learn",
    "learning",
    "student",
    "students",
    "lesson",
    "course",
    "exam",
    "study",
    "explain",
    "quiz",
    "homework",
  ],
};

const WORD_SETS = Object.fromEntries(
  Object.entries(KEYWORDS).map(([c, words]) => [c, new Set(words)]),
) as Record<Category, Set<string>>;

/**
 * A category from the text alone: each keyword found counts 3 in the name, description and tags
 * and 1 in the first 3,000 characters of the prompt; the highest total wins (ties: the catalog's
 * category order); no keyword at all: writing (most characters without a category are stories).
 */
export function inferCategory(headline: string, body: string): { category: Category; score: number } {
  const scores = new Map<Category, number>();
  const count = (text: string, weight: number) => {
    for (const word of collapseSpace(text.toLowerCase()).split(/[^a-z0-9]+/)) {
      for (const category of Object.keys(CATEGORIES) as Category[]) {
        if (WORD_SETS[category].has(word)) scores.set(category, (scores.get(category) ?? 0) + weight);
      }
    }
  };
  count(headline, 3);
  count(body.slice(0, 3000), 1);
  let best: Category = "writing";
  let bestScore = 0;
  for (const category of Object.keys(CATEGORIES) as Category[]) {
    const score = scores.get(category) ?? 0;
    if (score > bestScore) [best, bestScore] = [category, score];
  }
  return { category: best, score: bestScore };
}
