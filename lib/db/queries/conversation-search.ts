import "server-only";
import { sql } from "drizzle-orm";
import { tokenize } from "@/lib/personas/search-tokenize";
import type { Executor } from "../client";
import { isPostgres, rawRows } from "../dialect";

import { MARK_END, MARK_START } from "./conversation-search-marks";

export { MARK_END, MARK_START };

export type ConversationHit = {
  conversationId: string;
  title: string;
  personaId: string;
  /** The matching message (null when only the title matched), and its line with the words marked. */
  messageId: string | null;
  role: "user" | "assistant" | null;
  snippet: string;
};

const MAX_WORDS = 8;

/** The query's words, each as a prefix ("kube" finds "kubernetes"); all must be in one message or title. */
function words(q: string): string[] {
  return [...new Set(tokenize(q))].slice(0, MAX_WORDS);
}

/**
 * The viewer's own conversations whose title or messages (on the conversation's current path)
 * hold every word of `q`: titles first, then messages, best match first. SQLite searches its FTS5
 * tables (drizzle/0009_conversation_search.sql), PostgreSQL its full-text GIN indexes.
 */
export async function searchConversations({
  db,
  userId,
  q,
  limit = 30,
}: {
  db: Executor;
  userId: string;
  q: string;
  limit?: number;
}): Promise<ConversationHit[]> {
  const w = words(q);
  if (w.length === 0) return [];
  const [titles, messages] = isPostgres
    ? await searchPostgres(db, userId, w, limit)
    : await searchSqlite(db, userId, w, limit);
  const hits: ConversationHit[] = [];
  for (const [conversationId, title, personaId, snippet] of titles)
    hits.push({
      conversationId: String(conversationId),
      title: String(title),
      personaId: String(personaId),
      messageId: null,
      role: null,
      snippet: String(snippet),
    });
  for (const [conversationId, title, personaId, messageId, role, snippet] of messages)
    hits.push({
      conversationId: String(conversationId),
      title: String(title),
      personaId: String(personaId),
      messageId: String(messageId),
      role: role === "user" ? "user" : "assistant",
      snippet: String(snippet),
    });
  return hits.slice(0, limit);
}

async function searchSqlite(db: Executor, userId: string, w: string[], limit: number) {
  // Quoted words are plain text to FTS5 (tokenize() keeps letters and digits only).
  const match = w.map((t) => `"${t}"*`).join(" ");
  const titles = await rawRows(
    db,
    sql`SELECT c.id, c.title, c.persona_id, highlight(conversations_fts, 0, ${MARK_START}, ${MARK_END})
        FROM conversations_fts JOIN conversations c ON c.rowid = conversations_fts.rowid
        WHERE conversations_fts MATCH ${match} AND c.user_id = ${userId}
        ORDER BY c.updated_at DESC LIMIT ${limit}`,
  );
  const messages = await rawRows(
    db,
    sql`SELECT c.id AS conversation_id, c.title, c.persona_id, m.id AS message_id, m.role,
               snippet(messages_fts, 0, ${MARK_START}, ${MARK_END}, '…', 16)
        FROM messages_fts
        JOIN messages m ON m.rowid = messages_fts.rowid
        JOIN conversations c ON c.id = m.conversation_id
        WHERE messages_fts MATCH ${match} AND c.user_id = ${userId} AND m.active = 1
        ORDER BY bm25(messages_fts), m.rowid DESC LIMIT ${limit}`,
  );
  return [titles, messages] as const;
}

async function searchPostgres(db: Executor, userId: string, w: string[], limit: number) {
  const query = w.map((t) => `${t}:*`).join(" & ");
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…`;
  const titles = await rawRows(
    db,
    sql`SELECT c.id AS conversation_id, c.title, c.persona_id, ts_headline('simple', c.title, q, ${options}) AS snippet
        FROM conversations c, to_tsquery('simple', ${query}) q
        WHERE c.user_id = ${userId} AND to_tsvector('simple', c.title) @@ q
        ORDER BY c.updated_at DESC LIMIT ${limit}`,
  );
  const messages = await rawRows(
    db,
    sql`SELECT c.id AS conversation_id, c.title, c.persona_id, m.id AS message_id, m.role,
               ts_headline('simple', m.content, q, ${options}) AS snippet
        FROM messages m JOIN conversations c ON c.id = m.conversation_id, to_tsquery('simple', ${query}) q
        WHERE c.user_id = ${userId} AND m.active AND m.status <> 'streaming'
          AND to_tsvector('simple', m.content) @@ q
        ORDER BY ts_rank(to_tsvector('simple', m.content), q) DESC, m.seq DESC LIMIT ${limit}`,
  );
  return [titles, messages] as const;
}
