import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { messages } from "@/lib/db/schema";
import { getConversation, listConversations } from "@/lib/db/queries/conversations";
import { addDailyUsage, getDailyUsage } from "@/lib/db/queries/usage";
import { getUserById } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { CONCURRENT_STREAMS, DAILY_MESSAGE_QUOTA } from "@/lib/tiers";
import { fakeReply } from "@/testing/llm-fake";
import type { ChatActor } from "@/lib/auth/actor";
import { systemPrompt } from "./prompt";
import { activeRun } from "./runs";
import { QuotaExceeded, startReply, TooManyStreams } from "./service";
import { chatRequestSchema, type ChatRequest } from "./validation";

const FREE = "backend-developer";
const PRO = "threat-modeler";
const MAX = "staff-engineer";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
  // Failed replies are logged (by the run and by the AI SDK); the tests check what was saved instead.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});
beforeEach(() => {
  h.configureModel(h.llmBaseUrl);
});

const request = (input: Record<string, unknown>): ChatRequest => chatRequestSchema.parse(input);
const reply = async (actor: ChatActor, input: Record<string, unknown>, now?: Date) =>
  await startReply({ db: h.db, catalog: h.catalog, actor, request: request(input), now });
/** The whole reply the fake model gives this persona for this message. */
const expectedReply = (personaId: string, message: string, extraWords = 0) =>
  fakeReply(systemPrompt(h.catalog.byId.get(personaId)!), message, extraWords).join("");

/** Starts a conversation and lets its first reply finish. */
async function conversationOf(actor: ChatActor & { userId: string }, personaId = FREE, message = "hello") {
  const started = await reply(actor, { personaId, message });
  expect(await started.run.done).toBe("complete");
  return started.conversationId;
}

