import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeRole } from "@/lib/db/queries/moderation";
import { decide } from "@/lib/moderation/decide";
import { insertCreator, insertDraft } from "@/lib/db/queries/creators";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { EMPTY_DRAFT } from "./draft";
import { submitDraft } from "./submit";

// Two app processes on one database: instance B is a worker process (testing/catalog-instance-worker.ts)
// with its own catalog and its own poll; this test process is instance A, where the moderator approves.

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.resolve(import.meta.dirname, "../../testing/catalog-instance-worker.ts");
const ID = "islander--tide-reader";

let h: ChatHarness;
let b: ChildProcess | undefined;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  b?.kill();
  await h?.close();
});

function startInstanceB(): Promise<{ ready: string; seen: Promise<number> }> {
  b = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER, ID], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "test", ...h.database.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolveReady) => {
    let seen: (ms: number) => void;
    const seenPromise = new Promise<number>((r) => (seen = r));
    createInterface({ input: b!.stdout! }).on("line", (line) => {
      const [kind, value, ms] = line.split(" ");
      if (kind === "ready") resolveReady({ ready: value!, seen: seenPromise });
      if (kind === "seen" && value === ID) seen(Number(ms));
    });
  });
}

describe("a persona approved on one instance", () => {
  it("is in another instance's catalog within 10 seconds, with no restart", async () => {
    const creator = await h.user("free");
    const moderator = await h.user("free");
    await changeRole({
      db: h.db,
      userId: moderator.userId,
      email: "m@example.com",
      role: "moderator",
      action: "grant",
      by: "test",
    });
    await insertCreator({ db: h.db, userId: creator.userId, handle: "islander" });
    const fields = {
      ...EMPTY_DRAFT,
      slug: "tide-reader",
      name: "Tide Reader",
      description: "Reads tide tables aloud for sailors.",
      greeting: "Ahoy! Which harbour?",
      tags: ["sailing"],
      body: "# Tide Reader\n\nYou read harbour tide tables aloud and answer in plain words.",
      changelog: "First version",
    };
    const draft = await insertDraft({ db: h.db, userId: creator.userId, fields: JSON.stringify(fields) });
    const sent = await submitDraft({ db: h.db, userId: creator.userId, draftId: draft.id });
    expect(sent.status).toBe("pending");

    const instanceB = await startInstanceB();
    expect(instanceB.ready).toBe("absent");
    const approvedAt = performance.now();
    await decide({
      db: h.db,
      moderatorId: moderator.userId,
      decision: { decision: "approve", submissionId: sent.submissionId, tier: "free", reason: "" },
    });
    await instanceB.seen;
    expect(performance.now() - approvedAt).toBeLessThan(10_000);
  }, 60_000);
});
