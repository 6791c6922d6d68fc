import "server-only";
import type { Db } from "@/lib/db/client";
import { markStaleInterrupted, replyProgress, requestStop } from "@/lib/db/queries/live-replies";
import { liveness } from "./liveness";
import { activeRun, type RunEnd } from "./runs";

export type StopResult = { stopped: false } | { stopped: true; status: RunEnd; content: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  for (;;) {
    const row = await replyProgress({ db, id });
    if (!row) return { stopped: false };
    if (row.status !== "streaming") return { stopped: true, status: row.status, content: row.content };
    const staleBefore = Date.now() - liveness().staleMs;
    if (!row.heartbeatAt || row.heartbeatAt.getTime() < staleBefore) {
      await markStaleInterrupted({ db, staleBefore: new Date(staleBefore), conversationId });
      return { stopped: true, status: "interrupted", content: row.content };
    }
    await sleep(liveness().followMs);
  }
}
