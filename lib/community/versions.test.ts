import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getPersona } from "@/app/api/personas/[id]/route";
import { startReply } from "@/lib/chat/service";
import { getConversationPersonaVersion } from "@/lib/db/queries/conversations";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { estimatePromptTokens, tokensLabel } from "@/lib/personas/prompt-size";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("versions and prompt size", () => {
  it("a new conversation records the persona version it started with", async () => {
    const user = await h.user();
    const persona = h.catalog.byId.get("backend-developer")!;
    const started = await startReply({
      db: h.db,
      catalog: h.catalog,
      actor: user,
      request: { personaId: persona.id, message: "hi", trigger: "submit" } as never,
      clientGroup: "10.1.1.1",
    });
    await started.run.done;
    expect(
      await getConversationPersonaVersion({ db: h.db, id: started.conversationId, userId: user.userId }),
    ).toBe(persona.version);
    expect(
      await getConversationPersonaVersion({
        db: h.db,
        id: started.conversationId,
        userId: (await h.user()).userId,
      }),
    ).toBeNull();
  });

  it("a locked persona shows its prompt's size and not its body", async () => {
    const paid = h.catalog.all.find((p) => p.tier !== "free")!;
    const response = await getPersona(new NextRequest(`http://localhost:3000/api/personas/${paid.id}`), {
      params: Promise.resolve({ id: paid.id }),
    });
    const body = (await response.json()) as { locked: boolean; promptTokens: number; body?: string };
    expect(body.locked).toBe(true);
    expect(body.body).toBeUndefined();
    expect(body.promptTokens).toBe(Math.ceil(paid.body.trim().length / 4));
    expect(body.promptTokens).toBe(estimatePromptTokens(paid.body));
    expect(tokensLabel(1234)).toBe("~1.2k tokens");
    expect(tokensLabel(420)).toBe("~420 tokens");
  });
});
