import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { fakeReply, startFakeLlm } from "@/testing/llm-fake";
import { seededRandom } from "@/testing/seeded-random";

// SIGKILL a chat process at random moments while replies stream, start it again each time, and
// check what a user was told was saved: every acknowledged message is in the database, every reply
// is complete (the whole text) or marked interrupted (a prefix of it), and the file is sound.

// At most REPLIES messages, and at least MIN_KILLS kills. The run is also bounded by time: once
// SEND_BUDGET_MS have passed (a busy machine starts workers slower: about 1 s idle, 5 s on a
// loaded 2-core machine) and MIN_ACKED messages are acknowledged, no more are sent and the run ends
// at MIN_KILLS: smaller, instead of past its timeout. Each cycle sends a number of messages drawn
// from the seed, however slow the machine.
const REPLIES = 200;
const MIN_KILLS = 8;
const MIN_ACKED = 40;
const SEND_BUDGET_MS = 30_000;
// The moments of the kills and the gaps between messages come from this seed (printed on a failure;
// CRASH_SEED=<n> runs the same choices again; the machine's timing still varies around them).
const SEED = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);
const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.resolve(import.meta.dirname, "../../testing/crash-worker.ts");

let dir: string;
let file: string;
let llm: http.Server;
let llmUrl: string;
let workerStartMs: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crash-"));
  file = path.join(dir, "crash.db");
  llm = await startFakeLlm({ port: 0 });
  llmUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
  // How fast this machine starts a worker now (a busy one: ten times slower), which sets the run's
  // bound below; it also makes the database file and warms tsx's cache for the run.
  const before = Date.now();
  const worker = await startWorker();
  workerStartMs = Date.now() - before;
  const exited = new Promise((resolve) => worker.child.once("exit", resolve));
  worker.child.kill("SIGKILL");
  await exited;
}, 120_000);

afterAll(async () => {
  llm.closeAllConnections();
  await new Promise((resolve) => llm.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

type Worker = { child: ChildProcess; lines: AsyncIterator<string>; recovered: number; output: string[] };

async function startWorker(): Promise<Worker> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_PATH: file,
      CHAT_PROVIDER: "openai-compatible",
      OPENAI_COMPATIBLE_BASE_URL: llmUrl,
    },
    stdio: ["pipe", "pipe", "ignore"],
  });
  const output: string[] = [];
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  const ready = /^ready (\d+)$/.exec(String(first.value));
  if (!ready) throw new Error(`worker did not start: ${first.value}`);
  return { child, lines, recovered: Number(ready[1]), output };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const next = seededRandom(SEED);
const random = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

