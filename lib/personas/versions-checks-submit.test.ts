import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as chooseHandle } from "@/app/api/studio/handle/route";
import { POST as newDraft } from "@/app/api/studio/drafts/route";
import { PUT as saveDraft } from "@/app/api/studio/drafts/[draftId]/route";
import { POST as submit } from "@/app/api/studio/drafts/[draftId]/submit/route";
import { dailyLimit, usageDay } from "@/lib/chat/quota";
import { EMPTY_DRAFT, type DraftCheck } from "@/lib/creators/draft";
import { getSubmission } from "@/lib/db/queries/creator-submissions";
import { latestCheckRun } from "@/lib/db/queries/persona-checks";
import { addDailyUsage, getDailyUsage } from "@/lib/db/queries/usage";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { signInJar } from "@/testing/community-session";
import { jar } from "@/testing/next-headers";
import { catalogWith, contentText } from "@/testing/persona-versions";
import { runSubmissionChecks, submissionPersona } from "./checks-submit";
import { personaChecksSummary, submissionChecks } from "./checks-view";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);
/** What the route leaves for after the answer (Next's `after`), run by the test when it chooses. */
const scheduled = vi.hoisted(() => [] as (() => Promise<unknown>)[]);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: () => Promise<unknown>) => void scheduled.push(task),
}));

const SITE = "http://localhost:3000";
let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});

