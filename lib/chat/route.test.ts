import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { conversations, dailyUsage, messages, users } from "@/lib/db/schema";
import { POST } from "@/app/api/chat/route";
import { createConversation } from "@/lib/db/queries/conversations";
import { insertMessage } from "@/lib/db/queries/messages";
import { addDailyUsage } from "@/lib/db/queries/usage";
import { beginShutdown } from "@/lib/shutdown";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { DAILY_MESSAGE_QUOTA } from "@/lib/tiers";
import { fakeReply } from "@/testing/llm-fake";
import { GUEST_COOKIE, guestCookieValue, readGuestCookie } from "@/lib/auth/guest";
import { systemPrompt } from "./prompt";
import { MESSAGE_MAX } from "./validation";
import { jar } from "@/testing/next-headers";

// The route reads the browser's cookies through next/headers, which needs Next's request scope:
// here a plain jar stands in for it.
vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const FREE = "backend-developer";
const PRO = "threat-modeler";
const SITE = "http://localhost:3000";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});
beforeEach(() => jar.clear());

function post(body: string | null, headers: Record<string, string> = {}) {
  return POST(
    new NextRequest(`${SITE}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: SITE, host: "localhost:3000", ...headers },
      ...(body !== null && { body }),
    }),
  );
}

const snapshot = async () => ({
  users: await h.db.$count(users),
  conversations: await h.db.$count(conversations),
  messages: await h.db.$count(messages),
  usage: await h.db.$count(dailyUsage),
});

/** The UI message stream (server-sent events) as its chunks. */
async function chunksOf(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
}

async function expectErrorBody(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  expect(body.error.message).not.toMatch(/\n\s+at /); // no stack
  return body.error;
}

const long = "x".repeat(70 * 1024);
const badBodies: [string, string | null, number, string][] = [
  ["no body", null, 400, "bad_request"],
  ["an empty body", "", 400, "bad_request"],
  ["not JSON", "message=hello", 400, "bad_request"],
  ["truncated JSON", `{"personaId":"${FREE}","message":"hi"`, 400, "bad_request"],
  ["JSON null", "null", 400, "bad_request"],
  ["a JSON array", `[{"personaId":"${FREE}","message":"hi"}]`, 400, "bad_request"],
  ["a JSON string", `"hello"`, 400, "bad_request"],
  ["{}", "{}", 400, "bad_request"],
  ["no persona and no conversation", `{"message":"hi"}`, 400, "bad_request"],
  ["no message", `{"personaId":"${FREE}"}`, 400, "bad_request"],
  ['message ""', `{"personaId":"${FREE}","message":""}`, 400, "bad_request"],
  ["a message of spaces", `{"personaId":"${FREE}","message":"   \\n  "}`, 400, "bad_request"],
  ["a number for message", `{"personaId":"${FREE}","message":42}`, 400, "bad_request"],
  [
    `a message of ${MESSAGE_MAX + 1} characters`,
    JSON.stringify({ personaId: FREE, message: "a".repeat(MESSAGE_MAX + 1) }),
    400,
    "bad_request",
  ],
  ["a body over 64 KB", JSON.stringify({ personaId: FREE, message: long }), 413, "payload_too_large"],
  [
    "an unknown field",
    JSON.stringify({ personaId: FREE, message: "hi", role: "system" }),
    400,
    "bad_request",
  ],
  [
    "a persona id that is not one",
    JSON.stringify({ personaId: "../../etc/passwd", message: "hi" }),
    400,
    "bad_request",
  ],
  [
    "a conversation id that is not a uuid",
    JSON.stringify({ conversationId: "123", message: "hi" }),
    400,
    "bad_request",
  ],
  [
    "a conversation id of the wrong type",
    JSON.stringify({ conversationId: 7, message: "hi" }),
    400,
    "bad_request",
  ],
  [
    "regenerate without a conversation id",
    JSON.stringify({ personaId: FREE, trigger: "regenerate" }),
    400,
    "bad_request",
  ],
  [
    "an unknown trigger",
    JSON.stringify({ personaId: FREE, message: "hi", trigger: "delete-everything" }),
    400,
    "bad_request",
  ],
];

describe("POST /api/chat: a bad request is a 4xx with { error: { code, message } }, and nothing runs", () => {
  it.each(badBodies)("%s", async (_label, body, status, code) => {
    const before = await snapshot();
    const completions = await h.completions();
    await expectErrorBody(await post(body), status, code);
    expect(await snapshot()).toEqual(before);
    expect(await h.completions()).toBe(completions);
  });

  it("names the bad field", async () => {
    const error = (await expectErrorBody(
      await post(JSON.stringify({ personaId: FREE, message: "" })),
      400,
      "bad_request",
    )) as { fields?: Record<string, string> };
    expect(error.fields).toEqual({ message: "must not be empty" });
  });

  it("a body over 64 KB is refused without a Content-Length too (streamed)", async () => {
    const before = await snapshot();
    const bytes = new TextEncoder().encode(JSON.stringify({ personaId: FREE, message: long }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    // duplex: Node's fetch needs it for a streamed body; the DOM typings do not know it yet.
    const init = {
      method: "POST",
      headers: { origin: SITE, host: "localhost:3000" },
      body: stream,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1];
    const response = await POST(new NextRequest(`${SITE}/api/chat`, init));
    await expectErrorBody(response, 413, "payload_too_large");
    expect(await snapshot()).toEqual(before);
  });

  it("a request from another site is refused (403) before anything else", async () => {
    const before = await snapshot();
    const completions = await h.completions();
    await expectErrorBody(
      await post(JSON.stringify({ personaId: FREE, message: "hi" }), { origin: "https://evil.example" }),
      403,
      "forbidden",
    );
    expect(await snapshot()).toEqual(before);
    expect(await h.completions()).toBe(completions);
  });
});

describe("POST /api/chat: a good request", () => {
  it("streams the reply to a visitor, names the conversation and keeps the new guest by a signed cookie", async () => {
    const message = "What is idempotency?";
    const response = await post(JSON.stringify({ personaId: FREE, message }));
    expect(response.status).toBe(200);
    const conversationId = response.headers.get("x-conversation-id");
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${GUEST_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const guestId = readGuestCookie(cookie.split(";")[0]!.slice(GUEST_COOKIE.length + 1));
    expect(guestId).toEqual(expect.any(String));

    const chunks = await chunksOf(response);
    const deltas = chunks.filter((c) => c.type === "text-delta").map((c) => c.delta as string);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe(fakeReply(systemPrompt(h.catalog.byId.get(FREE)!), message).join(""));
    expect(chunks.at(-1)).toEqual({ type: "finish" });
    expect(chunks.find((c) => c.type === "message-metadata")).toMatchObject({
      messageMetadata: { conversationId, status: "complete" },
    });
    expect((await h.messagesOf(conversationId!)).at(-1)).toMatchObject({
      role: "assistant",
      status: "complete",
      content: deltas.join(""),
    });

    // The cookie brings the same guest back to the same conversation.
    jar.set(GUEST_COOKIE, guestCookieValue(guestId!));
    const next = await post(JSON.stringify({ conversationId, message: "and retries?" }));
    expect(next.status).toBe(200);
    expect(next.headers.get("set-cookie")).toBeNull();
    expect(next.headers.get("x-conversation-id")).toBe(conversationId);
    await chunksOf(next);
    expect(await h.messagesOf(conversationId!)).toHaveLength(5);
  });

  it("another guest's conversation is a 404, and so is any conversation for a visitor", async () => {
    const owner = await h.guest();
    jar.set(GUEST_COOKIE, guestCookieValue(owner.userId));
    const first = await post(JSON.stringify({ personaId: FREE, message: "mine" }));
    const conversationId = first.headers.get("x-conversation-id")!;
    await chunksOf(first);
    const before = await snapshot();
    const completions = await h.completions();

    jar.set(GUEST_COOKIE, guestCookieValue((await h.guest()).userId));
    await expectErrorBody(
      await post(JSON.stringify({ conversationId, message: "yours?" })),
      404,
      "not_found",
    );
    jar.clear();
    await expectErrorBody(
      await post(JSON.stringify({ conversationId, message: "yours?" })),
      404,
      "not_found",
    );
    // A forged cookie is no one.
    jar.set(GUEST_COOKIE, `${owner.userId}.forged-signature`);
    await expectErrorBody(
      await post(JSON.stringify({ conversationId, message: "yours?" })),
      404,
      "not_found",
    );
    expect((await snapshot()).messages).toBe(before.messages);
    expect(await h.completions()).toBe(completions);
  });

  it("a paid persona is a 403 for a visitor, and the model is never asked", async () => {
    const before = await snapshot();
    const completions = await h.completions();
    const error = await expectErrorBody(
      await post(JSON.stringify({ personaId: PRO, message: "hi" })),
      403,
      "forbidden",
    );
    expect(error.message).toMatch(/Pro/);
    expect(await snapshot()).toEqual(before);
    expect(await h.completions()).toBe(completions);
  });

  it("over the daily quota is a 429 with Retry-After until midnight UTC", async () => {
    const guest = await h.guest();
    await addDailyUsage({
      db: h.db,
      userId: guest.userId,
      day: new Date().toISOString().slice(0, 10),
      count: DAILY_MESSAGE_QUOTA.guest,
    });
    jar.set(GUEST_COOKIE, guestCookieValue(guest.userId));
    const before = await snapshot();
    const completions = await h.completions();
    const response = await post(JSON.stringify({ personaId: FREE, message: "one more" }));
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(Math.abs(retryAfter - (midnight - now.getTime()) / 1000)).toBeLessThan(5);
    const error = await expectErrorBody(response, 429, "rate_limited");
    expect(error.message).toContain(`all ${DAILY_MESSAGE_QUOTA.guest} messages`);
    expect(await snapshot()).toEqual(before);
    expect(await h.completions()).toBe(completions);
  });

  it("a reply over the guest's replies-at-once cap is a 429 with a short Retry-After", async () => {
    const guest = await h.guest();
    const conversation = await createConversation({
      db: h.db,
      userId: guest.userId,
      personaId: FREE,
      title: "busy",
      greeting: "hello",
    });
    await insertMessage({
      db: h.db,
      conversationId: conversation.id,
      role: "assistant",
      content: "",
      status: "streaming",
    });
    jar.set(GUEST_COOKIE, guestCookieValue(guest.userId));
    const before = await snapshot();
    const completions = await h.completions();
    const response = await post(JSON.stringify({ personaId: FREE, message: "another" }));
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    const error = await expectErrorBody(response, 429, "rate_limited");
    expect(error.message).toMatch(/being written/);
    expect(await snapshot()).toEqual(before);
    expect(await h.completions()).toBe(completions);
  });

  it("with no model configured, a 503 that says how to set one", async () => {
    h.configureModel(null);
    try {
      const before = await snapshot();
      const error = await expectErrorBody(
        await post(JSON.stringify({ personaId: FREE, message: "hi" })),
        503,
        "no_model",
      );
      expect(error.message).toMatch(/ANTHROPIC_API_KEY/);
      expect(await snapshot()).toEqual(before);
    } finally {
      h.configureModel(h.llmBaseUrl);
    }
  });

  it("while the server shuts down, a 503 that says so, and nothing written", async () => {
    beginShutdown();
    try {
      const before = await snapshot();
      const error = await expectErrorBody(
        await post(JSON.stringify({ personaId: FREE, message: "hi" })),
        503,
        "shutting_down",
      );
      expect(error.message).toMatch(/restarting/);
      expect(await snapshot()).toEqual(before);
    } finally {
      (globalThis as { personaShuttingDown?: boolean }).personaShuttingDown = false;
    }
  });

  it("a provider failure still answers 200 and ends the stream with status interrupted", async () => {
    const response = await post(JSON.stringify({ personaId: FREE, message: "[[drop:4]] go on" }));
    expect(response.status).toBe(200);
    const conversationId = response.headers.get("x-conversation-id")!;
    const chunks = await chunksOf(response);
    const text = chunks
      .filter((c) => c.type === "text-delta")
      .map((c) => c.delta as string)
      .join("");
    expect(chunks.find((c) => c.type === "message-metadata")).toMatchObject({
      messageMetadata: { status: "interrupted", error: expect.any(String) },
    });
    expect((await h.messagesOf(conversationId)).at(-1)).toMatchObject({
      role: "assistant",
      status: "interrupted",
      content: text,
    });
    expect(text.length).toBeGreaterThan(0);
  });
});
