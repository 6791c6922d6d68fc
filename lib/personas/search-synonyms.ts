import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { ContentError, type ContentProblem } from "./problems";
import { tokenize } from "./search-tokenize";
import { stem } from "./search-words";

/**
 * The search's synonyms, abbreviations and question phrasing, from one operator-edited file
 * (content/search-synonyms.yaml; its header says how to write it). Checked by content:check.
 */
export const SYNONYMS_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  "content",
  "search-synonyms.yaml",
);

/** How much a word found through the file counts against the word typed. */
export const SAME_WEIGHT = 0.9;
export const MEANS_WEIGHT = 0.7;

/** An alternative to a phrase of the query: its words, and how much a match counts. */
export type Alternative = { words: string[]; weight: number };
export type Synonyms = {
  /** Phrase (words joined by a space) -> what else it may be found as. */
  phrases: ReadonlyMap<string, readonly Alternative[]>;
  /** The same, keyed by the phrase's stemmed words: "toasts" finds the entry for "toast". */
  stemmed: ReadonlyMap<string, readonly Alternative[]>;
  /** The most words in a phrase of `phrases`. */
  longest: number;
  ignore: ReadonlySet<string>;
};

const phrase = z.string({ error: "must be a word or phrase" }).min(1, "must not be empty").max(60);
const fileSchema = z.strictObject(
  {
    same: z.array(
      z.array(phrase, { error: "must be a list of words or phrases" }).min(2, "must list at least two"),
    ),
    means: z.record(phrase, z.array(phrase, { error: "must be a list of words or phrases" }).min(1)),
    ignore: z.array(phrase, { error: "must be a list of words" }),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s): ${i.keys.join(", ")}` : undefined) },
);

export const EMPTY_SYNONYMS: Synonyms = {
  phrases: new Map(),
  stemmed: new Map(),
  longest: 1,
  ignore: new Set(),
};

export const stemKey = (words: readonly string[]) => words.map(stem).join(" ");

/** The file's text as Synonyms, or the problems found in it (each with its file, field and reason). */
export function parseSynonyms(
  text: string,
  file: string,
): { synonyms: Synonyms; problems: [] } | { synonyms?: undefined; problems: ContentProblem[] } {
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (error) {
    return {
      problems: [{ file, field: "(file)", reason: `is not valid YAML: ${(error as Error).message}` }],
    };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => ({
        file,
        field: i.path.join(".") || "(file)",
        reason: i.message,
      })),
    };
  const problems: ContentProblem[] = [];
  const words = (text: string, field: string) => {
    const w = tokenize(text);
    if (w.length === 0) problems.push({ file, field, reason: `"${text}" has no letters or digits` });
    return w;
  };
  const phrases = new Map<string, Alternative[]>();
  const ignored = new Set(parsed.data.ignore.flatMap((w) => tokenize(w)));
  const add = (from: string[], all: string[], weight: number) => {
    // "objectives and key results" is found as objectives, key and results.
    const to = all.filter((w) => !ignored.has(w));
    if (to.length === 0) return;
    const key = from.join(" ");
    if (key === to.join(" ")) return;
    const list = phrases.get(key) ?? [];
    if (!list.some((a) => a.words.join(" ") === to.join(" "))) list.push({ words: to, weight });
    phrases.set(key, list);
  };
  parsed.data.same.forEach((group, g) => {
    const members = group.map((m, i) => words(m, `same.${g}.${i}`));
    for (const a of members) for (const b of members) if (a.length && b.length) add(a, b, SAME_WEIGHT);
  });
  for (const [key, targets] of Object.entries(parsed.data.means)) {
    const from = words(key, `means.${key}`);
    targets.forEach((t, i) => {
      const to = words(t, `means.${key}.${i}`);
      if (from.length && to.length) add(from, to, MEANS_WEIGHT);
    });
  }
  const ignore = new Set<string>();
  parsed.data.ignore.forEach((w, i) => {
    const t = words(w, `ignore.${i}`);
    if (t.length > 1) problems.push({ file, field: `ignore.${i}`, reason: `"${w}" must be one word` });
    else if (t[0] && phrases.has(t[0]))
      problems.push({
        file,
        field: `ignore.${i}`,
        reason: `"${w}" is ignored, so its entry in same/means never applies`,
      });
    else if (t[0]) ignore.add(t[0]);
  });
  if (problems.length) return { problems };
  const longest = Math.max(1, ...[...phrases.keys()].map((k) => k.split(" ").length));
  const stemmed = new Map<string, Alternative[]>();
  for (const [key, list] of phrases) {
    const k = stemKey(key.split(" "));
    stemmed.set(k, [...(stemmed.get(k) ?? []), ...list]);
  }
  return { synonyms: { phrases, stemmed, longest, ignore }, problems: [] };
}

/** Reads and checks a synonyms file; a missing file is a problem too (the search needs it). */
export function loadSynonymsFile(file = SYNONYMS_FILE): ReturnType<typeof parseSynonyms> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file does not exist" : String(error);
    return { problems: [{ file, field: "(file)", reason }] };
  }
  return parseSynonyms(text, path.relative(process.cwd(), file) || file);
}

let cached: Synonyms | undefined;

/** The synonyms the server searches with, read once per process (the file changes with a restart). */
export function defaultSynonyms(): Synonyms {
  if (cached) return cached;
  const { synonyms, problems } = loadSynonymsFile();
  if (!synonyms) throw new ContentError(problems);
  return (cached = synonyms);
}
