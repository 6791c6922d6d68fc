import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/lib/db/postgres-driver";
import type { Db } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { fakeReply } from "@/testing/llm-fake";
import { startTcpProxy, type TcpProxy } from "@/testing/tcp-proxy";
import { setLiveness } from "./liveness";
import type { RunEvent } from "./runs";
import { startReply } from "./service";

// The database goes away for OUTAGE_MS while replies stream and finish: on PostgreSQL the server's
// connections are cut and refused (a TCP proxy in front of it is stopped, as a stopped server looks);
// on SQLite another process holds the file's write lock. Every reply the model finished must be in
// the database afterwards, complete; every client must be told how its reply ended; a request made
// meanwhile gets a 503 with Retry-After; and nothing rejects unhandled.

const OUTAGE_MS = 10_000;
const REPLIES = 4;

type Outage = { appDb: Db; down(): Promise<void>; up(): Promise<void>; close(): Promise<void> };

async function postgresOutage(h: ChatHarness): Promise<Outage> {
  const url = new URL(h.database.env.DATABASE_URL!);
  const proxy: TcpProxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const app = await openPostgres(url.toString());
  return {
    appDb: app.db,
    down: () => proxy.down(),
    up: () => proxy.up(),
    close: async () => {
      // The proxy first: its sockets cut, no pooled client can keep pool.end() (or the test
      // database's drop) waiting on a connection the outage left half-open.
      await proxy.close();
      await Promise.race([
        app.pool.end().catch(() => {}),
        new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref()),
      ]);
    },
  };
}

function sqliteOutage(h: ChatHarness): Outage {
  let holder: ChildProcess | undefined;
  const script = `const D=require("better-sqlite3");const d=new D(process.argv[1]);d.exec("BEGIN EXCLUSIVE");
    process.stdout.write("locked\\n");process.stdin.on("data",()=>{d.exec("COMMIT");d.close();process.exit(0)});`;
  return {
    appDb: h.db,
    async down() {
      holder = spawn(process.execPath, ["-e", script, h.database.file!], {
        stdio: ["pipe", "pipe", "inherit"],
      });
      await new Promise<void>((resolve) => holder!.stdout!.once("data", () => resolve()));
    },
    async up() {
      const gone = new Promise((resolve) => holder!.once("exit", resolve));
      holder!.stdin!.write("go\n");
      await gone;
    },
    async close() {
      if (holder && holder.exitCode === null) holder.kill("SIGKILL");
    },
  };
}

let h: ChatHarness;
let outage: Outage;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  h = await startChatHarness();
  setLiveness({ heartbeatMs: 200, saveMs: 200 });
  outage = h.database.engine === "postgres" ? await postgresOutage(h) : sqliteOutage(h);
  process.on("unhandledRejection", onUnhandled);
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await outage?.close();
  await h?.close();
}, 40_000);

describe("the database goes away while replies stream", () => {
  it(`every reply the model finished during a ${OUTAGE_MS / 1000} s outage is saved, and its client told`, async () => {
    const persona = h.catalog.all.find((p) => p.tier === "free")!.id;
    const late = await h.user();
    const started = [];
    for (let i = 0; i < REPLIES; i++) {
      const actor = await h.user();
      const message = `[[slow:120]] outage reply ${i}`;
      const { run } = await startReply({
        db: outage.appDb,
        catalog: h.catalog,
        actor,
        request: { personaId: persona, message, trigger: "submit" },
      });
      const ends: RunEvent[] = [];
      run.subscribe((event) => event.type === "end" && ends.push(event));
      started.push({ run, ends, expected: fakeReply(`Persona id: ${persona}.`, message).join("") });
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    await outage.down();
    const downAt = Date.now();

    // A request during the outage: a 503 the client may retry, not a 500.
    const refused = await startReply({
      db: outage.appDb,
      catalog: h.catalog,
      actor: late,
      request: { personaId: persona, message: "during the outage", trigger: "submit" },
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeDefined();
    const response = await jsonError(refused);
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");

    // The model finishes every reply while the database is still away. (On SQLite each write that
    // meets the lock blocks the process for the busy timeout, so the tokens may take longer.)
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - downAt))));
    for (let waited = 0; !started.every((s) => s.run.text === s.expected) && waited < 60_000; waited += 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started.every((s) => s.run.text === s.expected)).toBe(true);
    expect(started.every((s) => s.ends.length === 0)).toBe(true);
    await outage.up();
    const upAt = Date.now();

    const ended = await Promise.all(started.map((s) => s.run.done));
    console.info(
      `${h.database.engine}: ${REPLIES} replies, database away ${((upAt - downAt) / 1000).toFixed(1)} s, all saved ${((Date.now() - upAt) / 1000).toFixed(1)} s after it came back`,
    );
    expect(ended).toEqual(started.map(() => "complete"));
    for (const s of started) {
      expect(s.ends).toEqual([{ type: "end", status: "complete", error: undefined }]);
      const rows = await h.messagesOf(s.run.conversationId);
      const reply = rows.find((r) => r.id === s.run.messageId);
      expect(reply).toMatchObject({ status: "complete", content: s.expected });
    }
    expect(unhandled).toEqual([]);
  }, 150_000);
});