async function expectAppError(fn: () => unknown, code: string): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected an AppError "${code}", but nothing was thrown`);
}

describe("startReply: a visitor's first message", () => {
  it("makes a guest, a conversation opened by the greeting, the user's message and a streaming reply that is saved complete", async () => {
    const message = "How should I version a public REST API?";
    const before = await h.completions();
    const { run, conversationId, newGuestId } = await reply(h.visitor(), { personaId: FREE, message });
    // Listening at once: the checks below wait on the database, long enough on PostgreSQL for the
    // fake model to have streamed every token.
    const deltas: string[] = [];
    run.subscribe((event) => {
      if (event.type === "delta") deltas.push(event.text);
    });

    expect(newGuestId).toEqual(expect.any(String));
    expect(await getUserById({ db: h.db, id: newGuestId! })).toMatchObject({ isGuest: true, tier: "free" });
    const conversation = await getConversation({ db: h.db, id: conversationId, userId: newGuestId! });
    expect(conversation).toMatchObject({ personaId: FREE, title: message, parentId: null });
    // Committed before the model answers: greeting, the user's message, an empty reply marked streaming.
    const persona = h.catalog.byId.get(FREE)!;
    expect(await h.messagesOf(conversationId)).toEqual([
      { id: expect.any(String), role: "assistant", content: persona.greeting, status: "complete" },
      { id: expect.any(String), role: "user", content: message, status: "complete" },
      { id: run.messageId, role: "assistant", content: "", status: "streaming" },
    ]);
    expect(activeRun(conversationId)).toBe(run);

    expect(await run.done).toBe("complete");
    const full = expectedReply(FREE, message);
    expect(run.text).toBe(full);
    expect(deltas.length).toBeGreaterThan(1); // token by token, not one blob
    expect((await h.messagesOf(conversationId)).at(-1)).toEqual({
      id: run.messageId,
      role: "assistant",
      content: full,
      status: "complete",
    });
    expect(activeRun(conversationId)).toBeUndefined();
    expect(await h.completions()).toBe(before + 1);
    expect(
      await getDailyUsage({ db: h.db, userId: newGuestId!, day: new Date().toISOString().slice(0, 10) }),
    ).toBe(1);
  });

  it("continues the conversation for its owner, with no new guest", async () => {
    const guest = await h.guest();
    const conversationId = await conversationOf(guest);
    const second = await reply(guest, { conversationId, message: "and then?" });
    expect(second.newGuestId).toBeNull();
    expect(second.conversationId).toBe(conversationId);
    expect(await second.run.done).toBe("complete");
    expect((await h.messagesOf(conversationId)).map((m) => `${m.role}:${m.status}`)).toEqual([
      "assistant:complete",
      "user:complete",
      "assistant:complete",
      "user:complete",
      "assistant:complete",
    ]);
    expect((await h.messagesOf(conversationId)).at(-1)?.content).toBe(expectedReply(FREE, "and then?"));
  });
});

describe("startReply: refusals reach neither the model nor the database", () => {
  it("another user's conversation is not found", async () => {
    const owner = await h.user();
    const conversationId = await conversationOf(owner);
    const before = await h.completions();
    const messagesBefore = await h.messagesOf(conversationId);
    await expectAppError(
      async () => await reply(await h.user(), { conversationId, message: "let me in" }),
      "not_found",
    );
    await expectAppError(
      async () => await reply(await h.guest(), { conversationId, message: "let me in" }),
      "not_found",
    );
    await expectAppError(
      async () => await reply(h.visitor(), { conversationId, message: "let me in" }),
      "not_found",
    );
    await expectAppError(
      async () => await reply(await h.user(), { conversationId, trigger: "regenerate" }),
      "not_found",
    );
    expect(await h.messagesOf(conversationId)).toEqual(messagesBefore);
    expect(await h.completions()).toBe(before);
  });

  it("an unknown persona is not found", async () => {
    const before = await h.completions();
    await expectAppError(
      async () => await reply(h.visitor(), { personaId: "no-such-persona", message: "hi" }),
      "not_found",
    );
    expect(await h.completions()).toBe(before);
  });

  it.each([
    ["a free user", async () => await h.user("free"), PRO],
    ["a guest", async () => await h.guest(), PRO],
    ["a visitor", () => h.visitor(), PRO],
    ["a pro user", async () => await h.user("pro"), MAX],
  ])("%s is forbidden a persona above their tier", async (_label, makeActor, personaId) => {
    const actor = await makeActor();
    const before = await h.completions();
    const error = await expectAppError(
      async () => await reply(actor, { personaId, message: "hi" }),
      "forbidden",
    );
    expect(error.status).toBe(403);
    if (actor.userId)
      expect(await listConversations({ db: h.db, userId: actor.userId, limit: 10 })).toEqual([]);
    expect(await h.completions()).toBe(before);
  });

  it("a pro user may chat with a pro persona, a max user with a max one", async () => {
    await conversationOf(await h.user("pro"), PRO);
    await conversationOf(await h.user("max"), MAX);
  });

  it("with no model configured, says so (503) and saves nothing", async () => {
    const actor = await h.user();
    h.configureModel(null);
    const error = await expectAppError(
      async () => await reply(actor, { personaId: FREE, message: "hi" }),
      "no_model",
    );
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/OPENAI_COMPATIBLE_BASE_URL/);
    expect(await listConversations({ db: h.db, userId: actor.userId, limit: 10 })).toEqual([]);
  });

  it("a second message while a reply is still being written is a conflict", async () => {
    const guest = await h.guest();
    const conversationId = await conversationOf(guest);
    const slow = await reply(guest, { conversationId, message: "[[slow:40]] take your time" });
    const messagesBefore = await h.messagesOf(conversationId);
    await expectAppError(async () => await reply(guest, { conversationId, message: "hurry" }), "conflict");
    expect(await h.messagesOf(conversationId)).toEqual(messagesBefore);
    slow.run.stop();
    expect(await slow.run.done).toBe("stopped");
  });
});

describe("startReply: the daily quota", () => {
  // Two minutes before midnight UTC: the allowance comes back in 120 seconds.
  const now = new Date("2031-03-04T23:58:00.000Z");
  const day = "2031-03-04";

  it.each([
    ["a guest", async () => await h.guest(), DAILY_MESSAGE_QUOTA.guest],
    ["a free user", async () => await h.user("free"), DAILY_MESSAGE_QUOTA.free],
    ["a pro user", async () => await h.user("pro"), DAILY_MESSAGE_QUOTA.pro],
  ])(
    "%s at the limit gets QuotaExceeded with the seconds until midnight UTC, and nothing is saved",
    async (_label, makeActor, limit) => {
      const actor = await makeActor();
      const conversationId = await conversationOf(actor);
      await addDailyUsage({ db: h.db, userId: actor.userId, day, count: limit });
      const messagesBefore = await h.messagesOf(conversationId);
      const before = await h.completions();

      for (const input of [
        { conversationId, message: "one more" },
        { personaId: FREE, message: "a new one" },
        { conversationId, trigger: "regenerate" },
      ]) {
        const error = await expectAppError(async () => await reply(actor, input, now), "rate_limited");
        expect(error).toBeInstanceOf(QuotaExceeded);
        const quota = error as QuotaExceeded;
        expect(quota.status).toBe(429);
        expect(quota.limit).toBe(limit);
        expect(quota.resetAt.toISOString()).toBe("2031-03-05T00:00:00.000Z");
        expect(quota.retryAfterSeconds(now)).toBe(120);
        expect(quota.message).toContain(`all ${limit} messages`);
      }
      expect(await h.messagesOf(conversationId)).toEqual(messagesBefore);
      expect(await listConversations({ db: h.db, userId: actor.userId, limit: 10 })).toHaveLength(1);
      expect(await getDailyUsage({ db: h.db, userId: actor.userId, day })).toBe(limit);
      expect(await h.completions()).toBe(before);
    },
  );

  it("one below the limit still goes through and uses the last message", async () => {
    const actor = await h.guest();
    await addDailyUsage({ db: h.db, userId: actor.userId, day, count: DAILY_MESSAGE_QUOTA.guest - 1 });
    const started = await reply(actor, { personaId: FREE, message: "last one" }, now);
    expect(await started.run.done).toBe("complete");
    expect(await getDailyUsage({ db: h.db, userId: actor.userId, day })).toBe(DAILY_MESSAGE_QUOTA.guest);
    await expectAppError(
      async () => await reply(actor, { conversationId: started.conversationId, message: "over" }, now),
      "rate_limited",
    );
  });

  it("the count is per UTC day: yesterday's usage does not count today", async () => {
    const actor = await h.guest();
    await addDailyUsage({ db: h.db, userId: actor.userId, day: "2031-03-03", count: 1000 });
    const started = await reply(actor, { personaId: FREE, message: "new day" }, now);
    expect(await started.run.done).toBe("complete");
  });

  it("max has no daily cap", async () => {
    const actor = await h.user("max");
    await addDailyUsage({ db: h.db, userId: actor.userId, day, count: 100_000 });
    expect(await (await reply(actor, { personaId: FREE, message: "still here" }, now)).run.done).toBe(
      "complete",
    );
  });
});

describe("startReply: replies being written at once", () => {
  it.each([
    ["a guest", async () => await h.guest(), CONCURRENT_STREAMS.guest],
    ["a free user", async () => await h.user("free"), CONCURRENT_STREAMS.free],
    ["a pro user", async () => await h.user("pro"), CONCURRENT_STREAMS.pro],
    ["a max user", async () => await h.user("max"), CONCURRENT_STREAMS.max],
  ])(
    "%s at the cap: one more is refused with a short Retry-After and reaches nothing",
    async (_label, makeActor, cap) => {
      const actor = await makeActor();
      const running = await Promise.all(
        Array.from(
          { length: cap },
          async (_, i) =>
            await reply(actor, { personaId: FREE, message: `[[slow:40]][[long:40]] story ${i}` }),
        ),
      );
      // Each has reached the model and is writing, so the count below is only the refused one's.
      await Promise.all(
        running.map(
          (started) =>
            new Promise<void>((resolve) => started.run.subscribe((e) => e.type === "delta" && resolve())),
        ),
      );
      const conversations = await listConversations({ db: h.db, userId: actor.userId, limit: 50 });
      const before = await h.completions();
      const error = await expectAppError(
        async () => await reply(actor, { personaId: FREE, message: "one more" }),
        "rate_limited",
      );
      expect(error).toBeInstanceOf(TooManyStreams);
      expect(error.status).toBe(429);
      expect(error.retryAfterSeconds()).toBeGreaterThan(0);
      expect(error.retryAfterSeconds()).toBeLessThanOrEqual(10);
      expect(await listConversations({ db: h.db, userId: actor.userId, limit: 50 })).toEqual(conversations);
      expect(await h.completions()).toBe(before);
      for (const started of running) started.run.stop();
      for (const started of running) expect(await started.run.done).toBe("stopped");
      // Once they end, the actor may chat again.
      expect(await (await reply(actor, { personaId: FREE, message: "now?" })).run.done).toBe("complete");
    },
  );

  it("counts the database's streaming replies, so replies started by another process count too", async () => {
    const actor = await h.guest();
    const conversationId = await conversationOf(actor);
    await h.db
      .update(messages)
      .set({ status: "streaming" })
      .where(eq(messages.id, (await h.messagesOf(conversationId)).at(-1)!.id));
    await expectAppError(async () => await reply(actor, { personaId: FREE, message: "hi" }), "rate_limited");
  });
});

describe("startReply: replies that do not finish", () => {
  it("a connection dropped mid-stream saves the partial text, marked interrupted", async () => {
    const guest = await h.guest();
    const message = "[[drop:3]] tell me everything";
    const before = await h.completions();
    const started = await reply(guest, { personaId: FREE, message });
    const ends: { status: string; error?: string }[] = [];
    started.run.subscribe((event) => {
      if (event.type === "end") ends.push(event);
    });
    expect(await started.run.done).toBe("interrupted");
    const tokens = fakeReply(systemPrompt(h.catalog.byId.get(FREE)!), message);
    const partial = tokens.slice(0, 3).join("");
    expect(started.run.text).toBe(partial);
    const saved = await h.messagesOf(started.conversationId);
    expect(saved.at(-2)).toMatchObject({ role: "user", content: message, status: "complete" });
    expect(saved.at(-1)).toEqual({
      id: started.run.messageId,
      role: "assistant",
      content: partial,
      status: "interrupted",
    });
    expect(ends).toEqual([
      { type: "end", status: "interrupted", error: expect.stringMatching(/stopped answering/) },
    ]);
    expect(await h.completions()).toBe(before + 1); // a broken stream is not retried
  });

  it("a provider error (500) saves an empty reply marked interrupted, and keeps the user's message", async () => {
    const guest = await h.guest();
    const message = "[[fail:500]] are you there?";
    const started = await reply(guest, { personaId: FREE, message });
    expect(await started.run.done).toBe("interrupted");
    const saved = await h.messagesOf(started.conversationId);
    expect(saved.map((m) => [m.role, m.content, m.status])).toEqual([
      ["assistant", h.catalog.byId.get(FREE)!.greeting, "complete"],
      ["user", message, "complete"],
      ["assistant", "", "interrupted"],
    ]);
    // The conversation can go on after a failure.
    const next = await reply(guest, { conversationId: started.conversationId, message: "try again" });
    expect(await next.run.done).toBe("complete");
  });

  it("an interrupted reply is an audit event with its reason, without the message text", async () => {
    const info = vi.spyOn(log, "info");
    const started = await reply(await h.guest(), { personaId: FREE, message: "[[fail:500]] secret words" });
    expect(await started.run.done).toBe("interrupted");
    const events = info.mock.calls.filter(
      ([fields]) => (fields as { event?: string }).event === "chat.reply_interrupted",
    );
    info.mockRestore();
    expect(events).toHaveLength(1);
    expect(events[0]![0]).toMatchObject({ reason: "no_reply", receivedChars: 0 });
    expect(JSON.stringify(events)).not.toContain("secret words");
    const next = await reply(await h.guest(), { personaId: FREE, message: "hello" });
    expect(await next.run.done).toBe("complete");
  });

  describe("the daily quota counts only replies that produced text", () => {
    const today = () => new Date().toISOString().slice(0, 10);
    it.each([
      ["a provider error (500)", "[[fail:500]] anyone?"],
      ["a connection dropped before the first token", "[[drop:0]] anyone?"],
    ])("%s gives the message back and says it couldn't get a reply", async (_label, message) => {
      const actor = await h.user("free");
      await addDailyUsage({ db: h.db, userId: actor.userId, day: today(), count: 7 });
      const started = await reply(actor, { personaId: FREE, message });
      const ends: { status: string; error?: string }[] = [];
      started.run.subscribe((event) => {
        if (event.type === "end") ends.push(event);
      });
      expect(await started.run.done).toBe("interrupted");
      expect(await getDailyUsage({ db: h.db, userId: actor.userId, day: today() })).toBe(7);
      expect((await h.messagesOf(started.conversationId)).at(-1)).toMatchObject({
        content: "",
        status: "interrupted",
      });
      expect(ends).toEqual([
        { type: "end", status: "interrupted", error: expect.stringMatching(/Couldn't get a reply/) },
      ]);
    });

    it("a new guest whose first reply fails has used nothing today", async () => {
      const started = await reply(h.visitor(), { personaId: FREE, message: "[[fail:500]] hello?" });
      expect(await started.run.done).toBe("interrupted");
      expect(await getDailyUsage({ db: h.db, userId: started.newGuestId!, day: today() })).toBe(0);
    });

    it("a reply cut off after some text counts once", async () => {
      const actor = await h.user("free");
      await addDailyUsage({ db: h.db, userId: actor.userId, day: today(), count: 7 });
      const started = await reply(actor, { personaId: FREE, message: "[[drop:3]] tell me" });
      expect(await started.run.done).toBe("interrupted");
      expect(started.run.text).not.toBe("");
      expect(await getDailyUsage({ db: h.db, userId: actor.userId, day: today() })).toBe(8);
    });
  });

  it("stop() ends the reply where it is, saved and marked stopped", async () => {
    const guest = await h.guest();
    const message = "[[slow:25]][[long:60]] a long story";
    const started = await reply(guest, { personaId: FREE, message });
    await new Promise<void>((resolve) => {
      const off = started.run.subscribe((event) => {
        if (event.type === "delta" && started.run.text.length > 20) {
          off();
          resolve();
        }
      });
    });
    started.run.stop();
    expect(await started.run.done).toBe("stopped");
    const full = expectedReply(FREE, message, 60);
    const saved = (await h.messagesOf(started.conversationId)).at(-1)!;
    expect(saved).toEqual({
      id: started.run.messageId,
      role: "assistant",
      content: started.run.text,
      status: "stopped",
    });
    expect(saved.content.length).toBeGreaterThan(20);
    expect(full.startsWith(saved.content)).toBe(true);
    expect(saved.content.length).toBeLessThan(full.length);
    expect(activeRun(started.conversationId)).toBeUndefined();
  });
});

describe("startReply: regenerate", () => {
  it("replaces the last reply with a new one and counts as a message", async () => {
    const guest = await h.guest();
    const conversationId = await conversationOf(guest, FREE, "first question");
    const [greeting, question, oldReply] = await h.messagesOf(conversationId);
    const today = new Date().toISOString().slice(0, 10);
    const usage = await getDailyUsage({ db: h.db, userId: guest.userId, day: today });
    const before = await h.completions();

    const again = await reply(guest, { conversationId, trigger: "regenerate" });
    expect(again.run.messageId).not.toBe(oldReply!.id);
    expect(await again.run.done).toBe("complete");
    const after = await h.messagesOf(conversationId);
    expect(after).toEqual([
      greeting,
      question,
      {
        id: again.run.messageId,
        role: "assistant",
        content: expectedReply(FREE, "first question"),
        status: "complete",
      },
    ]);
    expect(after.some((m) => m.id === oldReply!.id)).toBe(false);
    expect(await h.completions()).toBe(before + 1);
    expect(await getDailyUsage({ db: h.db, userId: guest.userId, day: today })).toBe(usage + 1);
  });

  it("replaces an interrupted reply too", async () => {
    const guest = await h.guest();
    const started = await reply(guest, { personaId: FREE, message: "[[drop:2]] go" });
    expect(await started.run.done).toBe("interrupted");
    // The directive is in the user's message, so the fake drops again: still one reply, a new one.
    const again = await reply(guest, { conversationId: started.conversationId, trigger: "regenerate" });
    expect(await again.run.done).toBe("interrupted");
    const after = await h.messagesOf(started.conversationId);
    expect(after).toHaveLength(3);
    expect(after.at(-1)!.id).toBe(again.run.messageId);
  });

  it("is refused when there is no reply to regenerate yet", async () => {
    // A conversation with only its greeting and a user's message whose reply was deleted cannot be made
    // through the service; the nearest: a conversation whose last message is the user's own.
    const guest = await h.guest();
    const started = await reply(guest, { personaId: FREE, message: "hi" });
    await started.run.done;
    await h.db.delete(messages).where(eq(messages.id, started.run.messageId));
    const before = await h.messagesOf(started.conversationId);
    await expectAppError(
      async () => await reply(guest, { conversationId: started.conversationId, trigger: "regenerate" }),
      "bad_request",
    );
    expect(await h.messagesOf(started.conversationId)).toEqual(before);
  });
});
