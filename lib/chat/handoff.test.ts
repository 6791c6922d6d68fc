import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { conversations } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import type { ChatActor } from "@/lib/auth/actor";
import { conversationMarkdown, conversationView } from "./conversation-view";
import { handoff } from "./handoff";
import { startReply } from "./service";
import { chatRequestSchema } from "./validation";

const FROM = "backend-developer"; // works well with frontend-developer (free), devops-engineer, data-analyst
const TO = "frontend-developer";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
  vi.spyOn(console, "error").mockImplementation(() => {}); // the dropped reply below is logged
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

async function conversationOf(
  actor: ChatActor & { userId: string },
  personaId = FROM,
  message = "We need a /users endpoint",
) {
  const started = await startReply({
    db: h.db,
    catalog: h.catalog,
    actor,
    request: chatRequestSchema.parse({ personaId, message }),
  });
  expect(await started.run.done).toBe("complete");
  return started.conversationId;
}

const codeOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "none";
};

describe("handoff", () => {
  it("starts a linked conversation with a persona the first works well with, carrying the recent messages", async () => {
    const guest = await h.guest();
    const fromId = await conversationOf(guest);
    const child = await handoff({ db: h.db, catalog: h.catalog, actor: guest, fromId, personaId: TO });
    expect(child).toMatchObject({ userId: guest.userId, personaId: TO, parentId: fromId });
    expect(child.handoffContext).toContain("User: We need a /users endpoint");
    expect(child.handoffContext).toContain("Backend Developer: [persona:backend-developer]");
    expect(await h.messagesOf(child.id)).toEqual([
      {
        id: expect.any(String),
        role: "assistant",
        content: h.catalog.byId.get(TO)!.greeting,
        status: "complete",
      },
    ]);

    const childView = (await conversationView({
      db: h.db,
      catalog: h.catalog,
      id: child.id,
      userId: guest.userId,
    }))!;
    expect(childView.parent).toEqual({ id: fromId, personaName: "Backend Developer" });
    const parentView = (await conversationView({
      db: h.db,
      catalog: h.catalog,
      id: fromId,
      userId: guest.userId,
    }))!;
    expect(parentView.children).toEqual([{ id: child.id, personaName: "Frontend Developer" }]);

    // The next reply in the new conversation is written with the hand-off in its system prompt.
    const next = await startReply({
      db: h.db,
      catalog: h.catalog,
      actor: guest,
      request: chatRequestSchema.parse({ conversationId: child.id, message: "build the form" }),
    });
    expect(await next.run.done).toBe("complete");
    expect(next.run.text).toContain("[persona:frontend-developer]");
  });

  it("refuses a persona outside worksWellWith, another user's conversation, and a paid persona for a free user", async () => {
    const guest = await h.guest();
    const fromId = await conversationOf(guest);
    const count = () => h.db.$count(conversations);
    const before = await count();
    expect(
      await codeOf(
        async () =>
          await handoff({ db: h.db, catalog: h.catalog, actor: guest, fromId, personaId: "storyteller" }),
      ),
    ).toBe("bad_request");
    expect(
      await codeOf(
        async () =>
          await handoff({ db: h.db, catalog: h.catalog, actor: guest, fromId, personaId: "no-such-persona" }),
      ),
    ).toBe("not_found");
    expect(
      await codeOf(
        async () =>
          await handoff({ db: h.db, catalog: h.catalog, actor: await h.guest(), fromId, personaId: TO }),
      ),
    ).toBe("not_found");
    // code-reviewer works well with performance-engineer (pro).
    const reviewId = await conversationOf(guest, "code-reviewer");
    expect(
      await codeOf(
        async () =>
          await handoff({
            db: h.db,
            catalog: h.catalog,
            actor: guest,
            fromId: reviewId,
            personaId: "performance-engineer",
          }),
      ),
    ).toBe("forbidden");
    expect(await count()).toBe(before + 1);
  });
});

describe("conversationView and its Markdown export", () => {
  it("is undefined for anyone but the owner", async () => {
    const owner = await h.user();
    const id = await conversationOf(owner);
    expect(await conversationView({ db: h.db, catalog: h.catalog, id, userId: owner.userId })).toBeDefined();
    expect(
      await conversationView({ db: h.db, catalog: h.catalog, id, userId: (await h.user()).userId }),
    ).toBeUndefined();
  });

  it("exports every message in order, and says which replies did not finish", async () => {
    const owner = await h.user();
    const id = await conversationOf(owner, FROM, "first message");
    const dropped = await startReply({
      db: h.db,
      catalog: h.catalog,
      actor: owner,
      request: chatRequestSchema.parse({ conversationId: id, message: "[[drop:2]] second" }),
    });
    expect(await dropped.run.done).toBe("interrupted");
    const view = (await conversationView({ db: h.db, catalog: h.catalog, id, userId: owner.userId }))!;
    const md = conversationMarkdown(view);
    expect(md.startsWith("# first message\n")).toBe(true);
    const order = [
      "## Backend Developer",
      "## You",
      "first message",
      "[persona:backend-developer] You said:",
      "## You",
      "[[drop:2]] second",
      "_This reply was interrupted._",
    ];
    let at = 0;
    for (const piece of order) {
      const found = md.indexOf(piece, at);
      expect(found, `"${piece}" after offset ${at}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
  });
});
