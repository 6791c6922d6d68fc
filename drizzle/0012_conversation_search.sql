-- Custom SQL (drizzle-kit generate --custom): drizzle cannot express SQLite FTS5 virtual tables or
-- triggers. Full-text indexes for the conversation search (lib/db/queries/conversation-search.ts),
-- kept in step with messages and conversations by triggers. A reply is indexed once it is no longer
-- streaming, so the many progress saves of a reply being written cost nothing here.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(content, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `messages_fts_insert` AFTER INSERT ON `messages` WHEN new.status != 'streaming' BEGIN
  INSERT INTO messages_fts(rowid, content) VALUES (new.rowid, new.content);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_update` AFTER UPDATE OF content, status ON `messages` BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, content) SELECT 'delete', old.rowid, old.content WHERE old.status != 'streaming';
  INSERT INTO messages_fts(rowid, content) SELECT new.rowid, new.content WHERE new.status != 'streaming';
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_delete` AFTER DELETE ON `messages` WHEN old.status != 'streaming' BEGIN
  INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;
--> statement-breakpoint
INSERT INTO messages_fts(rowid, content) SELECT rowid, content FROM messages WHERE status != 'streaming';
--> statement-breakpoint
CREATE VIRTUAL TABLE `conversations_fts` USING fts5(title, content='conversations', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `conversations_fts_insert` AFTER INSERT ON `conversations` BEGIN
  INSERT INTO conversations_fts(rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_fts_update` AFTER UPDATE OF title ON `conversations` BEGIN
  INSERT INTO conversations_fts(conversations_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO conversations_fts(rowid, title) VALUES (new.rowid, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `conversations_fts_delete` AFTER DELETE ON `conversations` BEGIN
  INSERT INTO conversations_fts(conversations_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
--> statement-breakpoint
INSERT INTO conversations_fts(rowid, title) SELECT rowid, title FROM conversations;
