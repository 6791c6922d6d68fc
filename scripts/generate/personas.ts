import { MODELS, type Tier } from "../../lib/personas/schema";
import { renderBody, type Fill } from "./body";
import { createRandom, type Random } from "./random";
import {
  AUDIENCES,
  FIRST_NAMES,
  LAST_NAMES,
  QUALIFIERS,
  TOOLS,
  VOCABULARY,
  type GeneratedCategory,
} from "./vocabulary";

export type GeneratedFile = { file: string; id: string; tier: Tier; text: string };

type Category = GeneratedCategory;
type Spec = { id: string; name: string; role: string; category: Category; tier: Tier };

const CATEGORY_IDS = Object.keys(VOCABULARY) as Category[];
const title = (s: string) =>
  s.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

export const slugify = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 56);

/** Exactly ~50/35/15 free/pro/max, shuffled, so even small catalogs have every tier in proportion. */
function dealTiers(random: Random, count: number): Tier[] {
  const free = Math.round(count * 0.5);
  const pro = Math.round(count * 0.35);
  const tiers: Tier[] = [
    ...Array<Tier>(free).fill("free"),
    ...Array<Tier>(pro).fill("pro"),
    ...Array<Tier>(Math.max(0, count - free - pro)).fill("max"),
  ];
  return random.sample(tiers, count);
}

function pickName(random: Random, role: string): string {
  const r = random.next();
  if (r < 0.5) return `${random.pick(QUALIFIERS)} ${role}`;
  if (r < 0.75) return `${role} for ${title(random.pick(AUDIENCES))}`;
  return `${random.pick(FIRST_NAMES)}, ${role}`;
}

function createSpecs(random: Random, count: number): Spec[] {
  const used = new Map<string, number>();
  const taken = new Set<string>();
  const specs: Spec[] = [];
  const tiers = dealTiers(random, count);
  for (let i = 0; i < count; i++) {
    const category = random.pick(CATEGORY_IDS);
    const role = random.pick(VOCABULARY[category].roles);
    const name = pickName(random, role);
    const base = slugify(name);
    let n = used.get(base) ?? 0;
    let id = base;
    while (taken.has(id)) id = `${base}-${++n + 1}`;
    used.set(base, n);
    taken.add(id);
    specs.push({ id, name, role, category, tier: tiers[i]! });
  }
  return specs;
}

function pickLinks(random: Random, spec: Spec, all: Spec[], byCategory: Map<Category, Spec[]>): string[] {
  const wanted = Math.min(random.int(0, 5), all.length - 1);
  const links = new Set<string>();
  for (let attempt = 0; links.size < wanted && attempt < wanted * 10; attempt++) {
    const pool = random.chance(0.7) ? byCategory.get(spec.category)! : all;
    const target = random.pick(pool).id;
    if (target !== spec.id) links.add(target);
  }
  return [...links];
}

const quote = (s: string) => JSON.stringify(s);
const yamlList = (key: string, items: readonly string[], fmt: (s: string) => string = (s) => s) =>
  items.length ? `${key}:\n${items.map((i) => `  - ${fmt(i)}`).join("\n")}` : `${key}: []`;

function pickDate(random: Random): string {
  const start = Date.UTC(2024, 0, 1);
  const days = Math.floor((Date.UTC(2026, 5, 30) - start) / 86_400_000);
  return new Date(start + random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}

function pickModel(random: Random): (typeof MODELS)[number] {
  const r = random.next();
  return r < 0.55 ? "sonnet" : r < 0.85 ? "opus" : r < 0.95 ? "haiku" : "inherit";
}

function renderFile(random: Random, spec: Spec, links: string[]): string {
  const vocab = VOCABULARY[spec.category];
  const [topic, topic2, topic3] = random.sample(vocab.topics, 3) as [string, string, string];
  const audience = random.pick(AUDIENCES);
  const fill: Fill = (template) =>
    template
      .replace(/\{role\}/g, spec.role)
      .replace(/\{topic\}/g, () => random.pick(vocab.topics))
      .replace(/\{topic2\}/g, () => random.pick(vocab.topics))
      .replace(/\{audience\}/g, () => random.pick(AUDIENCES))
      .replace(/\{tag\}/g, () => random.pick(vocab.tags))
      .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const avatar = random.pick(vocab.avatars);
  const tags = random.sample(vocab.tags, random.int(2, 6));
  if (random.chance(0.2)) {
    const other = random.pick(VOCABULARY[random.pick(CATEGORY_IDS)].tags);
    if (!tags.includes(other)) tags.push(other);
  }
  const description = random.chance(0.5)
    ? `Helps ${audience} with ${topic}, ${topic2} and ${topic3}, with practical advice you can check.`
    : `A ${random.pick(QUALIFIERS).toLowerCase()} ${spec.role} for ${topic} and ${topic2}: reviews, plans and honest trade-offs.`;
  const greeting = [
    `${random.pick(["Hi", "Hello", "Hey there"])}, I'm ${spec.name} ${avatar} I help ${audience} with ${topic} and ${topic2}.`,
    "Tell me what you're working on and where it hurts, and we'll find the next step together.",
    random.pick(["What are you working on?", "Where would you like to start?", "What's the problem today?"]),
  ];
  const starters = random.chance(0.3)
    ? []
    : random.sample(
        [
          `Where should I start with ${topic}?`,
          `Review my plan for ${topic2}`,
          `What do ${audience} get wrong about ${topic3}?`,
          `Give me a checklist for ${topic}`,
          `Explain ${topic2} like I'm new to it`,
        ],
        random.int(2, 4),
      );
  const lines = [
    "---",
    `id: ${spec.id}`,
    `name: ${quote(spec.name)}`,
    `description: ${quote(description)}`,
    `version: ${random.int(0, 3)}.${random.int(0, 12)}.${random.int(0, 9)}`,
    `avatar: ${quote(avatar)}`,
    `greeting: |\n${greeting.map((l) => `  ${l}`).join("\n")}`,
    `category: ${spec.category}`,
    yamlList("tags", tags),
    `tier: ${spec.tier}`,
    yamlList("tools", random.sample(TOOLS, random.int(0, 6))),
    `model: ${pickModel(random)}`,
    yamlList("worksWellWith", links),
    ...(starters.length ? [yamlList("starters", starters, quote)] : []),
    ...(random.chance(0.9)
      ? [
          `author: ${quote(random.chance(0.6) ? "Persona Market" : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`)}`,
        ]
      : []),
    `published: ${pickDate(random)}`,
    ...(random.chance(0.03) ? ["featured: true"] : []),
    "---",
    "",
    "",
  ];
  return lines.join("\n") + renderBody(random, spec.name, fill, random.int(600, 820)) + "\n";
}

/** `count` valid persona files, identical for the same seed. */
export function generatePersonaFiles({ count, seed }: { count: number; seed: string }): GeneratedFile[] {
  const random = createRandom(seed);
  const specs = createSpecs(random, count);
  const byCategory = new Map<Category, Spec[]>();
  for (const s of specs) {
    const list = byCategory.get(s.category);
    if (list) list.push(s);
    else byCategory.set(s.category, [s]);
  }
  return specs.map((spec) => ({
    file: `${spec.id}.md`,
    id: spec.id,
    tier: spec.tier,
    text: renderFile(random, spec, pickLinks(random, spec, specs, byCategory)),
  }));
}
