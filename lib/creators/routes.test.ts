import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as chooseHandle } from "@/app/api/studio/handle/route";
import { POST as newDraft } from "@/app/api/studio/drafts/route";
import { PUT as saveDraft } from "@/app/api/studio/drafts/[draftId]/route";
import { POST as submit } from "@/app/api/studio/drafts/[draftId]/submit/route";
import { GET as queue } from "@/app/api/moderation/queue/route";
import { POST as decide } from "@/app/api/moderation/decisions/route";
import { POST as unpublish } from "@/app/api/moderation/unpublish/route";
import { POST as remix } from "@/app/api/personas/[id]/remix/route";
import { POST as report } from "@/app/api/personas/[id]/report/route";
import { changeRole } from "@/lib/db/queries/moderation";
import { getCatalog } from "@/lib/personas";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { signInJar } from "@/testing/community-session";
import { EMPTY_DRAFT } from "./draft";
import { jar } from "@/testing/next-headers";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const SITE = "http://localhost:3000";
// The answers are read loosely here: each field is checked by the expectation that reads it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => jar.clear());

const request = (url: string, method: string, body?: unknown) =>
  new NextRequest(`${SITE}${url}`, {
    method,
    headers: { origin: SITE, host: "localhost:3000", "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
const json = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as Json,
});
const as = async (userId: string | null) => {
  jar.clear();
  if (userId) await signInJar(jar, h.db, userId);
};
const draftCtx = (draftId: string) => ({ params: Promise.resolve({ draftId }) });
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });

const fields = (word: string) => ({
  ...EMPTY_DRAFT,
  slug: "tide-reader",
  name: "Tide Reader",
  description: "Reads tide tables aloud for sailors.",
  greeting: "Ahoy! Which harbour?",
  tags: ["sailing"],
  body: `# Tide Reader\n\nYou read ${word} tide tables and answer in plain words.`,
  changelog: "First version",
  requestedTier: "max" as const,
});

describe("creators and moderators, through the route handlers", () => {
  it("runs draft → submit → approve → in the catalog, and refuses everyone who may not", async () => {
    const creator = await h.user("free");
    const other = await h.user("free");
    const moderator = await h.user("free");
    await changeRole({
      db: h.db,
      userId: moderator.userId,
      email: "m@example.com",
      role: "moderator",
      action: "grant",
      by: "test",
    });

    await as(null);
    expect((await json(await newDraft(request("/api/studio/drafts", "POST", {}), undefined))).status).toBe(
      401,
    );

    await as(creator.userId);
    expect((await json(await newDraft(request("/api/studio/drafts", "POST", {}), undefined))).status).toBe(
      403,
    );
    expect(
      (await chooseHandle(request("/api/studio/handle", "POST", { handle: "Bad Handle!" }), undefined))
        .status,
    ).toBe(400);
    expect(
      (await chooseHandle(request("/api/studio/handle", "POST", { handle: "sailor" }), undefined)).status,
    ).toBe(200);
    const created = await json(await newDraft(request("/api/studio/drafts", "POST", {}), undefined));
    expect(created.status).toBe(200);
    const draftId = created.body.id as string;
    const word = "zanzibarian";
    expect(
      (
        await saveDraft(
          request(`/api/studio/drafts/${draftId}`, "PUT", { fields: fields(word) }),
          draftCtx(draftId),
        )
      ).status,
    ).toBe(200);
    // A field over its cap is a 400, and nothing is saved.
    const tooLong = { ...fields(word), name: "x".repeat(81) };
    expect(
      (
        await saveDraft(
          request(`/api/studio/drafts/${draftId}`, "PUT", { fields: tooLong }),
          draftCtx(draftId),
        )
      ).status,
    ).toBe(400);

    // Another user cannot edit or submit the draft: it does not exist for them.
    await as(other.userId);
    await chooseHandle(request("/api/studio/handle", "POST", { handle: "other" }), undefined);
    expect(
      (
        await saveDraft(
          request(`/api/studio/drafts/${draftId}`, "PUT", { fields: fields("x") }),
          draftCtx(draftId),
        )
      ).status,
    ).toBe(404);
    expect(
      (await submit(request(`/api/studio/drafts/${draftId}/submit`, "POST"), draftCtx(draftId))).status,
    ).toBe(404);
    // A free user cannot see the queue or decide anything: 403 with no data.
    const denied = await json(await queue(request("/api/moderation/queue", "GET"), undefined));
    expect(denied).toEqual({ status: 403, body: { error: expect.objectContaining({ code: "forbidden" }) } });
    expect(JSON.stringify(denied.body)).not.toContain("sailor--");

    await as(creator.userId);
    const sent = await json(
      await submit(request(`/api/studio/drafts/${draftId}/submit`, "POST"), draftCtx(draftId)),
    );
    expect(sent.status).toBe(200);
    expect(sent.body.personaId).toBe("sailor--tide-reader");
    expect(sent.body.report.findings).toEqual([]);
    expect(sent.body.status).toBe("pending");
    // One pending submission per persona.
    const again = await json(
      await submit(request(`/api/studio/drafts/${draftId}/submit`, "POST"), draftCtx(draftId)),
    );
    expect(again.status).toBe(409);

    // The creator (no moderator) cannot approve their own work or set its tier.
    const selfApprove = await decide(
      request("/api/moderation/decisions", "POST", {
        decision: "approve",
        submissionId: sent.body.submissionId,
        tier: "max",
        reason: "",
      }),
      undefined,
    );
    expect(selfApprove.status).toBe(403);

    await as(moderator.userId);
    const listed = await json(await queue(request("/api/moderation/queue", "GET"), undefined));
    expect(listed.body.submissions.map((s: { personaId: string }) => s.personaId)).toContain(
      "sailor--tide-reader",
    );
    const approved = await decide(
      request("/api/moderation/decisions", "POST", {
        decision: "approve",
        submissionId: sent.body.submissionId,
        tier: "free",
        reason: "",
      }),
      undefined,
    );
    expect(approved.status).toBe(200);
    const persona = getCatalog().byId.get("sailor--tide-reader");
    expect(persona?.tier).toBe("free");
    expect(
      getCatalog()
        .index.search(word)
        .map((d) => getCatalog().all[d]!.id),
    ).toEqual(["sailor--tide-reader"]);

    // Someone else remixes and reports it; the moderator unpublishes it.
    await as(other.userId);
    expect(
      (await remix(request("/api/personas/sailor--tide-reader/remix", "POST"), idCtx("sailor--tide-reader")))
        .status,
    ).toBe(200);
    expect(
      (
        await report(
          request("/api/personas/sailor--tide-reader/report", "POST", { reason: "spam" }),
          idCtx("sailor--tide-reader"),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await report(
          request("/api/personas/sailor--tide-reader/report", "POST", { reason: "spam" }),
          idCtx("sailor--tide-reader"),
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await unpublish(
          request("/api/moderation/unpublish", "POST", { personaId: "sailor--tide-reader", reason: "x" }),
          undefined,
        )
      ).status,
    ).toBe(403);
    await as(moderator.userId);
    expect(
      (
        await unpublish(
          request("/api/moderation/unpublish", "POST", { personaId: "sailor--tide-reader", reason: "spam" }),
          undefined,
        )
      ).status,
    ).toBe(200);
    expect(getCatalog().byId.has("sailor--tide-reader")).toBe(false);
    const events = (await json(await queue(request("/api/moderation/queue", "GET"), undefined))).body.events;
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      "persona.unpublished",
      "submission.approved:free",
    ]);
  });
});
