import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReply } from "@/lib/chat/service";
import { conversationFeedback } from "@/lib/db/queries/reply-feedback";
import { replyFeedback } from "@/lib/db/schema";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { feedbackSchema, setReplyFeedback } from "./feedback";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});

async function chat(actor: Awaited<ReturnType<ChatHarness["user"]>>) {
  const started = await startReply({
    db: h.db,
    catalog: h.catalog,
    actor,
    request: { personaId: "backend-developer", message: "hello", trigger: "submit" } as never,
  });
  await started.run.done;
  const reply = (await h.messagesOf(started.conversationId)).at(-1)!;
  return { conversationId: started.conversationId, replyId: reply.id };
}

describe("reply feedback", () => {
  it("a user and a guest rate a reply, change it and take it back; stored with the version", async () => {
    for (const actor of [await h.user(), await h.guest()]) {
      const { conversationId, replyId } = await chat(actor);
      const rate = (request: object) =>
        setReplyFeedback({
          db: h.db,
          catalog: h.catalog,
          userId: actor.userId,
          conversationId,
          request: feedbackSchema.parse({ messageId: replyId, ...request }),
        });
      expect(await rate({ rating: "up" })).toEqual({ rating: "up" });
      await rate({ rating: "down", reason: "unsafe", text: "  told me to rm -rf  " });
      const rows = await h.db.select().from(replyFeedback);
      const mine = rows.filter((r) => r.messageId === replyId);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        rating: "down",
        reason: "unsafe",
        reasonText: "told me to rm -rf",
        personaId: "backend-developer",
        personaVersion: h.catalog.byId.get("backend-developer")!.version,
        userId: actor.userId,
      });
      expect(await conversationFeedback({ db: h.db, conversationId })).toHaveLength(1);
      await rate({ rating: null });
      expect(await conversationFeedback({ db: h.db, conversationId })).toHaveLength(0);
    }
  });

  it("only the conversation's owner, only replies, and a reason only with 👎 (≤ 500 characters)", async () => {
    const owner = await h.user();
    const { conversationId, replyId } = await chat(owner);
    const userMessage = (await h.messagesOf(conversationId)).find((m) => m.role === "user")!;
    const other = await h.user();
    for (const [userId, messageId] of [
      [other.userId, replyId],
      [owner.userId, userMessage.id],
    ] as const)
      await expect(
        setReplyFeedback({
          db: h.db,
          catalog: h.catalog,
          userId,
          conversationId,
          request: { messageId, rating: "up" },
        }),
      ).rejects.toMatchObject({ code: "not_found" });
    expect(feedbackSchema.safeParse({ messageId: replyId, rating: "up", reason: "wrong" }).success).toBe(
      false,
    );
    expect(
      feedbackSchema.safeParse({ messageId: replyId, rating: "down", text: "x".repeat(501) }).success,
    ).toBe(false);
    expect(feedbackSchema.safeParse({ messageId: replyId, rating: "meh" }).success).toBe(false);
    expect(feedbackSchema.safeParse({ messageId: replyId, rating: "down", reason: "wrong" }).success).toBe(
      true,
    );
  });
});
