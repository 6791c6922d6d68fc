import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { conversations, messages } from "@/lib/db/schema";
import { DELETE, POST } from "@/app/api/conversations/[id]/share/route";
import { POST as continueRoute } from "@/app/share/[token]/continue/route";
import { GUEST_COOKIE, guestCookieValue, readGuestCookie } from "@/lib/auth/guest";
import { createConversation, getConversation } from "@/lib/db/queries/conversations";
import { insertMessage, listMessages } from "@/lib/db/queries/messages";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { signInJar } from "@/testing/community-session";
import { sharedView } from "./shares";
import { jar } from "@/testing/next-headers";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const SITE = "http://localhost:3000";
const headers = { origin: SITE, host: "localhost:3000" };
const PAID = "threat-modeler";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => jar.clear());

async function ownedConversation(personaId: string, tier: "free" | "pro" = "free") {
  const owner = await h.user(tier);
  const conv = await createConversation({
    db: h.db,
    userId: owner.userId,
    personaId,
    title: "Shared chat",
    greeting: "Hello!",
  });
  await insertMessage({ db: h.db, conversationId: conv.id, role: "user", content: "my question" });
  await insertMessage({ db: h.db, conversationId: conv.id, role: "assistant", content: "an answer" });
  await signInJar(jar, h.db, owner.userId);
  return { owner, conv };
}
const share = (id: string, method: "POST" | "DELETE" = "POST") =>
  (method === "POST" ? POST : DELETE)(
    new NextRequest(`${SITE}/api/conversations/${id}/share`, { method, headers }),
    {
      params: Promise.resolve({ id }),
    },
  );
const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;
const cont = (token: string) =>
  continueRoute(new NextRequest(`${SITE}/share/${token}/continue`, { method: "POST", headers }), {
    params: Promise.resolve({ token }),
  });

describe("shared conversations", () => {
  it("shows the path shown when it was shared, not the other versions of a turn", async () => {
    const { conv } = await ownedConversation("backend-developer");
    const [, question, answer] = await listMessages({ db: h.db, conversationId: conv.id });
    // Another version of the reply, not shown.
    const hidden = await insertMessage({
      db: h.db,
      conversationId: conv.id,
      role: "assistant",
      content: "another answer",
      parentId: question!.id,
    });
    await h.db.update(messages).set({ active: false }).where(eq(messages.id, hidden.id));
    const made = await share(conv.id);
    const token = tokenOf(((await made.json()) as { url: string }).url);
    const view = await sharedView({ db: h.db, catalog: h.catalog, token, viewerTier: null });
    expect(view.messages.map((m) => m.content)).toEqual(["Hello!", "my question", answer!.content]);
  });

  it("only the owner shares; the link is a snapshot, ≥128 bits, and revoking it makes it 404 at once", async () => {
    const { conv } = await ownedConversation("backend-developer");
    const made = await share(conv.id);
    expect(made.status).toBe(201);
    const { url } = (await made.json()) as { url: string };
    const token = tokenOf(url);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    await new Promise((r) => setTimeout(r, 5));
    await insertMessage({ db: h.db, conversationId: conv.id, role: "user", content: "said after sharing" });
    const view = await sharedView({ db: h.db, catalog: h.catalog, token, viewerTier: null });
    expect(view.messages.map((m) => m.content)).toEqual(["Hello!", "my question", "an answer"]);
    expect(JSON.stringify(view)).not.toMatch(/@example\.com|body/);

    await signInJar(jar, h.db, (await h.user()).userId);
    expect((await share(conv.id)).status).toBe(404);
    expect((await share(conv.id, "DELETE")).status).toBe(404);

    await signInJar(
      jar,
      h.db,
      (await getConversation({ db: h.db, id: conv.id, userId: conv.userId }))!.userId,
    );
    expect((await share(conv.id, "DELETE")).status).toBe(200);
    await expect(
      (async () => await sharedView({ db: h.db, catalog: h.catalog, token, viewerTier: null }))(),
    ).rejects.toThrow(/no longer shared/);
    expect((await cont(token)).status).toBe(404);
  });

  it("continuing copies the conversation into the viewer's own new one (a visitor becomes a guest)", async () => {
    const { conv } = await ownedConversation("backend-developer");
    const token = tokenOf(((await (await share(conv.id)).json()) as { url: string }).url);
    jar.clear();
    const response = await cont(token);
    expect(response.status).toBe(303);
    const newId = new URL(response.headers.get("location")!).pathname.split("/").pop()!;
    const guestId = readGuestCookie(/pm_guest=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1]);
    expect(guestId).toBeTruthy();
    expect(await getConversation({ db: h.db, id: newId, userId: guestId! })).toBeDefined();
    expect((await listMessages({ db: h.db, conversationId: newId })).map((m) => m.content)).toEqual([
      "Hello!",
      "my question",
      "an answer",
    ]);
    jar.set(GUEST_COOKIE, guestCookieValue(guestId!));
    expect(await getConversation({ db: h.db, id: conv.id, userId: guestId! })).toBeUndefined();
  });

  it("a shared paid conversation shows the messages, not the prompt, and does not unlock chat", async () => {
    const { conv } = await ownedConversation(PAID, "pro");
    const token = tokenOf(((await (await share(conv.id)).json()) as { url: string }).url);
    const prompt = h.catalog.byId.get(PAID)!.body;
    const view = await sharedView({ db: h.db, catalog: h.catalog, token, viewerTier: "free" });
    expect(view.locked).toBe(true);
    expect(view.messages.length).toBe(3);
    expect(JSON.stringify(view)).not.toContain(prompt.slice(0, 80));

    await signInJar(jar, h.db, (await h.user("free")).userId);
    const before = await h.db.$count(conversations);
    const refused = await cont(token);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toMatch(/refused=forbidden/);
    expect(await h.db.$count(conversations)).toBe(before);
    jar.clear();
    expect((await cont(token)).headers.get("location")).toMatch(/refused=forbidden/);

    await signInJar(jar, h.db, (await h.user("pro")).userId);
    expect((await cont(token)).headers.get("location")).toMatch(/\/chat\//);
  });

  it("a malformed token is a 404, not an error", async () => {
    await expect(
      (async () => await sharedView({ db: h.db, catalog: h.catalog, token: "../../x", viewerTier: null }))(),
    ).rejects.toThrow(/no longer shared/);
  });
});
