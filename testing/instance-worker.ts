/**
 * Another app instance for the multi-process chat tests, minus HTTP: the app's database client
 * (DATABASE_PATH, shared with the test process), the catalog and the provider (the fake model on
 * loopback), with the liveness timings given as argv[2] (JSON). Each stdin line
 * `start <tag> <slowMs> <userId> [conversationId]` starts a reply to `<tag> [[slow:<slowMs>]]` for
 * that user and prints `ack <tag> <conversationId> <replyId>` once the message is committed (or
 * `refused <tag> <code>`), then `end <tag> <status>` when the reply ends. Run with tsx and
 * `--conditions=react-server`.
 */
import { createInterface } from "node:readline";
import { setLiveness, type Liveness } from "@/lib/chat/liveness";
import { sweepOwnReplies } from "@/lib/chat/runs";
import { startReply } from "@/lib/chat/service";
import { loadAuthSecret } from "@/lib/auth/secret";
import { startDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";

setLiveness(JSON.parse(process.argv[2] ?? "{}") as Partial<Liveness>);
const db = await startDatabase();
// As the server's start does: the session secret (kept in the database on PostgreSQL).
await loadAuthSecret(db);
// As the server's start does: this instance's own replies from before a crash end now (INSTANCE_ID).
await sweepOwnReplies(db);
const catalog = getCatalog();
process.stdout.write("ready\n");

for await (const line of createInterface({ input: process.stdin })) {
  const [command, tag, slow, userId, conversationId] = line.split(" ");
  if (command !== "start" || !tag || !userId) continue;
  try {
    const started = await startReply({
      db,
      catalog,
      actor: { kind: "user", userId, tier: "free" },
      request: conversationId
        ? { conversationId, message: `${tag} [[slow:${slow}]]`, trigger: "submit" }
        : { personaId: "backend-developer", message: `${tag} [[slow:${slow}]]`, trigger: "submit" },
    });
    process.stdout.write(`ack ${tag} ${started.conversationId} ${started.run.messageId}\n`);
    void started.run.done.then((status) => process.stdout.write(`end ${tag} ${status}\n`));
  } catch (error) {
    process.stdout.write(`refused ${tag} ${error instanceof AppError ? error.code : String(error)}\n`);
  }
}
