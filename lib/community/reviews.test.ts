import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { conversations, reviews } from "@/lib/db/schema";
import { GET as listPersonas } from "@/app/api/personas/route";
import { GET as getPersona } from "@/app/api/personas/[id]/route";
import { DELETE, PUT } from "@/app/api/personas/[id]/review/route";
import { GET as listReviewsRoute } from "@/app/api/personas/[id]/reviews/route";
import { POST as report } from "@/app/api/reviews/[id]/report/route";
import { POST as shareRoute } from "@/app/api/conversations/[id]/share/route";
import { POST as continueRoute } from "@/app/share/[token]/continue/route";
import { createConversation } from "@/lib/db/queries/conversations";
import { insertMessage } from "@/lib/db/queries/messages";
import { listReportedReviews } from "@/lib/db/queries/reviews";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { signInJar } from "@/testing/community-session";
import { personaJsonLd } from "./json-ld";
import { bayesianRating, rankByStats } from "@/lib/personas/ranking";
import { moderateReview } from "./review-moderation";
import { forgetStats } from "./stats-cache";
import { jar } from "@/testing/next-headers";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const SITE = "http://localhost:3000";
const P = "backend-developer";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  jar.clear();
  forgetStats();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const headers = { origin: SITE, host: "localhost:3000", "content-type": "application/json" };
const put = (id: string, body: unknown) =>
  PUT(
    new NextRequest(`${SITE}/api/personas/${id}/review`, {
      method: "PUT",
      headers,
      body: JSON.stringify(body),
    }),
    ctx(id),
  );
const del = (id: string) =>
  DELETE(new NextRequest(`${SITE}/api/personas/${id}/review`, { method: "DELETE", headers }), ctx(id));

/** A signed-in user who has sent `sent` messages to the persona. */
async function reviewer(personaId: string, sent: number) {
  const user = await h.user();
  const conv = await createConversation({
    db: h.db,
    userId: user.userId,
    personaId,
    title: "t",
    greeting: "hi",
  });
  for (let i = 0; i < sent; i++)
    await insertMessage({ db: h.db, conversationId: conv.id, role: "user", content: `m${i}` });
  await signInJar(jar, h.db, user.userId);
  return user;
}

describe("reviews are earned by use", () => {
  it("before 3 messages: 403 with the reason; a visitor: 401", async () => {
    expect((await put(P, { rating: 5 })).status).toBe(401);
    await reviewer(P, 2);
    const refused = await put(P, { rating: 5 });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toMatch(/at least 3 messages.*you have sent 2/);
  });

  it("messages copied by 'Continue this chat' are not the viewer's: only what they sent counts", async () => {
    const sharer = await reviewer(P, 4);
    const [conv] = await h.db.select().from(conversations).where(eq(conversations.userId, sharer.userId));
    const shared = await shareRoute(
      new NextRequest(`${SITE}/api/conversations/${conv!.id}/share`, { method: "POST", headers }),
      ctx(conv!.id),
    );
    const token = new URL(((await shared.json()) as { url: string }).url).pathname.split("/").pop()!;
    const viewer = await h.user();
    await signInJar(jar, h.db, viewer.userId);
    const continued = await continueRoute(
      new NextRequest(`${SITE}/share/${token}/continue`, { method: "POST", headers }),
      { params: Promise.resolve({ token }) },
    );
    expect(continued.status).toBe(303);
    const copy = new URL(continued.headers.get("location")!).pathname.split("/").pop()!;
    const refused = await put(P, { rating: 5 });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /you have sent 0/,
    );
    for (let i = 0; i < 3; i++)
      await insertMessage({ db: h.db, conversationId: copy, role: "user", content: `mine ${i}` });
    expect((await put(P, { rating: 5 })).status).toBe(200);
  });

  it("bad input is a 400: a rating of 6, a text over 2,000 characters, an unknown field", async () => {
    await reviewer(P, 3);
    expect((await put(P, { rating: 6 })).status).toBe(400);
    expect((await put(P, { rating: 4.5 })).status).toBe(400);
    expect((await put(P, { rating: 4, text: "x".repeat(2001) })).status).toBe(400);
    expect((await put(P, { rating: 4, userId: "someone" })).status).toBe(400);
  });

  it("one review per user per persona: a second PUT edits it; DELETE removes only the viewer's", async () => {
    await reviewer(P, 3);
    const first = (await (await put(P, { rating: 2, text: "meh" })).json()) as {
      id: string;
      personaVersion: string;
    };
    const second = (await (await put(P, { rating: 4, text: "better [link](https://x.example)" })).json()) as {
      id: string;
      rating: number;
      text: string;
    };
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ rating: 4, text: "better [link](https://x.example)" });
    expect(first.personaVersion).toBe(h.catalog.byId.get(P)!.version);
    expect(await h.db.$count(reviews, eq(reviews.id, first.id))).toBe(1);
    await reviewer(P, 0);
    expect((await del(P)).status).toBe(404);
    expect(await h.db.$count(reviews, eq(reviews.id, first.id))).toBe(1);
  });
});

