/**
 * A chat server process for the crash test, minus HTTP: the app's database client (DATABASE_PATH),
 * the catalog and the provider (the fake model on loopback). On start it does what the server's
 * start does for a crash it survived (instrumentation.ts): replies no process heartbeats any more
 * are marked interrupted (with short timings: 100 ms beats, stale after 400 ms, so it first waits
 * for the killed process's replies to go stale). Then each stdin line `start <tag> <slowMs>` starts a reply to the message
 * `<tag> [[slow:<slowMs>]]` for a user of its own, and prints `ack <tag> <conversationId> <replyId>`
 * once the message is committed, and `end <tag> <status>` when the reply ends. The test SIGKILLs it.
 * Run with tsx and `--conditions=react-server`.
 */
import { createInterface } from "node:readline";
import { startReply } from "@/lib/chat/service";
import { loadAuthSecret } from "@/lib/auth/secret";
import { startDatabase } from "@/lib/db/client";
import { setLiveness } from "@/lib/chat/liveness";
import { sweepStaleReplies } from "@/lib/chat/runs";
import { createUser } from "@/lib/db/queries/users";
import { getCatalog } from "@/lib/personas";

setLiveness({ heartbeatMs: 100, staleMs: 400 });
const db = await startDatabase();
// As the server's start does: the session secret (kept in the database on PostgreSQL).
await loadAuthSecret(db);
await new Promise((resolve) => setTimeout(resolve, 450));
const recovered = await sweepStaleReplies(db);
const catalog = getCatalog();
process.stdout.write(`ready ${recovered}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const [command, tag, slow] = line.split(" ");
  if (command !== "start" || !tag) continue;
  const user = await createUser({ db, email: `${tag}@crash.test`, passwordHash: null });
  if (!user) continue;
  const started = await startReply({
    db,
    catalog,
    actor: { kind: "user", userId: user.id, tier: "free" },
    request: { personaId: "backend-developer", message: `${tag} [[slow:${slow}]]`, trigger: "submit" },
  });
  process.stdout.write(`ack ${tag} ${started.conversationId} ${started.run.messageId}\n`);
  void started.run.done.then((status) => process.stdout.write(`end ${tag} ${status}\n`));
}
