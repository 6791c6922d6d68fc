/**
 * Pages while the local model writes: the built app on 127.0.0.1 with CHAT_PROVIDER=local on the tests'
 * tiny model, page first byte (p50, p95 over sequential requests) on `/` and a persona page, first
 * with nothing generating, then while 4 local replies stream (1 writing, 3 queued).
 * `npm run bench:local-pages` (builds the app in a temporary copy: a few minutes).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeTinyGguf } from "@/testing/tiny-gguf";
import { buildApp, copyApp, killServersNow, startServer } from "./server";
import { reportFailure } from "./settings";

const ROOT = path.resolve(import.meta.dirname, "..");
const REQUESTS = 200;
const REPLIES = 4;

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

async function firstBytes(
  origin: string,
  pathname: string,
): Promise<{ p50: number; p95: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const began = performance.now();
    const response = await fetch(origin + pathname);
    times.push(performance.now() - began);
    if (!response.ok) errors++;
    await response.arrayBuffer();
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), errors };
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pm-bench-local-pages-"));
  const appDir = path.join(tmp, "app");
  const modelPath = path.join(tmp, "tiny.gguf");
  writeTinyGguf(modelPath);
  const base = { ...process.env, NODE_ENV: "production" as const, LOG_LEVEL: "warn" };
  try {
    console.error("copying and building the app");
    copyApp(ROOT, appDir);
    await buildApp(
      appDir,
      { ...base, DATABASE_PATH: path.join(tmp, "build.db") },
      path.join(tmp, "build.log"),
    );
    const server = await startServer({
      appDir,
      env: {
        ...base,
        DATABASE_PATH: path.join(tmp, "data", "app.db"),
        CHAT_PROVIDER: "local",
        LOCAL_MODEL_PATH: modelPath,
        LOCAL_MODEL_THREADS: "1",
        GUEST_SESSIONS_PER_HOUR: "1000",
        GUEST_MESSAGES_PER_DAY: "1000",
      },
      logFile: path.join(tmp, "server.log"),
    });
    try {
      const pages = ["/", "/personas/backend-developer"];
      const quiet = await Promise.all(
        pages.map(async (p) => [p, await firstBytes(server.origin, p)] as const),
      );
      const replies = Array.from({ length: REPLIES }, (_, i) =>
        fetch(`${server.origin}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: server.origin },
          body: JSON.stringify({
            personaId: "backend-developer",
            message: `Tell me a long story, part ${i}`,
          }),
        }).then(async (r) => ({
          status: r.status,
          bytes: (await r.text()).length,
          endedAt: performance.now(),
        })),
      );
      await new Promise((r) => setTimeout(r, 1000));
      const busy: (readonly [string, Awaited<ReturnType<typeof firstBytes>>])[] = [];
      for (const p of pages) busy.push([p, await firstBytes(server.origin, p)]);
      const busyEnded = performance.now();
      const done = await Promise.all(replies);
      // The busy figures count only if the replies were still being written when they were taken.
      const stillWriting = done.filter((d) => d.endedAt >= busyEnded).length;
      console.log(`page first byte, ${REQUESTS} sequential requests each (ms)`);
      for (const [i, [p, q]] of quiet.entries()) {
        const b = busy[i]![1];
        console.log(
          `  ${p}: quiet p50 ${q.p50.toFixed(1)} p95 ${q.p95.toFixed(1)}; ${REPLIES} local replies writing p50 ${b.p50.toFixed(1)} p95 ${b.p95.toFixed(1)} (errors ${q.errors + b.errors})`,
        );
      }
      console.log(
        `  replies: ${done.map((d) => `${d.status} (${d.bytes} B)`).join(", ")}; ${stillWriting} of ${REPLIES} still writing when the busy requests ended`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    killServersNow();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch(reportFailure);
