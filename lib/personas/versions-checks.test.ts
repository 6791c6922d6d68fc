import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestCheckRun } from "@/lib/db/queries/persona-checks";
import { roundTrip } from "@/lib/creators/review/round-trip";
import { EXPORT_FORMATS } from "@/lib/formats/types";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { catalogWith, contentText } from "@/testing/persona-versions";
import { runPersonaChecks } from "./checks";
import { checkFailures, expectationMatches } from "./checks-match";
import { parsePersonaFile } from "./parse";

const ID = "backend-developer";
const CHECKS = `checks:
  - message: "Say hello"
    mustContain: ["deterministic", "/you said:/i"]
  - message: "Anything"
    mustNotContain: ["/fake\\\\s+model/"]
`;
let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});

const withChecks = () =>
  catalogWith(
    h.catalog,
    contentText(ID).replace(/^version: .*$/m, (l) => `${l}\n${CHECKS.trimEnd()}`),
    ID,
  ).persona;

describe("persona checks", () => {
  it("matches text case-insensitively and /regex/flags", () => {
    expect(expectationMatches("HELLO", "well, hello there")).toBe(true);
    expect(expectationMatches("/^well/", "well, hello")).toBe(true);
    expect(expectationMatches("/^Hello/", "well, hello")).toBe(false);
    expect(expectationMatches("/^hello/i", "Hello")).toBe(true);
    expect(checkFailures({ message: "m", mustContain: ["a"], mustNotContain: ["b"] }, "b only")).toEqual([
      "does not contain a",
      "contains b",
    ]);
  });

  it("front matter takes at most 10 checks, each with an expectation and a valid pattern", () => {
    const parse = (checks: string) =>
      parsePersonaFile(
        `${ID}.md`,
        Buffer.from(contentText(ID).replace(/^version: .*$/m, (l) => `${l}\n${checks}`)),
      );
    expect(parse(CHECKS.trimEnd()).persona?.checks).toHaveLength(2);
    const eleven = `checks:\n${Array.from({ length: 11 }, () => `  - message: "m"\n    mustContain: ["x"]`).join("\n")}`;
    expect(parse(eleven).problems[0]).toMatchObject({
      field: "checks",
      reason: "must have at most 10 entries",
    });
    expect(parse(`checks:\n  - message: "m"`).problems[0]?.reason).toMatch(/mustContain or mustNotContain/);
    expect(parse(`checks:\n  - message: "m"\n    mustContain: ["/(/"]`).problems[0]?.reason).toMatch(
      /not a valid regular expression/,
    );
  });

  it("travel in every export format and import back the same", () => {
    const persona = withChecks();
    expect(persona.checks).toHaveLength(2);
    for (const format of EXPORT_FORMATS) expect(roundTrip(persona, format), format).toEqual({ differs: [] });
  });

  it("run against the model: each result, the count, stored for the version", async () => {
    const persona = withChecks();
    let admitted = 0;
    const report = await runPersonaChecks({ persona, db: h.db, admit: async () => void admitted++ });
    expect(admitted).toBe(2);
    expect(report.total).toBe(2);
    expect(report.passed).toBe(1);
    expect(report.results.map((r) => r.status)).toEqual(["passed", "failed"]);
    expect(report.results[1]!.notes).toEqual(["contains /fake\\s+model/"]);
    expect(report.model).toBeTruthy();
    expect(await latestCheckRun({ db: h.db, personaId: ID, textHash: persona.textHash! })).toMatchObject({
      passed: 1,
      total: 2,
    });
  });

  it("without a model, or past the quota, checks are listed as not run", async () => {
    const persona = withChecks();
    const none = await runPersonaChecks({ persona, model: null });
    expect(none).toMatchObject({ model: null, passed: 0, total: 2 });
    expect(none.results.every((r) => r.status === "not_run" && r.notes[0] === "no model is configured")).toBe(
      true,
    );
    const refused = await runPersonaChecks({
      persona,
      admit: async () => {
        throw new Error("daily quota used");
      },
    });
    expect(refused.results.map((r) => [r.status, r.notes[0]])).toEqual([
      ["not_run", "daily quota used"],
      ["not_run", "daily quota used"],
    ]);
  });

  it("a model that does not answer in time is an error, not a hang", async () => {
    const persona = withChecks();
    const slow = { ...persona, checks: [{ message: "[[slow:400]] hi", mustContain: ["x"] }] };
    const report = await runPersonaChecks({ persona: slow, timeoutMs: 300 });
    expect(report.results[0]).toMatchObject({ status: "error", notes: ["no reply within 0 s"] });
  });
});