describe("ratings and counts are exact; reported reviews stay until an operator acts", () => {
  it("average, count, distribution and stats after a scripted set of reviews", async () => {
    const persona = "data-analyst";
    const ids: string[] = [];
    for (const rating of [5, 4, 4, 1]) {
      await reviewer(persona, 3);
      ids.push(((await (await put(persona, { rating })).json()) as { id: string }).id);
    }
    const page = (await (
      await listReviewsRoute(new NextRequest(`${SITE}/api/personas/${persona}/reviews`), ctx(persona))
    ).json()) as {
      total: number;
      average: number;
      distribution: { rating: number; count: number }[];
      items: { id: string; author: string }[];
    };
    expect(page).toMatchObject({ total: 4, average: 3.5 });
    expect(page.distribution).toEqual([
      { rating: 5, count: 1 },
      { rating: 4, count: 2 },
      { rating: 3, count: 0 },
      { rating: 2, count: 0 },
      { rating: 1, count: 1 },
    ]);
    expect(JSON.stringify(page)).not.toMatch(/@example\.com/);

    // Reported: still visible and counted until hidden; hidden: out of pages and ratings; restored: back.
    await reviewer(persona, 0);
    const reported = await report(
      new NextRequest(`${SITE}/api/reviews/${ids[3]}/report`, {
        method: "POST",
        headers,
        body: '{"reason":"spam"}',
      }),
      ctx(ids[3]!),
    );
    expect(reported.status).toBe(200);
    expect((await listReportedReviews({ db: h.db })).map((r) => [r.id, r.reports, r.reasons])).toEqual([
      [ids[3], 1, ["spam"]],
    ]);
    const stats = async () =>
      (
        (await (
          await getPersona(new NextRequest(`${SITE}/api/personas/${persona}`), ctx(persona))
        ).json()) as { stats: unknown }
      ).stats;
    expect(await stats()).toMatchObject({ rating: 3.5, ratingCount: 4 });
    expect(await moderateReview({ db: h.db, id: ids[3]!, hidden: true })).toBe(true);
    expect(await listReportedReviews({ db: h.db })).toEqual([]);
    expect(await stats()).toMatchObject({ rating: 4.33, ratingCount: 3 });
    expect(await moderateReview({ db: h.db, id: ids[3]!, hidden: false })).toBe(true);
    expect(await stats()).toMatchObject({ rating: 3.5, ratingCount: 4 });
  });

  it("Top rated uses a Bayesian average: one 5-star review does not beat forty averaging 4.8", () => {
    const [one, forty] = [h.catalog.all[0]!, h.catalog.all[1]!];
    const base = { usersLast7Days: 0, usersPrevious7Days: 0, usersLast30Days: 0, favorites: 0 };
    const stats = new Map([
      [one.id, { ...base, ratingSum: 5, ratingCount: 1 }],
      [forty.id, { ...base, ratingSum: 192, ratingCount: 40 }],
    ]);
    expect(bayesianRating(5, 1)).toBeLessThan(bayesianRating(192, 40));
    expect(rankByStats([one, forty], "top-rated", stats).map((p) => p.id)).toEqual([forty.id, one.id]);
  });

  it("sort=top-rated in the API puts the best-reviewed persona first", async () => {
    const body = (await (
      await listPersonas(new NextRequest(`${SITE}/api/personas?sort=top-rated`))
    ).json()) as {
      items: { id: string; stats: { ratingCount: number } }[];
    };
    expect(body.items[0]!.stats.ratingCount).toBeGreaterThan(0);
  });

  it("JSON-LD carries the aggregate rating and cannot close its script tag", () => {
    const text = personaJsonLd(
      { id: "x", name: "</script><script>alert(1)</script>", description: "d", version: "1.0.0" },
      { usersLast7Days: 0, usersLast30Days: 0, favorites: 0, rating: 4.5, ratingCount: 2 },
      SITE,
    );
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toMatchObject({ aggregateRating: { ratingValue: 4.5, ratingCount: 2 } });
  });
});
