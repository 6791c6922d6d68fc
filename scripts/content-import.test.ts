import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b64, charx, pngWithText, v3Card } from "../lib/formats/__fixtures__/build";
import { readPngChunks, solidPng, textChunks } from "../lib/formats/png";
import { loadPersonaDir } from "../lib/personas/load";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "lib/formats/__fixtures__");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

type Run = { status: number | null; stdout: string; stderr: string };
const run = (script: string, args: string[]): Run => {
  const r = spawnSync(TSX, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const contentImport = (...args: string[]) => run("scripts/content-import.ts", args);

let tmp: string;
let src: string;
const out = (name: string) => path.join(tmp, name);
/** The line the command printed for one source file. */
const lineFor = (r: Run, file: string) =>
  r.stdout.split("\n").find((l) => l.startsWith(`${path.relative(ROOT, path.join(src, file))}: `));

const lineFor2 = (r: Run, file: string) =>
  r.stdout.split("\n").find((l) => l.startsWith(`${path.relative(ROOT, file)}: `));

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "content-import-"));
  src = path.join(tmp, "sources");
  fs.mkdirSync(path.join(src, "nested"), { recursive: true });
  for (const f of [
    "code-reviewer.md",
    "card-v2.json",
    "card-v3.json",
    "lobehub-agent.json",
    "notes.txt",
    "broken.json",
    "wrong-spec.json",
  ]) {
    fs.copyFileSync(path.join(FIXTURES, f), path.join(src, f));
  }
  // The same agent again under another name, in a sub-folder: a duplicate, not a second persona.
  fs.copyFileSync(path.join(FIXTURES, "code-reviewer.md"), path.join(src, "nested", "reviewer-copy.agent"));
  fs.writeFileSync(path.join(src, "pilot.png"), pngWithText({ ccv3: b64(v3Card("Sky Pilot")) }));
  fs.writeFileSync(path.join(src, "photo.png"), solidPng(2, 2, [1, 2, 3]));
  const icon = solidPng(3, 3, [0, 200, 0]);
  const card = v3Card("Zip Guide", {
    assets: [{ type: "icon", uri: "embeded://assets/icon/main.png", name: "main", ext: "png" }],
  });
  fs.writeFileSync(
    path.join(src, "guide.charx"),
    charx({ "card.json": JSON.stringify(card), "assets/icon/main.png": icon }),
  );
  // Another card with the same name as the PNG one, but a different prompt: a second persona, id made unique.
  const twin = v3Card("Sky Pilot");
  twin.data.description = "A different pilot altogether.";
  fs.writeFileSync(path.join(src, "twin.json"), JSON.stringify(twin));
  fs.writeFileSync(path.join(src, ".DS_Store"), "x");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Each test starts the command (and content:check) as a process: seconds each on a busy machine.
