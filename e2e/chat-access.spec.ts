import { createCode, expect, PERSONAS, postChat, signUp, test, type ErrorBody } from "../testing/e2e/chat";
import { REPLY_END, replyStart } from "../testing/e2e/llm";

const { backend, threatModeler } = PERSONAS;

// Each test waits on several streamed replies and page loads; a busy machine needs the room.
test.describe.configure({ timeout: 60_000 });

test.describe("chat with a paid persona", () => {
  test("is locked for a free account (page and API) until a Pro code is redeemed", async ({
    page,
    chat,
    baseURL,
  }) => {
    // A code costs seconds of CLI start-up: make it first, outside the flow being checked.
    const code = createCode("pro");
    await signUp(page);

    await page.goto(`/personas/${threatModeler.id}`);
    await expect(page.getByRole("link", { name: "Unlock with Pro" })).toHaveAttribute("href", "/pricing");
    await expect(page.getByRole("link", { name: "Start chat" })).toHaveCount(0);

    await page.goto(`/chat?persona=${threatModeler.id}`);
    await expect(chat.locked).toContainText(`${threatModeler.name} is part of Pro`);
    await expect(chat.locked).toContainText("Your plan doesn't include Pro personas yet.");
    await expect(chat.locked.getByRole("link", { name: "See plans" })).toHaveAttribute("href", "/pricing");
    await expect(chat.composer(threatModeler.name)).toHaveCount(0);

    const refused = await postChat(page.request, baseURL!, {
      personaId: threatModeler.id,
      message: "let me in",
    });
    expect(refused.status).toBe(403);
    expect((JSON.parse(refused.text) as ErrorBody).error).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("Pro"),
    });
    // Nothing was started for the refused request.
    const list = (await (await page.request.get("/api/conversations")).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);

    await chat.locked.getByRole("link", { name: "Redeem a code" }).click();
    await expect(page).toHaveURL(/\/account#redeem$/);
    const form = page.getByRole("form", { name: "Redeem a code" });
    await form.getByLabel("Code").fill(code);
    await form.getByRole("button", { name: "Redeem" }).click();
    await expect(form.getByRole("status")).toContainText(/Pro/);
    await expect(page.getByTestId("account-tier")).toContainText("Pro");

    await chat.startNew(threatModeler.id);
    await expect(chat.locked).toHaveCount(0);
    await chat.sendMessage(threatModeler.name, "Threat model a login form");
    await chat.expectLastReplyComplete();
    await expect(chat.lastReply).toContainText(replyStart(threatModeler.id));
    await expect(chat.lastReply).toContainText(REPLY_END);
    await chat.waitForConversationUrl();
  });

  test("a guest is offered sign-in or sign-up, and the API refuses with 403", async ({
    page,
    chat,
    baseURL,
  }) => {
    await page.goto(`/chat?persona=${threatModeler.id}`);
    await expect(chat.locked).toContainText(`${threatModeler.name} is part of Pro`);
    await expect(chat.locked.getByRole("link", { name: "Sign in" })).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent(`/chat?persona=${threatModeler.id}`)}`,
    );
    await expect(chat.locked.getByRole("link", { name: "Create an account" })).toBeVisible();
    const refused = await postChat(page.request, baseURL!, { personaId: threatModeler.id, message: "hi" });
    expect(refused.status).toBe(403);
    expect((await page.context().cookies()).some((c) => c.name === "pm_guest")).toBe(false);
  });
});

test.describe("someone else's conversation", () => {
  test("does not exist for another guest or a visitor: 404 on the page and on every API", async ({
    chat,
    newPage,
    baseURL,
  }) => {
    const id = await chat.startConversation(backend.id, backend.name, "Private thoughts");

    const visitor = await newPage();
    expect((await visitor.goto(`/chat/${id}`))?.status()).toBe(404);
    await expect(visitor.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(visitor.getByText("Private thoughts")).toHaveCount(0);
    expect((await visitor.request.get(`/api/conversations/${id}`)).status()).toBe(404);

    // Another guest, with conversations of their own.
    const other = await newPage();
    const own = await postChat(other.request, baseURL!, { personaId: backend.id, message: "mine" });
    expect(own.status).toBe(200);
    expect((await other.context().cookies()).some((c) => c.name === "pm_guest")).toBe(true);
    expect((await other.goto(`/chat/${id}`))?.status()).toBe(404);

    const origin = { origin: baseURL! };
    const attempts = [
      other.request.get(`/api/conversations/${id}`),
      other.request.get(`/api/conversations/${id}/export`),
      other.request.patch(`/api/conversations/${id}`, { data: { title: "stolen" }, headers: origin }),
      other.request.post(`/api/conversations/${id}/stop`, { data: {}, headers: origin }),
      other.request.post(`/api/conversations/${id}/handoff`, {
        data: { personaId: "frontend-developer" },
        headers: origin,
      }),
      other.request.delete(`/api/conversations/${id}`, { headers: origin }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status(), response.url()).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe("not_found");
    }
    const chatAttempt = await postChat(other.request, baseURL!, { conversationId: id, message: "let me in" });
    expect(chatAttempt.status).toBe(404);
    expect((JSON.parse(chatAttempt.text) as ErrorBody).error.code).toBe("not_found");

    // The owner's conversation is as it was.
    await chat.page.reload();
    await expect(chat.title).toHaveText("Private thoughts");
    expect(await chat.statuses()).toEqual(["assistant:complete", "user:complete", "assistant:complete"]);
  });

  test("a malformed conversation id is a 404 too, never a 500", async ({ page }) => {
    for (const bad of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc"]) {
      expect((await page.goto(`/chat/${bad}`))?.status(), bad).toBe(404);
      expect((await page.request.get(`/api/conversations/${bad}`)).status(), bad).toBe(404);
    }
  });
});

test.describe("POST /api/chat refuses a bad body with a 4xx JSON error", () => {
  const cases: [string, string, number][] = [
    ["not JSON", "hello", 400],
    ["{}", "{}", 400],
    ["an empty message", JSON.stringify({ personaId: backend.id, message: "" }), 400],
    [
      "a message of 8001 characters",
      JSON.stringify({ personaId: backend.id, message: "a".repeat(8001) }),
      400,
    ],
    ["a body over 64 KB", JSON.stringify({ personaId: backend.id, message: "a".repeat(70_000) }), 413],
    ["an unknown field", JSON.stringify({ personaId: backend.id, message: "hi", admin: true }), 400],
    ["a bad conversation id", JSON.stringify({ conversationId: "nope", message: "hi" }), 400],
    [
      "regenerate without a conversation",
      JSON.stringify({ personaId: backend.id, trigger: "regenerate" }),
      400,
    ],
  ];
  for (const [label, body, status] of cases) {
    test(label, async ({ request, baseURL }) => {
      const response = await request.post("/api/chat", {
        data: body,
        headers: { "content-type": "application/json", origin: baseURL! },
      });
      expect(response.status()).toBe(status);
      const error = ((await response.json()) as ErrorBody).error;
      expect(error).toEqual(
        expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
      );
      expect(response.headers()["set-cookie"]).toBeUndefined();
    });
  }
});
