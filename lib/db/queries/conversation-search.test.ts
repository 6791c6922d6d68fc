import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import type { Db } from "../client";
import { MARK_END, MARK_START, searchConversations } from "./conversation-search";
import { createConversation, deleteConversation, renameConversation } from "./conversations";
import { insertMessage, retireReply, updateMessage } from "./messages";
import { createUser } from "./users";

let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});

let seq = 0;
const newUser = async () =>
  (await createUser({ db, email: `search-${++seq}@example.com`, passwordHash: null }))!.id;
const newConversation = async (userId: string, title: string) =>
  await createConversation({ db, userId, personaId: "devops-engineer", title, greeting: "Hi!" });
const search = (userId: string, q: string) => searchConversations({ db, userId, q });

describe("searchConversations", () => {
  it("finds a message by its words (prefixes, any case) and marks them in its line", async () => {
    const me = await newUser();
    const c = await newConversation(me, "Cluster trouble");
    const m = await insertMessage({
      db,
      conversationId: c.id,
      role: "user",
      content: "My Kubernetes deployment keeps crashing after the upgrade to 1.31",
    });
    const hits = await search(me, "kube CRASHING");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      conversationId: c.id,
      messageId: m.id,
      role: "user",
      title: "Cluster trouble",
    });
    expect(hits[0]!.snippet).toContain(`${MARK_START}Kubernetes${MARK_END}`);
    expect(hits[0]!.snippet).toContain(`${MARK_START}crashing${MARK_END}`);
    expect(await search(me, "kubernetes elephant")).toEqual([]);
  });

  it("finds a conversation by its title, and follows renames", async () => {
    const me = await newUser();
    const c = await newConversation(me, "Quarterly budget review");
    expect((await search(me, "budget"))[0]).toMatchObject({ conversationId: c.id, messageId: null });
    await renameConversation({ db, id: c.id, userId: me, title: "Hiring plan" });
    expect(await search(me, "budget")).toEqual([]);
    expect((await search(me, "hiring"))[0]?.snippet).toBe(`${MARK_START}Hiring${MARK_END} plan`);
  });

  it("only ever returns the viewer's own conversations", async () => {
    const me = await newUser();
    const other = await newUser();
    const theirs = await newConversation(other, "Secret zebracorn plans");
    await insertMessage({ db, conversationId: theirs.id, role: "user", content: "zebracorn launch date" });
    expect(await search(me, "zebracorn")).toEqual([]);
    expect((await search(other, "zebracorn")).length).toBe(2);
  });

  it("indexes a reply once it is written, follows edits, and forgets deleted conversations", async () => {
    const me = await newUser();
    const c = await newConversation(me, "Reply test");
    const reply = await insertMessage({
      db,
      conversationId: c.id,
      role: "assistant",
      content: "partial quokka",
      status: "streaming",
    });
    expect(await search(me, "quokka")).toEqual([]);
    await updateMessage({ db, id: reply.id, content: "complete quokka answer", status: "complete" });
    expect((await search(me, "quokka"))[0]?.messageId).toBe(reply.id);
    await updateMessage({ db, id: reply.id, content: "complete wombat answer", status: "complete" });
    expect(await search(me, "quokka")).toEqual([]);
    expect(await search(me, "wombat")).toHaveLength(1);
    // A version taken off the conversation's path is not offered (it could not be opened).
    await retireReply({ db, reply: { id: reply.id, content: "complete wombat answer", replyGroup: null } });
    expect(await search(me, "wombat")).toEqual([]);
    await deleteConversation({ db, id: c.id, userId: me });
    expect(await search(me, "reply")).toEqual([]);
  });

  it("treats the query as words: operators and quotes are plain text", async () => {
    const me = await newUser();
    const c = await newConversation(me, "Syntax");
    await insertMessage({ db, conversationId: c.id, role: "user", content: "NEAR the AND gate" });
    expect(await search(me, '"near" AND (gate*) :*')).toHaveLength(1);
    expect(await search(me, "***")).toEqual([]);
  });
});