const request = (url: string, method: string, body?: unknown) =>
  new NextRequest(`${SITE}${url}`, {
    method,
    headers: { origin: SITE, host: "localhost:3000", "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const CHECKS: DraftCheck[] = [
  { message: "Say hello", mustContain: ["deterministic", "/you said:/i"], mustNotContain: [] },
  { message: "Anything", mustContain: [], mustNotContain: ["/fake\\s+model/"] },
];
const fields = (slug: string) => ({
  ...EMPTY_DRAFT,
  slug,
  name: "Harbour Pilot",
  description: "Guides small boats into unfamiliar harbours.",
  greeting: "Which harbour tonight?",
  tags: ["sailing"],
  body: `# Harbour Pilot\n\nYou guide ${slug} skippers through buoys, tides and leading lights.`,
  changelog: "First version",
  checks: CHECKS,
});

/** A signed-in creator with a handle submits a draft with checks through the route; its answer and submission. */
async function submitWithChecks(handle: string, slug: string) {
  const creator = await h.user("free");
  jar.clear();
  await signInJar(jar, h.db, creator.userId);
  expect((await chooseHandle(request("/api/studio/handle", "POST", { handle }), undefined)).status).toBe(200);
  const draftId = (
    (await (await newDraft(request("/api/studio/drafts", "POST", {}), undefined)).json()) as {
      id: string;
    }
  ).id;
  const ctx = { params: Promise.resolve({ draftId }) };
  const saved = await saveDraft(
    request(`/api/studio/drafts/${draftId}`, "PUT", { fields: fields(slug) }),
    ctx,
  );
  expect(saved.status).toBe(200);
  scheduled.length = 0;
  const response = await submit(request(`/api/studio/drafts/${draftId}/submit`, "POST"), ctx);
  const body = (await response.json()) as { submissionId: string; status: string; checks: number };
  expect(response.status).toBe(200);
  expect(body, JSON.stringify(body)).toMatchObject({ status: "pending", checks: 2 });
  const submission = (await getSubmission({ db: h.db, id: body.submissionId }))!;
  return { creator, body, submission };
}

describe("a persona's checks on submit", { timeout: 30_000 }, () => {
  it("run after the answer, within the creator's quota, and store the report for the submitted text", async () => {
    const { creator, submission } = await submitWithChecks("pilot", "harbour-pilot");
    const persona = submissionPersona(submission)!;
    expect(persona.checks).toHaveLength(2);
    // The answer came before any check ran: one task is left for after it, nothing is stored yet.
    expect(scheduled).toHaveLength(1);
    expect(await submissionChecks({ db: h.db, submission })).toEqual({ state: "waiting", count: 2 });
    const before = await getDailyUsage({ db: h.db, userId: creator.userId, day: usageDay(new Date()) });
    await scheduled[0]!();

    expect(
      await latestCheckRun({ db: h.db, personaId: submission.personaId, textHash: persona.textHash! }),
    ).toMatchObject({
      passed: 1,
      total: 2,
    });
    const shown = await submissionChecks({ db: h.db, submission });
    expect(shown.state).toBe("ran");
    if (shown.state !== "ran") return;
    expect(shown.run.model).toBeTruthy();
    expect(shown.run.results).toEqual([
      { message: "Say hello", status: "passed", notes: [] },
      { message: "Anything", status: "failed", notes: ["contains /fake\\s+model/"] },
    ]);
    // Each check is one of the creator's messages today.
    expect(await getDailyUsage({ db: h.db, userId: creator.userId, day: usageDay(new Date()) })).toBe(
      before + 2,
    );
    // Once published with this text, its page gives the summary from the same run.
    expect(await personaChecksSummary({ db: h.db, persona })).toMatchObject({
      state: "passes",
      passed: 1,
      total: 2,
      model: shown.run.model,
    });
    // A moderator's tier change rewrites the published text (another hash): the version's run still shows.
    expect(
      await personaChecksSummary({ db: h.db, persona: { ...persona, textHash: "0".repeat(64) } }),
    ).toMatchObject({ state: "passes", passed: 1, total: 2 });
    expect(await personaChecksSummary({ db: h.db, persona: { ...persona, version: "9.9.9" } })).toMatchObject(
      { state: "not_run", total: 2 },
    );
  });

  it("past the creator's daily quota, the rest are not run", async () => {
    const { creator, submission } = await submitWithChecks("skipper", "tide-pilot");
    const limit = dailyLimit({ kind: "user", tier: "free" });
    const day = usageDay(new Date());
    const used = await getDailyUsage({ db: h.db, userId: creator.userId, day });
    await addDailyUsage({ db: h.db, userId: creator.userId, day, count: limit - 1 - used });
    const report = (await runSubmissionChecks({ db: h.db, submissionId: submission.id }))!;
    expect(report.results.map((r) => r.status)).toEqual(["passed", "not_run"]);
    expect(report.results[1]!.notes[0]).toMatch(`You have used all ${limit} messages for today`);
    expect(await getDailyUsage({ db: h.db, userId: creator.userId, day })).toBe(limit);
    const shown = await submissionChecks({ db: h.db, submission });
    expect(shown.state === "ran" && shown.run.results.map((r) => r.status)).toEqual(["passed", "not_run"]);
  });

  it("with no model configured, every check is listed as not run, and the page says so", async () => {
    const { creator, submission } = await submitWithChecks("navigator", "reef-pilot");
    const day = usageDay(new Date());
    const used = await getDailyUsage({ db: h.db, userId: creator.userId, day });
    const report = (await runSubmissionChecks({ db: h.db, submissionId: submission.id, model: null }))!;
    expect(report).toMatchObject({ model: null, passed: 0, total: 2 });
    expect(
      report.results.every((r) => r.status === "not_run" && r.notes[0] === "no model is configured"),
    ).toBe(true);
    // Nothing ran, so nothing is counted.
    expect(await getDailyUsage({ db: h.db, userId: creator.userId, day })).toBe(used);
    expect(await personaChecksSummary({ db: h.db, persona: submissionPersona(submission)! })).toMatchObject({
      state: "no_model",
      total: 2,
    });
  });
});

describe("drafts", () => {
  it("a client that predates checks still saves a draft (none), and too many checks are a 400", async () => {
    const creator = await h.user("free");
    jar.clear();
    await signInJar(jar, h.db, creator.userId);
    await chooseHandle(request("/api/studio/handle", "POST", { handle: "deckhand" }), undefined);
    const draftId = (
      (await (await newDraft(request("/api/studio/drafts", "POST", {}), undefined)).json()) as {
        id: string;
      }
    ).id;
    const ctx = { params: Promise.resolve({ draftId }) };
    const old: Partial<ReturnType<typeof fields>> = fields("old-client");
    delete old.checks;
    expect(
      (await saveDraft(request(`/api/studio/drafts/${draftId}`, "PUT", { fields: old }), ctx)).status,
    ).toBe(200);
    const eleven = { ...fields("old-client"), checks: Array.from({ length: 11 }, () => CHECKS[0]!) };
    const refused = await saveDraft(request(`/api/studio/drafts/${draftId}`, "PUT", { fields: eleven }), ctx);
    expect(refused.status).toBe(400);
  });
});

describe("the persona page's checks line", () => {
  it("is absent without checks, 'not run yet' before a run, and the stored run's figures after", async () => {
    const ID = "frontend-developer";
    const plain = h.catalog.byId.get(ID)!;
    expect(await personaChecksSummary({ db: h.db, persona: plain })).toBeNull();
    const text = contentText(ID).replace(
      /^version: .*$/m,
      (l) => `${l}\nchecks:\n  - message: "hi"\n    mustContain: ["deterministic"]`,
    );
    const persona = catalogWith(h.catalog, text, ID).persona;
    expect(await personaChecksSummary({ db: h.db, persona })).toEqual({ state: "not_run", total: 1 });
    const { runPersonaChecks } = await import("./checks");
    const report = await runPersonaChecks({ persona, db: h.db });
    expect(await personaChecksSummary({ db: h.db, persona })).toEqual({
      state: "passes",
      passed: 1,
      total: 1,
      ranAt: report.ranAt,
      model: report.model,
    });
  });
});