describe("SIGKILL while replies stream", () => {
  it(`at least ${MIN_KILLS} kills over up to ${REPLIES} replies lose nothing acknowledged`, async () => {
    onTestFailed(() => {
      console.error(`crash test failed with seed ${SEED}: CRASH_SEED=${SEED} makes the same choices`);
    });
    const started = Date.now();
    // The bound scales with the slowest worker start seen (measured before the run and each cycle):
    // the sending budget plus every cycle's start, kill and wait, and half again for a load that
    // comes and goes. Past it the run is stuck, not slow (the test's timeout is only a last guard).
    let slowestStartMs = workerStartMs;
    const boundMs = () => 1.5 * (SEND_BUDGET_MS + (MIN_KILLS + 2) * (slowestStartMs + 1_000));
    const acked = new Map<string, { conversationId: string; replyId: string }>();
    const ended = new Map<string, string>();
    let sent = 0;
    let recoveredTotal = 0;
    let killedWhileStreaming = 0;

    let kills = 0;
    let onAck: (() => void) | undefined;
    const moreToSend = () =>
      sent < REPLIES && (Date.now() - started < SEND_BUDGET_MS || acked.size < MIN_ACKED);
    for (let cycle = 0; moreToSend() || kills < MIN_KILLS; cycle++) {
      expect(Date.now() - started, `the run's bound (slowest start ${slowestStartMs} ms)`).toBeLessThan(
        boundMs(),
      );
      const cycleStart = Date.now();
      const worker = await startWorker();
      slowestStartMs = Math.max(slowestStartMs, Date.now() - cycleStart);
      recoveredTotal += worker.recovered;
      const reading = (async () => {
        for (;;) {
          const { value, done } = await worker.lines.next();
          if (done) return;
          const [kind, tag, a, b] = String(value).split(" ");
          if (kind === "ack") {
            acked.set(tag!, { conversationId: a!, replyId: b! });
            onAck?.();
          }
          if (kind === "end") ended.set(tag!, a!);
        }
      })();
      const exited = new Promise((resolve) => worker.child.once("exit", resolve));
      // The kill lands after a random number of acknowledged messages (so a busy machine does as
      // much per cycle as an idle one), sent a few ms apart while earlier replies stream (13 tokens,
      // 5–30 ms each), then after a random pause: with a message still on its way, while replies
      // stream, or once they have ended.
      const send = () => worker.child.stdin!.write(`start m${sent++}-c${cycle} ${random(5, 30)}\n`);
      const toAck = random(3, 25);
      for (let i = 0; i < toAck && moreToSend(); i++) {
        const acknowledged = new Promise<void>((resolve) => (onAck = resolve));
        send();
        await Promise.race([acknowledged, exited, sleep(boundMs() - (Date.now() - started))]);
        await sleep(random(0, 6));
      }
      if (random(0, 1) === 1 && moreToSend()) send();
      await sleep(random(0, 400));
      worker.child.kill("SIGKILL");
      kills++;
      await exited;
      await reading;
      killedWhileStreaming += [...acked.keys()].filter(
        (tag) => tag.endsWith(`-c${cycle}`) && !ended.has(tag),
      ).length;
    }
    // The start after the last kill recovers what it left.
    const last = await startWorker();
    recoveredTotal += last.recovered;
    last.child.kill("SIGKILL");
    await new Promise((resolve) => last.child.once("exit", resolve));

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const userMessage = db.prepare(
        "SELECT content FROM messages WHERE conversation_id = ? AND role = 'user'",
      );
      const reply = db.prepare("SELECT content, status FROM messages WHERE id = ?");
      let complete = 0;
      let interrupted = 0;
      for (const [tag, { conversationId, replyId }] of acked) {
        const message = `${tag} [[slow:`;
        const saved = userMessage.all(conversationId) as { content: string }[];
        expect(saved, `acknowledged message ${tag}`).toHaveLength(1);
        expect(saved[0]!.content.startsWith(message)).toBe(true);
        const row = reply.get(replyId) as { content: string; status: string } | undefined;
        expect(row, `reply to ${tag}`).toBeDefined();
        const full = fakeReply("Persona id: backend-developer", saved[0]!.content).join("");
        if (row!.status === "complete") {
          complete++;
          expect(row!.content).toBe(full);
        } else {
          interrupted++;
          expect(row!.status).toBe("interrupted");
          expect(full.startsWith(row!.content), `partial reply to ${tag}`).toBe(true);
        }
        if (ended.get(tag) === "complete") expect(row!.status).toBe("complete");
      }
      const streaming = db.prepare("SELECT count(*) FROM messages WHERE status = 'streaming'").pluck().get();
      expect(streaming).toBe(0);
      expect(acked.size).toBeGreaterThanOrEqual(Math.max(MIN_ACKED, sent * 0.9));
      // Each interrupted reply was marked by a restart (a kill can also land between the commit and the ack).
      expect(interrupted).toBeLessThanOrEqual(recoveredTotal);
      expect(interrupted).toBeLessThanOrEqual(killedWhileStreaming);
      expect(interrupted).toBeGreaterThan(0);
      expect(complete).toBeGreaterThan(0);
      console.info(
        `crash test (seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s, slowest worker start ${slowestStartMs} ms): ${kills} kills, ${sent} messages sent, ${acked.size} acknowledged and all found; ` +
          `${complete} replies complete, ${interrupted} interrupted (${killedWhileStreaming} had not reported an end when killed)`,
      );
    } finally {
      db.close();
    }
  }, 600_000);
});
