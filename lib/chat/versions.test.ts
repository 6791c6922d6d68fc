import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { messages } from "@/lib/db/schema";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import type { ChatActor } from "@/lib/auth/actor";
import { chooseTreeVersion as chooseVersion } from "./choose-version";
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

    expect(await chooseVersion({ db: h.db, conversationId, id: first.run.messageId })).toBe(true);
    expect((await h.messagesOf(conversationId)).at(-1)!.id).toBe(first.run.messageId);
    expect((await messageViews(h.db, conversationId)).at(-1)!.versions).toHaveLength(2);

    await finished(guest, { conversationId, message: "next" });
    const path = (await h.messagesOf(conversationId)).map((m) => m.id);
    expect(path).toContain(first.run.messageId);
    expect(path).not.toContain(second.run.messageId);
    expect(path).toHaveLength(5);
    // An earlier reply's other version can still be chosen: a branch of its own, with nothing after it yet.
    expect(await chooseVersion({ db: h.db, conversationId, id: second.run.messageId })).toBe(true);
    expect((await h.messagesOf(conversationId)).map((m) => m.id)).toEqual([
      ...path.slice(0, 2),
      second.run.messageId,
    ]);
  });

  it("a version can't be chosen from another conversation, and a reply with no text is not kept", async () => {
    const guest = await h.guest();
    const mine = await finished(guest, { personaId: FREE, message: "mine" });
    await finished(guest, { conversationId: mine.conversationId, trigger: "regenerate" });
    const other = await finished(await h.guest(), { personaId: FREE, message: "other" });
    expect(
      await chooseVersion({ db: h.db, conversationId: other.conversationId, id: mine.run.messageId }),
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

  it("an earlier message edited starts a branch: ‹ › on that turn flips between branches, each kept whole", async () => {
    const guest = await h.guest();
    const first = await finished(guest, { personaId: FREE, message: "first question" });
    const conversationId = first.conversationId;
    await finished(guest, { conversationId, message: "second question" });
    const before = await h.messagesOf(conversationId);
    expect(before).toHaveLength(5);

    // Edit the first question (position 1 on the path): the branch starts there.
    const edited = await finished(guest, {
      conversationId,
      trigger: "edit",
      editAt: 1,
      message: "better first",
    });
    const after = await h.messagesOf(conversationId);
    expect(after.map((m) => m.content.slice(0, 12))).toEqual([
      before[0]!.content.slice(0, 12),
      "better first",
      after[2]!.content.slice(0, 12),
    ]);
    expect(after[2]!.id).toBe(edited.run.messageId);
    // The model was given the new branch only.
    expect(edited.run.text).toContain("better first");

    const views = await messageViews(h.db, conversationId);
    expect(views[1]!.branches).toEqual([before[1]!.id, after[1]!.id]);
    // Back to the first branch: the whole of it, second question and all.
    expect(await chooseVersion({ db: h.db, conversationId, id: before[1]!.id })).toBe(true);
    expect((await h.messagesOf(conversationId)).map((m) => m.id)).toEqual(before.map((m) => m.id));
    // And forward again.
    expect(await chooseVersion({ db: h.db, conversationId, id: after[1]!.id })).toBe(true);
    expect((await h.messagesOf(conversationId)).map((m) => m.id)).toEqual(after.map((m) => m.id));
    // A message off the path, or not a version of a turn shown, is refused.
    expect(await chooseVersion({ db: h.db, conversationId, id: before[3]!.id })).toBe(false);
    await expect(reply(guest, { conversationId, trigger: "edit", editAt: 2, message: "x" })).rejects.toThrow(
      /no message of yours there/,
    );
  });
});
