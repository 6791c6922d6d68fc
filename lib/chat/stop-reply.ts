import "server-only";
import type { Db } from "@/lib/db/client";
import { requestStop } from "@/lib/db/queries/live-replies";
import { activeRun, type RunEnd } from "./runs";
import { watchReply } from "./watch-reply";

export type StopResult = { stopped: false } | { stopped: true; status: RunEnd; content: string };

/**
 * Stop, pressed on whichever instance: a reply this process writes is stopped at once; one another
 * process writes is flagged in its row, and that process stops it on its next heartbeat. Answers
 * once the reply has ended (or, if its process is gone, once it is marked interrupted).
 */
export async function stopReply({
  db,
  conversationId,
}: {
  db: Db;
  conversationId: string;
}): Promise<StopResult> {
  const run = activeRun(conversationId);
  if (run) {
    run.stop();
    return { stopped: true, status: await run.done, content: run.text };
  }
  const [id] = await requestStop({ db, conversationId });
  if (!id) return { stopped: false };
  const end = await watchReply({ db, conversationId, messageId: id });
  return end.kind === "ended"
    ? { stopped: true, status: end.status, content: end.content }
    : { stopped: false };
}
