import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { messages } from "@/lib/db/schema";
import { chooseReplyVersion } from "@/lib/db/queries/messages";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import type { ChatActor } from "@/lib/auth/actor";
import { messageViews } from "./conversation-view";
import { startReply } from "./service";
import { chatRequestSchema } from "./validation";

const FREE = "backend-developer";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const reply = async (actor: ChatActor, input: Record<string, unknown>) =>
  await startReply({ db: h.db, catalog: h.catalog, actor, request: chatRequestSchema.parse(input) });

async function finished(actor: ChatActor, input: Record<string, unknown>) {
  const started = await reply(actor, input);
  await started.run.done;
  return started;
}

describe("reply versions", () => {
  it("Regenerate keeps the earlier replies as versions of the last one, newest shown", async () => {
    const guest = await h.guest();
    const first = await finished(guest, { personaId: FREE, message: "one question" });
    const conversationId = first.conversationId;
    const second = await finished(guest, { conversationId, trigger: "regenerate" });
    const third = await finished(guest, { conversationId, trigger: "regenerate" });

    // The path the model and the page see: one reply, the newest.
    expect((await h.messagesOf(conversationId)).map((m) => m.id)).toEqual([
      (await h.messagesOf(conversationId))[0]!.id,
      (await h.messagesOf(conversationId))[1]!.id,
      third.run.messageId,
    ]);
    const views = await messageViews(h.db, conversationId);
    expect(views.at(-1)!.versions!.map((v) => v.id)).toEqual([
      first.run.messageId,
      second.run.messageId,
      third.run.messageId,
    ]);
    expect(views.at(-1)!.versions!.every((v) => v.content.includes("one question"))).toBe(true);
    // Only the last reply carries versions.
    expect(views.slice(0, -1).every((v) => v.versions === undefined)).toBe(true);
  });

  it("choosing a version puts it on the path; the next message follows it, and the versions go quiet", async () => {
    const guest = await h.guest();
    const first = await finished(guest, { personaId: FREE, message: "pick me" });
    const conversationId = first.conversationId;
    const second = await finished(guest, { conversationId, trigger: "regenerate" });

    expect(await chooseReplyVersion({ db: h.db, conversationId, id: first.run.messageId })).toBe(true);
    expect((await h.messagesOf(conversationId)).at(-1)!.id).toBe(first.run.messageId);
    expect((await messageViews(h.db, conversationId)).at(-1)!.versions).toHaveLength(2);

    await finished(guest, { conversationId, message: "next" });
    const path = (await h.messagesOf(conversationId)).map((m) => m.id);
    expect(path).toContain(first.run.messageId);
    expect(path).not.toContain(second.run.messageId);
    expect(path).toHaveLength(5);
    // An earlier reply's versions can no longer be chosen: what follows was written after the one shown.
    expect(await chooseReplyVersion({ db: h.db, conversationId, id: second.run.messageId })).toBe(false);
  });

  it("a version can't be chosen from another conversation, and a reply with no text is not kept", async () => {
    const guest = await h.guest();
    const mine = await finished(guest, { personaId: FREE, message: "mine" });
    await finished(guest, { conversationId: mine.conversationId, trigger: "regenerate" });
    const other = await finished(await h.guest(), { personaId: FREE, message: "other" });
    expect(
      await chooseReplyVersion({ db: h.db, conversationId: other.conversationId, id: mine.run.messageId }),
    ).toBe(false);

    const failed = await finished(guest, { personaId: FREE, message: "[[fail:400]] nothing" });
    expect(failed.run.text).toBe("");
    const retried = await reply(guest, { conversationId: failed.conversationId, trigger: "regenerate" });
    await retried.run.done;
    const views = await messageViews(h.db, failed.conversationId);
    expect(views).toHaveLength(3);
    expect(views.at(-1)!.versions).toBeUndefined();
    expect(await h.db.$count(messages, eq(messages.id, failed.run.messageId))).toBe(0);
  });

  it("edit replaces the user's last message and its reply, keeping the old ones off the path", async () => {
    const guest = await h.guest();
    const first = await finished(guest, { personaId: FREE, message: "tpyo here" });
    const conversationId = first.conversationId;
    const [, oldQuestion] = await h.messagesOf(conversationId);
    const edited = await finished(guest, { conversationId, trigger: "edit", message: "typo fixed" });

    const path = await h.messagesOf(conversationId);
    expect(
      path.map((m) => `${m.role}:${m.content.includes("typo fixed") || m.role === "assistant"}`),
    ).toEqual(["assistant:true", "user:true", "assistant:true"]);
    expect(path[1]!.content).toBe("typo fixed");
    expect(path.at(-1)!.id).toBe(edited.run.messageId);
    expect(path.at(-1)!.content).toContain("typo fixed");
    // Kept in the database, not shown.
    const kept = await h.db
      .select({ active: messages.active })
      .from(messages)
      .where(inArray(messages.id, [oldQuestion!.id, first.run.messageId]));
    expect(kept).toEqual([{ active: false }, { active: false }]);
  });

  it("edit is refused in someone else's conversation and without a message of one's own", async () => {
    const guest = await h.guest();
    const mine = await finished(guest, { personaId: FREE, message: "mine" });
    await expect(
      (async () =>
        await reply(await h.guest(), {
          conversationId: mine.conversationId,
          trigger: "edit",
          message: "x",
        }))(),
    ).rejects.toThrow(/no conversation/);
    expect(() => chatRequestSchema.parse({ trigger: "edit", message: "x", personaId: FREE })).toThrow();
  });
});
