import { describe, expect, it } from "vitest";
import { generatePersonaFiles } from "@/scripts/generate/personas";
import { makePersona } from "./__fixtures__/make-persona";
import { parsePersonaFile } from "./parse";
import type { Persona } from "./schema";
import { SearchIndex, tokenize } from "./search";

/**
 * Each persona's score per word, worked out plainly (a Map per persona): the flat, faster build
 * must hold exactly these. Body words count once per occurrence up to 3 (free personas only, no
 * stopwords, at least 2 letters); each field holding the word adds its weight once.
 */
function referenceScores(personas: readonly Persona[]): Map<string, number>[] {
  const stop = new Set(
    (
      "a an and are as at be but by can do does for from has have how i if in into is it its me my not of on " +
      "or our so that the their them then there these they this to too us was we what when where which who " +
      "will with would you your yours"
    ).split(" "),
  );
  return personas.map((p) => {
    const scores = new Map<string, number>();
    for (const t of p.tier === "free" ? tokenize(p.body) : []) {
      if (t.length < 2 || stop.has(t)) continue;
      const n = scores.get(t) ?? 0;
      if (n < 3) scores.set(t, n + 1);
    }
    const add = (text: string, weight: number) => {
      for (const t of new Set(tokenize(text))) scores.set(t, (scores.get(t) ?? 0) + weight);
    };
    add(p.description, 5);
    add(p.category, 6);
    add(p.tags.join(" "), 7);
    add(p.name, 10);
    return scores;
  });
}

const generated = generatePersonaFiles({ count: 150, seed: "search-build" }).map((f) => {
  const parsed = parsePersonaFile(f.file, Buffer.from(f.text, "utf8"));
  if (!parsed.persona) throw new Error(`${f.file}: ${JSON.stringify(parsed.problems)}`);
  return parsed.persona;
});
const handMade = [
  makePersona({
    id: "cafe",
    name: "Café Owner",
    description: "Runs a naïve little café.",
    body: "Über crème brûlée.",
  }),
  makePersona({ id: "ai", name: "AI", tags: ["ai", "a"], body: "a an the I x y z 2 b2b" }),
  makePersona({ id: "empty-ish", name: "X", description: "?", body: "!!!" }),
];
const personas = [...generated, ...handMade];

describe("SearchIndex (flat build) holds what the plain reference scores", () => {
  const index = new SearchIndex(personas);
  const reference = referenceScores(personas);
  const words = [
    ...new Set(personas.flatMap((p) => tokenize(`${p.name} ${p.description} ${p.tags.join(" ")}`))),
  ];
  const queries = [
    ...words.slice(0, 60),
    ...words.slice(0, 60).map((w) => w.slice(0, Math.max(1, w.length - 3))),
    ...words.slice(0, 30).map((w, i) => `${w} ${words[(i * 7) % words.length]}`),
    "kube",
    "data pipelines",
    "the",
    "for",
    "a",
    "x",
    "café",
    "CRÈME",
    "b2b",
    "ai a",
    "zzzz",
  ];

  it("for every word of every persona", () => {
    const { terms, starts, docs, scores } = index.data;
    const built = personas.map(() => new Map<string, number>());
    terms.forEach((term, k) => {
      for (let j = starts[k]!; j < starts[k + 1]!; j++) built[docs[j]!]!.set(term, scores[j]!);
    });
    built.forEach((map, doc) => expect(map, personas[doc]!.id).toEqual(reference[doc]));
  });

  it("leaves no state behind between searches", () => {
    const first = queries.map((q) => index.search(q));
    expect(queries.map((q) => index.search(q))).toEqual(first);
  });

  it("keeps the terms sorted and every term's docs ascending", () => {
    const { terms, starts, docs } = index.data;
    expect([...terms].sort()).toEqual(terms);
    for (let k = 0; k < terms.length; k++) {
      for (let j = starts[k]! + 1; j < starts[k + 1]!; j++) expect(docs[j]!).toBeGreaterThan(docs[j - 1]!);
    }
  });
});

describe("SearchIndex built from a previous index", () => {
  const before = personas.slice(0, 120);
  const previous = new SearchIndex(before);
  // One body changed, one renamed (so it sorts elsewhere), one removed, one added.
  const changed = { ...before[5]!, body: `${before[5]!.body}\n\nYou also know about quokkas.` };
  const renamed = { ...before[9]!, name: "Aardvark Advisor" };
  const added = generated[130]!;
  const after = [...before.filter((_, i) => i !== 5 && i !== 9 && i !== 17), changed, renamed, added].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  const unchanged = new Map(
    before.map((p, i) => [p, i] as const).filter(([, i]) => i !== 5 && i !== 9 && i !== 17),
  );

  it("equals a full build over the new personas", () => {
    const fresh = new SearchIndex(after).data;
    const rebuilt = new SearchIndex(after, {
      parts: previous.data,
      docOf: (doc) => unchanged.get(after[doc]!) ?? -1,
    }).data;
    expect(rebuilt.docCount).toBe(fresh.docCount);
    expect(rebuilt.terms).toEqual(fresh.terms);
    expect([...rebuilt.starts]).toEqual([...fresh.starts]);
    expect([...rebuilt.docs]).toEqual([...fresh.docs]);
    expect([...rebuilt.scores]).toEqual([...fresh.scores]);
  });

  it("copies what it is told is unchanged (so a wrong map shows)", () => {
    const wrong = new SearchIndex(after, { parts: previous.data, docOf: (doc) => (doc === 0 ? 1 : -1) });
    expect([...wrong.data.docs]).not.toEqual([...new SearchIndex(after).data.docs]);
  });
});

describe("a paid persona's body is not searched", () => {
  const index = new SearchIndex([
    makePersona({ id: "open", name: "Open Helper", body: "You know about quokkas." }),
    makePersona({
      id: "locked",
      name: "Locked Expert",
      tier: "pro",
      body: "You know about zebracorns and quokkas.",
    }),
  ]);
  const ids = (q: string) => index.search(q).map((i) => ["open", "locked"][i]);

  it("so a phrase from it tells nobody which persona holds it", () => {
    expect(ids("zebracorns")).toEqual([]);
    expect(ids("quokkas")).toEqual(["open"]);
  });

  it("while its public fields are searched as usual", () => {
    expect(ids("locked expert")).toEqual(["locked"]);
  });
});
