import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { b64, charx, pngWithText, v3Card } from "./__fixtures__/build";
import { readSource } from "./detect";
import { importFile } from "./import-file";
import { checkJsonDepth, IMPORT_LIMITS, LimitError } from "./limits";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name));
const deepJson = (levels: number) =>
  `{"spec":"chara_card_v3","data":${"[".repeat(levels)}${"]".repeat(levels)}}`;

/** A YAML "billion laughs": each line refers nine times to the one before it. */
function yamlAliasBomb(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]`,
    );
  return `---\nname: laughing-agent\ndescription: Laughs.\n${lines.join("\n")}\n---\n\nYou laugh.\n`;
}

const expectRefused = (bytes: Uint8Array, reason: RegExp) => {
  const result = readSource(bytes);
  expect(result).toMatchObject({ ok: false, kind: "malformed", reason: expect.stringMatching(reason) });
  if (!result.ok) expect(result.reason).not.toMatch(/\n\s+at /);
};

describe("import limits: a small hostile file fails with a plain reason", { timeout: 30_000 }, () => {
  it("a .charx with more entries than allowed is refused before anything is inflated", () => {
    const files: Record<string, string> = { "card.json": JSON.stringify(v3Card("Many")) };
    for (let i = 0; i < IMPORT_LIMITS.zipEntries; i++) files[`assets/x${i}.txt`] = "x";
    expectRefused(charx(files), /^refused: more than 500 entries in the zip$/);
  });

  it(
    "a .charx whose entries inflate past the total is refused, however small the zip",
    { timeout: 30_000 },
    () => {
      const zeros = new Uint8Array(15 * 1024 * 1024);
      const zip = charx({ "card.json": JSON.stringify(v3Card("Big")), a: zeros, b: zeros, c: zeros });
      expect(zip.length).toBeLessThan(200 * 1024);
      expectRefused(zip, /^refused: the zip inflates to more than 40 MB in all$/);
    },
  );

  it("one .charx entry past the per-entry cap is refused and named", () => {
    const zip = charx({ "card.json": "{}", "huge.bin": new Uint8Array(21 * 1024 * 1024) });
    expectRefused(zip, /^refused: huge\.bin inflates to more than 20 MB$/);
  });

  it("a YAML alias bomb fails at once, not after gigabytes", () => {
    const started = performance.now();
    expectRefused(Buffer.from(yamlAliasBomb()), /^refused: more than 20 YAML aliases/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("JSON nested 50,000 deep (a card, a LobeHub agent, in a PNG, in a .charx) is refused without overflowing the stack", () => {
    expectRefused(Buffer.from(deepJson(50_000)), /^refused: JSON nested deeper than 64 levels$/);
    expectRefused(
      pngWithText({ ccv3: Buffer.from(deepJson(50_000)).toString("base64") }),
      /nested deeper than 64/,
    );
    expectRefused(charx({ "card.json": deepJson(50_000) }), /^refused: card\.json is nested deeper than 64/);
    expectRefused(
      Buffer.from(`---\nname: deep\nx: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n---\nbody`),
      /nested deeper than 64 levels/,
    );
  });

  it("brackets inside strings do not count as nesting; a real card passes", () => {
    expect(() => checkJsonDepth(`{"a":"${"[".repeat(1000)}"}`)).not.toThrow();
    expect(() => checkJsonDepth(`{"a":"\\"${"{".repeat(100)}"}`)).not.toThrow();
    expect(() => checkJsonDepth(deepJson(70))).toThrow(LimitError);
    expect(readSource(fixture("card-v2.json")).ok).toBe(true);
  });

  it("JSON cut off in the middle of a UTF-8 character is a broken file, not a binary one", () => {
    const card = Buffer.from(JSON.stringify(v3Card("Café 🦊 Fox")));
    const cut = card.subarray(0, card.indexOf(Buffer.from("🦊")) + 2);
    expect(readSource(cut)).toMatchObject({
      ok: false,
      kind: "malformed",
      reason: "cut off in the middle of a UTF-8 character: the file is incomplete",
    });
    expect(readSource(Buffer.from([0xff, 0xfe, 0x00, 0x01]))).toMatchObject({ kind: "unrecognised" });
  });
});

describe("importFile: one uploaded file, as the studio's Import reads it", () => {
  it("gives a persona file that passes content:check, with its picture named", () => {
    const result = importFile(pngWithText({ ccv3: b64(v3Card("Sky Pilot")) }), "pilot.png");
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft).toMatchObject({ format: "card-png", baseId: "sky-pilot" });
    expect(result.draft.image?.name).toBe("sky-pilot.png");
    expect(result.draft.text).toMatch(/^---\nid: sky-pilot\nname: Sky Pilot\n/);
    expect(result.draft.text).toContain("image: sky-pilot.png");
  });

  it("refuses the same hostile files with the file's name in the reason", () => {
    expect(importFile(Buffer.from(yamlAliasBomb()), "laugh.md")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^laugh\.md: refused: more than 20 YAML aliases/),
    });
    expect(importFile(new Uint8Array(IMPORT_LIMITS.sourceBytes + 1), "big.json")).toMatchObject({
      ok: false,
      reason: "big.json: refused: larger than 20 MB",
    });
    expect(importFile(fixture("notes.txt"), "notes.txt")).toMatchObject({ ok: false, kind: "unrecognised" });
  });
});
