import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { lt } from "drizzle-orm";
import { personaUsageActors } from "@/lib/db/schema";
import { GET as listPersonas } from "@/app/api/personas/route";
import { GET as getPersona } from "@/app/api/personas/[id]/route";
import type { ChatActor } from "@/lib/auth/actor";
import { startReply } from "@/lib/chat/service";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { computeStats, publicStats, statsOf } from "./stats";
import { forgetStats } from "./stats-cache";
import { rankByStats } from "@/lib/personas/ranking";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const SITE = "http://localhost:3000";
const P = "backend-developer";
const Q = "frontend-developer";
const DAY = 86_400_000;

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => forgetStats());

/** One chat message, through the chat service as the route calls it; waits for the reply. */
async function chat(actor: ChatActor, personaId: string, clientGroup: string, daysAgo = 0) {
  const started = await startReply({
    db: h.db,
    catalog: h.catalog,
    actor,
    request: { personaId, message: "hello", trigger: "submit-message" } as never,
    clientGroup,
    now: new Date(Date.now() - daysAgo * DAY),
  });
  await started.run.done;
  return started;
}

describe("usage is distinct chatting users per persona per day", () => {
  it("counts exactly after a scripted mix of users and guests", async () => {
    const u1 = await h.user();
    const u2 = await h.user();
    // u1: many chats today with P, still one person; also one with Q.
    for (let i = 0; i < 4; i++) await chat(u1, P, "10.0.0.1");
    await chat(u1, Q, "10.0.0.1");
    // u2 from the same address as u1: a signed-in user is counted by account, not address.
    await chat(u2, P, "10.0.0.1");
    // Two guests behind one address: once. A visitor (new guest) from another address: once more.
    await chat(await h.guest(), P, "192.0.2.7");
    await chat(await h.guest(), P, "192.0.2.7");
    await chat(h.visitor(), P, "2001:db8:1:2::/64");
    // u1 on earlier days: 3 days ago (this week), 10 days ago (the week before), 40 days ago (neither).
    await chat(u1, P, "10.0.0.1", 3);
    await chat(u1, P, "10.0.0.1", 3);
    await chat(u1, P, "10.0.0.1", 10);
    await chat(u2, P, "10.0.0.1", 10);
    await chat(u1, P, "10.0.0.1", 40);

    const stats = await computeStats({ db: h.db });
    expect(statsOf(stats, P)).toMatchObject({ usersLast7Days: 5, usersPrevious7Days: 2, usersLast30Days: 7 });
    expect(statsOf(stats, Q)).toMatchObject({ usersLast7Days: 1, usersPrevious7Days: 0, usersLast30Days: 1 });

    const one = (await (
      await getPersona(new NextRequest(`${SITE}/api/personas/${P}`), {
        params: Promise.resolve({ id: P }),
      })
    ).json()) as { stats: unknown };
    expect(one.stats).toEqual({
      usersLast7Days: 5,
      usersLast30Days: 7,
      favorites: 0,
      rating: null,
      ratingCount: 0,
    });
    expect(publicStats(statsOf(stats, "no-such-persona")).usersLast7Days).toBe(0);

    // The first count of a day prunes who-chatted rows older than yesterday; the per-day counts stay.
    (globalThis as { personaUsagePrunedDay?: string }).personaUsagePrunedDay = undefined;
    await chat(u1, P, "10.0.0.1");
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(await h.db.$count(personaUsageActors, lt(personaUsageActors.day, yesterday))).toBe(0);
    expect(statsOf(await computeStats({ db: h.db }), P)).toMatchObject({
      usersLast7Days: 5,
      usersLast30Days: 7,
    });
  });

  it("sorts: most used by 30 days, trending by growth, in the API", async () => {
    const body = (await (
      await listPersonas(new NextRequest(`${SITE}/api/personas?sort=most-used&pageSize=3`))
    ).json()) as {
      items: { id: string; stats: { usersLast30Days: number } }[];
      sort: string;
    };
    expect(body.sort).toBe("most-used");
    expect(body.items.map((p) => p.id).slice(0, 2)).toEqual([P, Q]);
    const trending = (await (
      await listPersonas(new NextRequest(`${SITE}/api/personas?sort=trending`))
    ).json()) as {
      items: { id: string }[];
    };
    expect(trending.items[0]!.id).toBe(P);
    expect((await listPersonas(new NextRequest(`${SITE}/api/personas?sort=hot`))).status).toBe(400);
  });

  it("trending lets a new persona with real use pass a big one that is shrinking", () => {
    const [big, fresh, idle] = [h.catalog.all[0]!, h.catalog.all[1]!, h.catalog.all[2]!];
    const stats = new Map([
      [
        big.id,
        {
          usersLast7Days: 400,
          usersPrevious7Days: 1000,
          usersLast30Days: 3000,
          favorites: 0,
          ratingSum: 0,
          ratingCount: 0,
        },
      ],
      [
        fresh.id,
        {
          usersLast7Days: 120,
          usersPrevious7Days: 0,
          usersLast30Days: 120,
          favorites: 0,
          ratingSum: 0,
          ratingCount: 0,
        },
      ],
      [
        idle.id,
        {
          usersLast7Days: 2,
          usersPrevious7Days: 1,
          usersLast30Days: 3,
          favorites: 0,
          ratingSum: 0,
          ratingCount: 0,
        },
      ],
    ]);
    expect(rankByStats([big, fresh, idle], "trending", stats).map((p) => p.id)).toEqual([
      fresh.id,
      big.id,
      idle.id,
    ]);
    expect(rankByStats([idle, fresh, big], "most-used", stats).map((p) => p.id)).toEqual([
      big.id,
      fresh.id,
      idle.id,
    ]);
  });
});