describe("npm run content:import", { timeout: 120_000 }, () => {
  let first: Run;
  beforeAll(() => {
    first = contentImport(src, "--out", out("a"));
  }, 120_000);

  it("prints one line per file: imported as …, or skipped/failed with the reason", () => {
    expect(lineFor(first, "code-reviewer.md")).toMatch(
      /: imported as .*a\/code-reviewer\.md \(claude-code; .*starters generated/,
    );
    expect(lineFor(first, "card-v2.json")).toMatch(
      /imported as .*a\/captain-mara\.md \(card-v2; .*category entertainment inferred/,
    );
    expect(lineFor(first, "card-v3.json")).toMatch(/imported as .*a\/professor-lin\.md \(card-v3/);
    expect(lineFor(first, "lobehub-agent.json")).toMatch(/imported as .*a\/typescript-expert\.md \(lobehub/);
    expect(lineFor(first, "pilot.png")).toMatch(
      /imported as .*a\/sky-pilot\.md \+ .*a\/sky-pilot\.png \(card-png/,
    );
    expect(lineFor(first, "guide.charx")).toMatch(
      /imported as .*a\/zip-guide\.md \+ .*a\/zip-guide\.png \(charx/,
    );
    expect(lineFor(first, "twin.json")).toMatch(
      /imported as .*a\/sky-pilot-2\.md .*id "sky-pilot" already taken in this import: "sky-pilot-2" used/,
    );
    expect(lineFor(first, "nested/reviewer-copy.agent")).toMatch(
      /: skipped: duplicate of .*code-reviewer\.md/,
    );
    expect(lineFor(first, "notes.txt")).toMatch(/: skipped: not a persona format/);
    expect(lineFor(first, "photo.png")).toMatch(/: skipped: a PNG with no character card in it/);
    expect(lineFor(first, "broken.json")).toMatch(/: failed: broken JSON/);
    expect(lineFor(first, "wrong-spec.json")).toMatch(/: failed: unsupported card spec "chara_card_v9"/);
    expect(first.stdout).not.toContain(".DS_Store");
    expect(first.stdout).toMatch(
      /content:import: 7 imported, 3 skipped \(1 duplicate, 0 already there, 2 not a persona\), 2 failed — 12 files in [\d.]+ s \(\d+ files\/s\)/,
    );
  });

  it("exits 1 when a file was malformed, though the others were imported", () => {
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/2 file\(s\) could not be imported/);
  });

  it("writes files that pass content:check, with the card pictures beside them", () => {
    const check = run("scripts/content-check.ts", [out("a")]);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/7 personas OK/);
    const { personas } = loadPersonaDir(out("a"));
    const byId = new Map(personas.map((p) => [p.id, p]));
    expect(byId.get("sky-pilot")).toMatchObject({
      image: "sky-pilot.png",
      greeting: "Hello you, I am Sky Pilot.",
      tier: "free",
    });
    expect(textChunks(readPngChunks(fs.readFileSync(out("a/sky-pilot.png")))).size).toBe(0);
    expect(byId.get("zip-guide")?.image).toBe("zip-guide.png");
    expect(byId.get("typescript-expert")).toMatchObject({
      category: "development",
      tags: ["typescript", "programming", "types"],
      avatar: "🧑‍💻",
    });
    expect(byId.get("captain-mara")?.tags).toEqual(["adventure", "fantasy", "airship-crew"]);
    expect(byId.get("code-reviewer")).toMatchObject({
      tools: ["Read", "Grep", "Glob", "Bash"],
      model: "opus",
      extensions: { claude_code: { color: "red" } },
    });
  });

  it("does not overwrite without --force (nothing imported: exit 1), and does with it (exit 0)", () => {
    const good = ["code-reviewer.md", "card-v3.json"].map((f) => path.join(src, f));
    fs.writeFileSync(
      out("a/code-reviewer.md"),
      fs.readFileSync(out("a/code-reviewer.md"), "utf8").replace("opus", "haiku"),
    );
    const again = contentImport(...good, "--out", out("a"));
    expect(again.status).toBe(1);
    expect(lineFor(again, "code-reviewer.md")).toMatch(
      /skipped: .*code-reviewer\.md exists \(pass --force to overwrite it\)/,
    );
    expect(again.stderr).toMatch(/nothing was imported/);
    expect(fs.readFileSync(out("a/code-reviewer.md"), "utf8")).toContain("model: haiku");
    const forced = contentImport(...good, "--out", out("a"), "--force");
    expect(forced.status).toBe(0);
    expect(fs.readFileSync(out("a/code-reviewer.md"), "utf8")).toContain("model: opus");
  });

  it("--tier and --category apply to every file, a paid one with a single section too", () => {
    const files = ["card-v2.json", "lobehub-agent.json"].map((f) => path.join(src, f));
    const r = contentImport(...files, "--out", out("b"), "--tier", "pro", "--category", "education");
    expect(lineFor(r, "card-v2.json")).toMatch(/imported as/);
    expect(lineFor(r, "lobehub-agent.json")).toMatch(/imported as/);
    expect(r.status).toBe(0);
    const imported = loadPersonaDir(out("b")).personas.map((p) => [p.tier, p.category]);
    expect(imported).toEqual([
      ["pro", "education"],
      ["pro", "education"],
    ]);
  });

  it("imports persona files with their pictures: a catalog directory into another", () => {
    const r = contentImport(out("a"), "--out", out("d"));
    expect(lineFor2(r, out("a/sky-pilot.md"))).toMatch(
      /imported as .*d\/sky-pilot\.md \+ .*d\/sky-pilot\.png/,
    );
    expect(lineFor2(r, out("a/sky-pilot.png"))).toMatch(/skipped: a PNG with no character card/);
    expect(r.status).toBe(0);
    const again = loadPersonaDir(out("d"));
    expect(again.problems).toEqual([]);
    const strip = (p: object) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== "file"));
    expect(again.personas.map(strip)).toEqual(loadPersonaDir(out("a")).personas.map(strip));
  });

  it("refuses bad arguments with the usage (exit 2)", () => {
    for (const args of [
      [src],
      [src, "--out", out("c"), "--tier", "gold"],
      ["--out", out("c")],
      [src, "--out", out("c"), "--bogus"],
    ]) {
      const r = contentImport(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/Usage: npm run content:import/);
    }
    expect(fs.existsSync(out("c"))).toBe(false);
  });
});
