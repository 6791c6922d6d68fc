import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCompletion } from "@/lib/api/completions";
import { startReply } from "@/lib/chat/service";
import { addFavorite } from "@/lib/db/queries/favorites";
import { conversations, messages } from "@/lib/db/schema";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { catalogWith, contentText, versionText } from "@/testing/persona-versions";
import { eq } from "drizzle-orm";
import type { Catalog } from "./catalog";
import { switchToLatest } from "./versions-conversation";
import { recordCatalogVersions } from "./versions-record";
import { personaStats, statsCsv } from "./versions-stats";
import { setReplyFeedback } from "@/lib/community/feedback";

const ID = "data-analyst";
let h: ChatHarness;
let v1: Catalog;
let v2: Catalog;

beforeAll(async () => {
  h = await startChatHarness();
  const base = contentText(ID);
  const t1 = versionText(base, { version: "1.0.0" });
  const t2 = versionText(base, { version: "1.1.0", changelog: "More charts" });
  v1 = catalogWith(h.catalog, t1, ID).catalog;
  v2 = catalogWith(h.catalog, t2, ID).catalog;
  for (const [catalog, text] of [
    [v1, t1],
    [v2, t2],
  ] as const)
    await recordCatalogVersions({
      db: h.db,
      sources: [{ persona: catalog.byId.get(ID)!, source: "content", text: () => text }],
    });
});
afterAll(async () => {
  await h?.close();
});

async function say(
  catalog: Catalog,
  actor: Awaited<ReturnType<ChatHarness["user"]>>,
  conversationId?: string,
) {
  const started = await startReply({
    db: h.db,
    catalog,
    actor,
    request: (conversationId
      ? { conversationId, message: "hi", trigger: "submit" }
      : { personaId: ID, message: "hi", trigger: "submit" }) as never,
  });
  await started.run.done;
  const reply = (await h.messagesOf(started.conversationId)).at(-1)!;
  return { id: started.conversationId, replyId: reply.id };
}

const DAY = 86_400_000;
/** Moves a conversation's rows (and its switches) back in time, to make yesterday's and last week's use. */
async function age(conversationId: string, days: number) {
  const shift = (d: Date) => new Date(d.getTime() - days * DAY);
  const conv = (await h.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0]!;
  await h.db
    .update(conversations)
    .set({ createdAt: shift(conv.createdAt) })
    .where(eq(conversations.id, conversationId));
  for (const m of await h.db.select().from(messages).where(eq(messages.conversationId, conversationId)))
    await h.db
      .update(messages)
      .set({ createdAt: shift(m.createdAt) })
      .where(eq(messages.id, m.id));
}

describe("creator figures", { timeout: 30_000 }, () => {
  it("count conversations, messages, people, returning people, ratings, stars and API calls per version", async () => {
    const alice = await h.user();
    const bob = await h.user();
    const creator = await h.user();
    // Alice: a conversation on 1.0.0 three days ago, and another today on 1.0.0 (returning within 7 days).
    const a1 = await say(v1, alice);
    await age(a1.id, 3);
    const a2 = await say(v1, alice);
    await say(v1, alice, a2.id);
    // Bob: one on 1.0.0 today, switched to 1.1.0, one more message; 👍 on the 1.0.0 reply, 👎 on the 1.1.0 one.
    const b = await say(v1, bob);
    await switchToLatest({ db: h.db, catalog: v2, userId: bob.userId, conversationId: b.id });
    const b2 = await say(v2, bob, b.id);
    for (const [replyId, rating] of [
      [b.replyId, "up"],
      [b2.replyId, "down"],
    ] as const)
      await setReplyFeedback({
        db: h.db,
        catalog: v2,
        userId: bob.userId,
        conversationId: b.id,
        request: { messageId: replyId, rating },
      });
    await addFavorite({ db: h.db, userId: bob.userId, personaId: ID });
    // The creator's own use is left out.
    await say(v2, creator);
    await addFavorite({ db: h.db, userId: creator.userId, personaId: ID });
    // Two API calls by Alice on 1.1.0.
    for (let i = 0; i < 2; i++) {
      const started = await startCompletion({
        db: h.db,
        catalog: v2,
        caller: { keyId: "k", userId: alice.userId, tier: alice.tier },
        request: { model: `${ID}@1.1.0`, messages: [{ role: "user", content: "hi" }] } as never,
      });
      await started.run();
    }

    const stats = await personaStats({ db: h.db, personaId: ID, exclude: [creator.userId], days: 7 });
    expect(stats.total).toMatchObject({
      conversations: 3,
      messages: 5,
      apiCalls: 2,
      users7: 2,
      users30: 2,
      returning: 1,
      up: 1,
      down: 1,
      upRate: 0.5,
      stars: 1,
    });
    const byVersion = Object.fromEntries(stats.versions.map((v) => [v.version, v]));
    expect(stats.versions.map((v) => v.version)).toEqual(["1.1.0", "1.0.0"]);
    expect(byVersion["1.0.0"]).toMatchObject({
      conversations: 3,
      messages: 4,
      apiCalls: 0,
      users7: 2,
      up: 1,
      down: 0,
    });
    expect(byVersion["1.1.0"]).toMatchObject({
      conversations: 0,
      messages: 1,
      apiCalls: 2,
      users7: 2,
      up: 0,
      down: 1,
    });
    expect(stats.days).toHaveLength(7);
    const today = stats.days.at(-1)!;
    expect(today).toMatchObject({
      conversations: 2,
      messages: 4,
      apiCalls: 2,
      users: 2,
      up: 1,
      down: 1,
      stars: 1,
    });
    expect(stats.days.at(-4)).toMatchObject({ conversations: 1, messages: 1, users: 1 });
    const csv = statsCsv(stats).trim().split("\n");
    expect(csv[0]).toBe("day,conversations,messages,api_calls,users,thumbs_up,thumbs_down,stars");
    expect(csv.at(-1)).toBe(`${today.day},2,4,2,2,1,1,1`);
    // With nobody excluded, the creator counts.
    expect((await personaStats({ db: h.db, personaId: ID, days: 7 })).total).toMatchObject({
      conversations: 4,
      users7: 3,
      stars: 2,
    });
  });
});
