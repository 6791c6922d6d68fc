import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { b64, charx, pngWithText, v3Card } from "./__fixtures__/build";
import { readSource } from "./detect";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "__fixtures__", name));
const formatOf = (bytes: Uint8Array) => {
  const result = readSource(bytes);
  return result.ok ? result.draft.format : result.kind;
};

describe("readSource tells formats apart by content, not by name", () => {
  it("recognises each format from its bytes alone", () => {
    expect(formatOf(fixture("code-reviewer.md"))).toBe("claude-code");
    expect(formatOf(fixture("card-v2.json"))).toBe("card-v2");
    expect(formatOf(fixture("card-v3.json"))).toBe("card-v3");
    expect(formatOf(fixture("lobehub-agent.json"))).toBe("lobehub");
    expect(formatOf(pngWithText({ ccv3: b64(v3Card("P")) }))).toBe("card-png");
    expect(formatOf(charx({ "card.json": JSON.stringify(v3Card("Z")) }))).toBe("charx");
  });

  it("a BOM before the front matter or the JSON does not matter", () => {
    expect(formatOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("card-v3.json")]))).toBe(
      "card-v3",
    );
    expect(formatOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture("code-reviewer.md")]))).toBe(
      "claude-code",
    );
  });

  it("anything else is not a persona format (not a failure); broken JSON is malformed", () => {
    expect(readSource(fixture("notes.txt"))).toMatchObject({ ok: false, kind: "unrecognised" });
    expect(readSource(Buffer.from('{"hello": "world"}'))).toMatchObject({ ok: false, kind: "unrecognised" });
    expect(readSource(Buffer.from([0xff, 0xfe, 0x00, 0x01]))).toMatchObject({
      ok: false,
      kind: "unrecognised",
    });
    expect(readSource(fixture("broken.json"))).toMatchObject({ ok: false, kind: "malformed" });
  });

  it("repairs mis-encoded text as the catalog does: the seed persona comes in with its real emoji", () => {
    const file = path.resolve("content/personas/backend-developer.md");
    const before = fs.readFileSync(file);
    const result = readSource(before);
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft.avatar).toBe("⚙️");
    expect(result.draft.greeting).toMatch(/^Hey! I'm your Backend Developer ⚙️/);
    expect(result.draft.greeting).not.toMatch(/âš|ðŸ|â€/);
    expect(result.draft.notes).toContain("mis-encoded text (UTF-8 read as Windows-1252) repaired");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
