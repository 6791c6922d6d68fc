import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeReply, startFakeLlm } from "@/testing/llm-fake";

// SIGKILL a chat process at random moments while replies stream, start it again each time, and
// check what a user was told was saved: every acknowledged message is in the database, every reply
// is complete (the whole text) or marked interrupted (a prefix of it), and the file is sound.

const REPLIES = 200;
const MIN_KILLS = 8;
const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.resolve(import.meta.dirname, "../../testing/crash-worker.ts");

let dir: string;
let file: string;
let llm: http.Server;
let llmUrl: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "crash-"));
  file = path.join(dir, "crash.db");
  llm = await startFakeLlm({ port: 0 });
  llmUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
});

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
const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

describe("SIGKILL while replies stream", () => {
  it(`at least ${MIN_KILLS} kills over ${REPLIES} replies lose nothing acknowledged`, async () => {
    const acked = new Map<string, { conversationId: string; replyId: string }>();
    const ended = new Map<string, string>();
    let sent = 0;
    let recoveredTotal = 0;
    let killedWhileStreaming = 0;

    let kills = 0;
    let onAck: (() => void) | undefined;
    for (let cycle = 0; sent < REPLIES || kills < MIN_KILLS; cycle++) {
      const worker = await startWorker();
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
      // Messages go in a few ms apart while earlier replies stream (13 tokens, 5–30 ms each); the
      // kill lands at a random moment: while messages are still arriving, or while replies finish.
      const killAt = Date.now() + random(50, 700);
      while (Date.now() < killAt) {
        if (sent < REPLIES) {
          const acknowledged = new Promise<void>((resolve) => (onAck = resolve));
          worker.child.stdin!.write(`start m${sent++}-c${cycle} ${random(5, 30)}\n`);
          await Promise.race([acknowledged, sleep(Math.max(0, killAt - Date.now()))]);
        }
        await sleep(random(0, 6));
      }
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
      expect(acked.size).toBeGreaterThanOrEqual(REPLIES * 0.9);
      // Each interrupted reply was marked by a restart (a kill can also land between the commit and the ack).
      expect(interrupted).toBeLessThanOrEqual(recoveredTotal);
      expect(interrupted).toBeLessThanOrEqual(killedWhileStreaming);
      expect(interrupted).toBeGreaterThan(0);
      expect(complete).toBeGreaterThan(0);
      console.info(
        `crash test: ${kills} kills, ${sent} messages sent, ${acked.size} acknowledged and all found; ` +
          `${complete} replies complete, ${interrupted} interrupted (${killedWhileStreaming} had not reported an end when killed)`,
      );
    } finally {
      db.close();
    }
  }, 90_000);
});
