import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { charx, v3Card } from "../../lib/formats/__fixtures__/build";
import { importPersonas } from "./run";

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "import-run-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("importPersonas with hostile files among good ones", { timeout: 30_000 }, () => {
  it("fails each hostile file with one line, imports the rest, leaves nothing half-written", () => {
    const src = path.join(tmp, "src");
    fs.mkdirSync(src);
    const zeros = new Uint8Array(15 * 1024 * 1024);
    fs.writeFileSync(
      path.join(src, "bomb.charx"),
      charx({ "card.json": "{}", a: zeros, b: zeros, c: zeros }),
    );
    fs.writeFileSync(path.join(src, "deep.json"), `{"spec":"chara_card_v3","data":${"[".repeat(50_000)}}`);
    fs.writeFileSync(path.join(src, "good.json"), JSON.stringify(v3Card("Good Guide")));
    const out = path.join(tmp, "out");
    const outcomes = importPersonas({ inputs: [src], out, force: false });
    const by = (name: string) => outcomes.find((o) => o.file.endsWith(name));
    expect(by("bomb.charx")).toMatchObject({ status: "failed", reason: expect.stringMatching(/^refused: /) });
    expect(by("deep.json")).toMatchObject({
      status: "failed",
      reason: "refused: JSON nested deeper than 64 levels",
    });
    expect(by("good.json")).toMatchObject({ status: "imported", id: "good-guide" });
    expect(fs.readdirSync(out)).toEqual(["good-guide.md"]);
  });
});
