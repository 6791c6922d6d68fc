import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReply } from "@/lib/chat/service";
import { getConversation } from "@/lib/db/queries/conversations";
import { listVersions, setVersionUnpublished } from "@/lib/db/queries/persona-versions";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { catalogWith, contentText, versionText } from "@/testing/persona-versions";
import type { Catalog } from "./catalog";
import { conversationVersionInfo, switchToLatest } from "./versions-conversation";
import { recordCatalogVersions } from "./versions-record";

const ID = "backend-developer";
let h: ChatHarness;
let v1: Catalog;
let v2: Catalog;

const sources = (catalog: Catalog, texts: Record<string, string>) =>
  catalog.all.map((persona) => ({
    persona,
    source: "content" as const,
    text: () => texts[persona.id] ?? contentText(persona.id),
  }));

beforeAll(async () => {
  h = await startChatHarness();
  const base = contentText(ID);
  const t1 = versionText(base, { version: "1.0.0", firstLine: "VERSION-ONE-PROMPT" });
  const t2 = versionText(base, {
    version: "2.0.0",
    changelog: "Sharper answers",
    firstLine: "VERSION-TWO-PROMPT",
  });
  v1 = catalogWith(h.catalog, t1, ID).catalog;
  v2 = catalogWith(h.catalog, t2, ID).catalog;
  expect(await recordCatalogVersions({ db: h.db, sources: sources(v1, { [ID]: t1 }) })).toBe(v1.all.length);
  // Idempotent: a second load of the same catalog adds nothing.
  expect(await recordCatalogVersions({ db: h.db, sources: sources(v1, { [ID]: t1 }) })).toBe(0);
  expect(await recordCatalogVersions({ db: h.db, sources: sources(v2, { [ID]: t2 }) })).toBe(1);
});
afterAll(async () => {
  await h?.close();
});

async function say(catalog: Catalog, user: { userId: string }, conversationId: string | undefined) {
  const started = await startReply({
    db: h.db,
    catalog,
    actor: user as never,
    request: conversationId
      ? ({ conversationId, message: "which prompt? [[body]]", trigger: "submit" } as never)
      : ({ personaId: ID, message: "which prompt? [[body]]", trigger: "submit" } as never),
  });
  await started.run.done;
  const messages = await h.messagesOf(started.conversationId);
  return { id: started.conversationId, reply: messages.at(-1)!.content };
}

describe("persona versions", { timeout: 30_000 }, () => {
  it("keeps each version once, with its changelog and text", async () => {
    const versions = await listVersions({ db: h.db, personaId: ID });
    expect(versions.map((v) => [v.version, v.changelog])).toEqual([
      ["1.0.0", null],
      ["2.0.0", "Sharper answers"],
    ]);
  });

  it("a conversation keeps its version's prompt after a new version, until switched", async () => {
    const user = await h.user();
    const first = await say(v1, user, undefined);
    expect(first.reply).toContain("[body:VERSION-ONE-PROMPT]");
    // The catalog now holds 2.0.0: the conversation still talks to 1.0.0.
    const again = await say(v2, user, first.id);
    expect(again.reply).toContain("[body:VERSION-ONE-PROMPT]");
    const conv = (await getConversation({ db: h.db, id: first.id, userId: user.userId }))!;
    const info = await conversationVersionInfo({ db: h.db, current: v2.byId.get(ID)!, conversation: conv });
    expect(info.version).toBe("1.0.0");
    expect(info.newer).toEqual({ version: "2.0.0", changelog: "Sharper answers" });

    expect(
      await switchToLatest({ db: h.db, catalog: v2, userId: user.userId, conversationId: first.id }),
    ).toEqual({ version: "2.0.0" });
    const switched = await say(v2, user, first.id);
    expect(switched.reply).toContain("[body:VERSION-TWO-PROMPT]");
    // The earlier replies stay as they were.
    const texts = (await h.messagesOf(first.id)).map((m) => m.content).join("\n");
    expect(texts.match(/VERSION-ONE-PROMPT/g)).toHaveLength(2);
    const after = (await getConversation({ db: h.db, id: first.id, userId: user.userId }))!;
    const info2 = await conversationVersionInfo({ db: h.db, current: v2.byId.get(ID)!, conversation: after });
    expect(info2.newer).toBeNull();
    expect(info2.switches.map((s) => [s.fromVersion, s.toVersion])).toEqual([["1.0.0", "2.0.0"]]);
    // Another user cannot switch it, and a second switch has nothing to do.
    const other = await h.user();
    await expect(
      switchToLatest({ db: h.db, catalog: v2, userId: other.userId, conversationId: first.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      switchToLatest({ db: h.db, catalog: v2, userId: user.userId, conversationId: first.id }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("an unpublished version takes no new chats; its conversations say why", async () => {
    const user = await h.user();
    const old = await say(v1, user, undefined);
    await setVersionUnpublished({ db: h.db, personaId: ID, version: "1.0.0", reason: "copied text" });
    await expect(say(v1, user, undefined)).rejects.toMatchObject({ code: "forbidden" });
    await expect(say(v2, user, old.id)).rejects.toThrow(/unpublished by a moderator: copied text/);
    const conv = (await getConversation({ db: h.db, id: old.id, userId: user.userId }))!;
    const info = await conversationVersionInfo({ db: h.db, current: v2.byId.get(ID)!, conversation: conv });
    expect(info.unpublished).toEqual({ reason: "copied text" });
    // Its history stays readable; 2.0.0 still takes new chats, and the conversation may move on to it.
    expect((await h.messagesOf(old.id)).length).toBeGreaterThan(1);
    expect((await say(v2, user, undefined)).reply).toContain("VERSION-TWO-PROMPT");
    await switchToLatest({ db: h.db, catalog: v2, userId: user.userId, conversationId: old.id });
    expect((await say(v2, user, old.id)).reply).toContain("VERSION-TWO-PROMPT");
    await setVersionUnpublished({ db: h.db, personaId: ID, version: "1.0.0", reason: null });
  });
});
