import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";

// An app instance (testing/instance-worker.ts, with its INSTANCE_ID) is SIGKILLed while it writes a
// reply and started again with the same id. It marks that reply interrupted as it starts, so the
// conversation goes on at once: no "a reply is still being written" 409 while its heartbeat goes
// stale (5 s by default). The workers here count a heartbeat stale only after two minutes, so
// nothing but the instance id can let the next message through.
const TIMINGS = JSON.stringify({ staleMs: 120_000 });

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKER = path.resolve(import.meta.dirname, "../../testing/instance-worker.ts");

let h: ChatHarness;
const children: ChildProcess[] = [];

function startWorker(instanceId: string) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", WORKER, TIMINGS], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "test",
      ...h.database.env,
      INSTANCE_ID: instanceId,
      CHAT_PROVIDER: "openai-compatible",
      OPENAI_COMPATIBLE_BASE_URL: h.llmBaseUrl,
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  return { child, next, send: (line: string) => child.stdin!.write(`${line}\n`) };
}

beforeAll(async () => {
  h = await startChatHarness();
}, 30_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await h?.close();
});

describe("an instance that crashed and starts again", () => {
  it("marks its own unfinished replies interrupted at once: the conversation goes on without a 409", async () => {
    const user = await h.user();
    const first = startWorker("restart-test-a");
    expect(await first.next()).toBe("ready");
    first.send(`start one 400 ${user.userId}`);
    const [, , conversationId, replyId] = (await first.next()).split(" ");
    expect(conversationId).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const killed = Date.now();
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));

    const again = startWorker("restart-test-a");
    expect(await again.next()).toBe("ready");
    const ready = Date.now();
    again.send(`start two 1 ${user.userId} ${conversationId}`);
    const answer = await again.next();
    console.info(
      `restart: started again ${ready - killed} ms after the SIGKILL (tsx start-up), the next message accepted ${Date.now() - ready} ms after that`,
    );
    expect(answer.split(" ").slice(0, 2)).toEqual(["ack", "two"]);
    const old = (await h.messagesOf(conversationId!)).find((m) => m.id === replyId);
    expect(old?.status).toBe("interrupted");
  }, 60_000);

  it("leaves alone a reply another live instance is writing", async () => {
    const user = await h.user();
    const other = startWorker("restart-test-b");
    expect(await other.next()).toBe("ready");
    other.send(`start three 3000 ${user.userId}`);
    const [, , conversationId, replyId] = (await other.next()).split(" ");
    const starting = startWorker("restart-test-c");
    expect(await starting.next()).toBe("ready");
    const reply = (await h.messagesOf(conversationId!)).find((m) => m.id === replyId);
    expect(reply?.status).toBe("streaming");
    starting.child.kill("SIGKILL");
    other.child.kill("SIGKILL");
  }, 60_000);
});
