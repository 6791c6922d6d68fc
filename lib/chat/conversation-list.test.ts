import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "@/lib/db/queries/conversations";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { conversationListPage, pinConversation, PINNED_MAX } from "./conversation-list";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});

const make = (userId: string, title: string) =>
  createConversation({ db: h.db, userId, personaId: "backend-developer", title, greeting: "Hi" });

describe("pinned conversations", () => {
  it("come first on the first page, latest pin first, and only there; unpinned they go back", async () => {
    const { userId } = await h.user();
    // Conversations are ordered by their last change and pins by their time: each step a few
    // milliseconds after the one before, never in the same one (a tie falls back to the id).
    const later = () => new Promise((resolve) => setTimeout(resolve, 5));
    const a = await make(userId, "a");
    await later();
    const b = await make(userId, "b");
    await later();
    await make(userId, "c");
    await pinConversation({ db: h.db, id: a.id, userId, pinned: true });
    await later();
    await pinConversation({ db: h.db, id: b.id, userId, pinned: true });
    const first = await conversationListPage({ db: h.db, catalog: h.catalog, userId, limit: 1 });
    expect(first.items.map((i) => [i.title, i.pinned])).toEqual([
      ["b", true],
      ["a", true],
      ["c", false],
    ]);
    expect(first.next).toBeNull();
    await pinConversation({ db: h.db, id: b.id, userId, pinned: false });
    const again = await conversationListPage({ db: h.db, catalog: h.catalog, userId, limit: 10 });
    expect(again.items.map((i) => i.title)).toEqual(["a", "c", "b"]);
  });

  it("someone else's conversation can't be pinned, and there is a limit", async () => {
    const owner = await h.user();
    const other = await h.user();
    const mine = await make(owner.userId, "mine");
    await expect(
      pinConversation({ db: h.db, id: mine.id, userId: other.userId, pinned: true }),
    ).rejects.toThrow(/no conversation/);
    for (let i = 0; i < PINNED_MAX; i++) {
      const conv = await make(other.userId, `p${i}`);
      await pinConversation({ db: h.db, id: conv.id, userId: other.userId, pinned: true });
    }
    const extra = await make(other.userId, "one too many");
    await expect(
      pinConversation({ db: h.db, id: extra.id, userId: other.userId, pinned: true }),
    ).rejects.toThrow(/at most 20/);
  });
});
