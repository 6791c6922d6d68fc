import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { UIMessageChunk, UIMessageStreamWriter } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { fakeReply } from "@/testing/llm-fake";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { setLiveness, type Liveness } from "./liveness";
import { followStream } from "./reply-stream";
import { assertNoLiveReply, startReply } from "./service";
import { stopReply } from "./stop-reply";

// Two app processes on one SQLite file: instance A is a worker process (testing/instance-worker.ts)
// that writes replies; this test process is instance B, with its own connection and its own (empty)
// registry of runs. Whatever B learns about A's replies, it learns from the database.

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.resolve(import.meta.dirname, "../../testing/instance-worker.ts");
const TIMINGS: Liveness = { heartbeatMs: 100, staleMs: 800, followMs: 50, saveMs: 100 };
const SLOW = 120; // ms per token: a reply of ~13 tokens takes ~1.5 s on A

let h: ChatHarness;
let a: Worker;

type Worker = {
  child: ChildProcess;
  send(line: string): void;
  next(kind: string, tag: string): Promise<string[]>;
};

async function startWorker(): Promise<Worker> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", WORKER, JSON.stringify(TIMINGS)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "test",
        ...h.database.env,
        CHAT_PROVIDER: "openai-compatible",
        OPENAI_COMPATIBLE_BASE_URL: h.llmBaseUrl,
      },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const seen: string[][] = [];
  const waiting: { kind: string; tag: string; resolve: (fields: string[]) => void }[] = [];
  const ready = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line === "ready") return resolve();
      const fields = line.split(" ");
      const i = waiting.findIndex((w) => w.kind === fields[0] && w.tag === fields[1]);
      if (i >= 0) waiting.splice(i, 1)[0]!.resolve(fields);
      else seen.push(fields);
    });
  });
  await ready;
  return {
    child,
    send: (line) => child.stdin!.write(`${line}\n`),
    next: (kind, tag) =>
      new Promise((resolve) => {
        const i = seen.findIndex((f) => f[0] === kind && f[1] === tag);
        if (i >= 0) resolve(seen.splice(i, 1)[0]!);
        else waiting.push({ kind, tag, resolve });
      }),
  };
}

/** Starts a reply on A; resolves once its message is committed. */
async function startOnA(tag: string, userId: string, conversationId?: string) {
  a.send(`start ${tag} ${SLOW} ${userId}${conversationId ? ` ${conversationId}` : ""}`);
  const [, , conv, reply] = await a.next("ack", tag);
  return { conversationId: conv!, replyId: reply!, ended: a.next("end", tag).then((f) => f[2]) };
}

const fullText = (tag: string) =>
  fakeReply("Persona id: backend-developer", `${tag} [[slow:${SLOW}]]`).join("");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collectingWriter() {
  const chunks: UIMessageChunk[] = [];
  const writer = {
    write: (c: UIMessageChunk) => chunks.push(c),
    merge: () => {},
  } as unknown as UIMessageStreamWriter;
  return { writer, chunks };
}

const waitForText = async (conversationId: string) => {
  for (let i = 0; i < 100; i++) {
    const reply = (await h.messagesOf(conversationId)).at(-1)!;
    if (reply.content) return reply;
    await sleep(30);
  }
  throw new Error("no partial text reached the database");
};

beforeAll(async () => {
  h = await startChatHarness();
  setLiveness(TIMINGS);
  a = await startWorker();
}, 30_000);

afterAll(async () => {
  a?.child.kill("SIGKILL");
  await h?.close();
});

describe("a reply written by another process", () => {
  it("is followed live from this one: its text arrives in several deltas, then it ends complete", async () => {
    const user = await h.user();
    const { conversationId, replyId, ended } = await startOnA("follow", user.userId);
    const { writer, chunks } = collectingWriter();
    await followStream({ db: h.db, conversationId, messageId: replyId, writer });
    const deltas = chunks.flatMap((c) => (c.type === "text-delta" ? [c.delta] : []));
    expect(deltas.length).toBeGreaterThanOrEqual(3);
    expect(deltas.join("")).toBe(fullText("follow"));
    expect(chunks.at(-2)).toMatchObject({
      type: "message-metadata",
      messageMetadata: { status: "complete" },
    });
    expect(chunks.at(-1)).toEqual({ type: "finish" });
    expect(await ended).toBe("complete");
  });

  it("refuses a second message and a version switch here while it streams (409), then lets them through", async () => {
    const user = await h.user();
    const { conversationId, ended } = await startOnA("busy", user.userId);
    const second = startReply({
      db: h.db,
      catalog: h.catalog,
      actor: user,
      request: { conversationId, message: "and another thing", trigger: "submit" },
    });
    await expect(second).rejects.toMatchObject({ code: "conflict" });
    await expect(h.db.transaction((tx) => assertNoLiveReply(tx, conversationId))).rejects.toBeInstanceOf(
      AppError,
    );
    // A second message on A itself is refused by the database too, not only by its own registry.
    a.send(`start busy-again ${SLOW} ${user.userId} ${conversationId}`);
    expect((await a.next("refused", "busy-again"))[2]).toBe("conflict");
    expect(await ended).toBe("complete");
    const after = await startReply({
      db: h.db,
      catalog: h.catalog,
      actor: user,
      request: { conversationId, message: "now then [[slow:1]]", trigger: "submit" },
    });
    expect(await after.run.done).toBe("complete");
  });

  it("is stopped from this one: A ends it as stopped, keeping what it wrote", async () => {
    const user = await h.user();
    const { conversationId, ended } = await startOnA("stop", user.userId);
    await waitForText(conversationId);
    const result = await stopReply({ db: getDb(), conversationId });
    expect(result).toMatchObject({ stopped: true, status: "stopped" });
    expect(await ended).toBe("stopped");
    const reply = (await h.messagesOf(conversationId)).at(-1)!;
    expect(reply.status).toBe("stopped");
    expect(reply.content.length).toBeGreaterThan(0);
    expect(reply.content.length).toBeLessThan(fullText("stop").length);
    expect(fullText("stop").startsWith(reply.content)).toBe(true);
    expect(await stopReply({ db: h.db, conversationId })).toEqual({ stopped: false });
  });

  it("whose process dies is refused while its heartbeat is fresh, then ends interrupted for everyone", async () => {
    const user = await h.user();
    const { conversationId, replyId } = await startOnA("crash", user.userId);
    await waitForText(conversationId);
    a.child.kill("SIGKILL");
    const killedAt = Date.now();
    const follower = collectingWriter();
    const following = followStream({ db: h.db, conversationId, messageId: replyId, writer: follower.writer });
    const early = startReply({
      db: h.db,
      catalog: h.catalog,
      actor: user,
      request: { conversationId, message: "hello?", trigger: "submit" },
    });
    await expect(early).rejects.toMatchObject({ code: "conflict" });
    await following;
    // The follower gave up on it only once it went stale, and said so.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(TIMINGS.staleMs - TIMINGS.heartbeatMs);
    expect(follower.chunks.at(-2)).toMatchObject({ messageMetadata: { status: "interrupted" } });
    const dead = (await h.messagesOf(conversationId)).at(-1)!;
    expect(dead).toMatchObject({ id: replyId, status: "interrupted" });
    expect(fullText("crash").startsWith(dead.content)).toBe(true);
    const after = await startReply({
      db: h.db,
      catalog: h.catalog,
      actor: user,
      request: { conversationId, message: "hello again [[slow:1]]", trigger: "submit" },
    });
    expect(await after.run.done).toBe("complete");
    a = await startWorker();
  }, 20_000);
});
