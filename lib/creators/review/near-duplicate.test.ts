import { describe, expect, it } from "vitest";
import { catalog, catalogRefs, importedFixture } from "./__fixtures__/persona-file";
import { estimateJaccard, shingles, signature, wordHashes } from "./minhash";
import {
  CONTAINMENT_THRESHOLD,
  findNearDuplicates,
  JACCARD_THRESHOLD,
  PublishedIndex,
} from "./near-duplicate";

const index = new PublishedIndex(catalogRefs);
const codeReviewer = catalog.find((p) => p.id === "code-reviewer")!;

/** Replaces every n-th word with a new one: how a copy is "made one's own". */
function everyNthWordChanged(text: string, n: number): string {
  let count = 0;
  return text.replace(/[A-Za-z]+/g, (w) => (++count % n === 0 ? `changed${count}` : w));
}

const exactJaccard = (a: string, b: string) => {
  const sa = new Set(shingles(a));
  const sb = new Set(shingles(b));
  const shared = [...sa].filter((x) => sb.has(x)).length;
  return shared / (sa.size + sb.size - shared);
};

const check = (body: string, extra: { ownId?: string; remixOf?: string; description?: string } = {}) =>
  findNearDuplicates({
    body,
    description: extra.description ?? "",
    ownId: extra.ownId ?? "new-one",
    remixOf: extra.remixOf,
    index,
  });

describe("near-duplicates of published personas", () => {
  it("the catalog's prompts are far apart: its closest pair is well under the threshold", () => {
    const sets = catalog.map((p) => new Set(shingles(p.body)));
    let closest = 0;
    for (let i = 0; i < sets.length; i++)
      for (let j = i + 1; j < sets.length; j++) {
        const shared = [...sets[i]!].filter((x) => sets[j]!.has(x)).length;
        closest = Math.max(closest, shared / (sets[i]!.size + sets[j]!.size - shared));
      }
    expect(closest).toBeGreaterThan(0);
    expect(closest).toBeLessThan(JACCARD_THRESHOLD / 10);
  });

  it("a verbatim copy is flagged and names the original", () => {
    const [finding] = check(codeReviewer.body);
    expect(finding).toMatchObject({
      rule: "near-duplicate",
      level: "flag",
      matchedId: "code-reviewer",
      field: "body",
    });
    expect(finding!.message).toContain("same prompt");
    expect(finding!.message).toContain('"Code Reviewer" (code-reviewer)');
  });

  it("a copy with one word in ten changed is still flagged, with its similarity and the threshold", () => {
    const edited = everyNthWordChanged(codeReviewer.body, 10);
    expect(exactJaccard(edited, codeReviewer.body)).toBeGreaterThan(JACCARD_THRESHOLD);
    const [finding] = check(edited);
    expect(finding?.matchedId).toBe("code-reviewer");
    expect(finding!.message).toMatch(/shares \d+% of its wording .* 30% or more is flagged/);
  });

  it("a copy padded with three times as much text of one's own is flagged by how much of the original it holds", () => {
    const own = (tag: string) => everyNthWordChanged(codeReviewer.body, 1).replace(/changed/g, tag);
    const padded = `${own("mine")}\n\n${codeReviewer.body}\n\n${own("also")}\n\n${own("more")}`;
    expect(exactJaccard(padded, codeReviewer.body)).toBeLessThan(JACCARD_THRESHOLD);
    const [finding] = check(padded);
    expect(finding?.matchedId).toBe("code-reviewer");
    expect(finding!.message).toMatch(/contains about \d+% of the prompt/);
    expect(CONTAINMENT_THRESHOLD).toBe(0.7);
  });

  it("a prompt rewritten in one's own words (every third word different) is not flagged", () => {
    expect(check(everyNthWordChanged(codeReviewer.body, 3))).toEqual([]);
  });

  it("the persona's own earlier version is not a duplicate; the persona it remixes is information", () => {
    expect(check(codeReviewer.body, { ownId: "code-reviewer" })).toEqual([]);
    const [remix] = check(codeReviewer.body, { remixOf: "code-reviewer" });
    expect(remix).toMatchObject({ level: "info", matchedId: "code-reviewer" });
  });

  it("a description copied word for word is flagged", () => {
    const [finding] = check("A prompt of my own about something else entirely.", {
      description: codeReviewer.description,
    });
    expect(finding).toMatchObject({ level: "flag", field: "description", matchedId: "code-reviewer" });
  });

  it("the formats' fixture prompts are not duplicates of the catalog", () => {
    for (const f of ["card-v3.json", "lobehub-agent.json", "code-reviewer.md"])
      expect(check(importedFixture(f).body), f).toEqual([]);
  });

  it("the MinHash estimate follows the exact similarity (within 0.15 over edits of every 5th to 40th word)", () => {
    const sig = (s: string) => signature(shingles(s));
    for (const n of [5, 10, 20, 40]) {
      const edited = everyNthWordChanged(codeReviewer.body, n);
      expect(
        Math.abs(
          estimateJaccard(sig(edited), sig(codeReviewer.body)) - exactJaccard(edited, codeReviewer.body),
        ),
      ).toBeLessThan(0.15);
    }
  });

  it("words are hashed alike whether or not the text holds other than ASCII", () => {
    const ascii = wordHashes("Review the PULL request, don't rush.");
    const unicode = wordHashes("Review the pull request, don't rush. Café");
    expect(ascii).toHaveLength(6);
    expect(unicode.slice(0, 6)).toEqual(ascii);
  });

  it("the index follows the catalog: a new version replaces the old, an unpublished persona is gone", () => {
    const live = new PublishedIndex(catalogRefs.filter((r) => r.id !== "math-tutor"));
    const ref = catalogRefs.find((r) => r.id === "code-reviewer")!;
    const size = live.size;
    expect(live.similar(ref.body)[0]?.ref.id).toBe("code-reviewer");
    live.add({ ...ref, body: "A new version that reads nothing like the old one at all." });
    expect(live.size).toBe(size);
    expect(live.similar(ref.body).map((m) => m.ref.id)).not.toContain("code-reviewer");
    live.add(ref);
    live.remove("code-reviewer");
    expect(live.size).toBe(size - 1);
    expect(live.similar(ref.body).map((m) => m.ref.id)).not.toContain("code-reviewer");
  });
});
