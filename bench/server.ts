import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const SKIP_TOP_LEVEL = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  "test-results",
  "playwright-report",
  "blob-report",
]);

/**
 * A throwaway copy of the app to build and start, so nothing touches the working tree's .next.
 * Turbopack refuses a node_modules symlink that leads outside the project, so the files are
 * hard-linked instead (instant on the same disk), with a real copy as the fallback.
 */
export function copyApp(source: string, dest: string): void {
  fs.cpSync(source, dest, {
    recursive: true,
    filter: (p) => !SKIP_TOP_LEVEL.has(path.relative(source, p).split(path.sep)[0]!),
  });
  const from = path.join(source, "node_modules");
  const to = path.join(dest, "node_modules");
  if (spawnSync("cp", ["-al", from, to], { stdio: "ignore" }).status !== 0) {
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

const tail = (file: string, lines = 40) =>
  fs.existsSync(file)
    ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
    : "(no output)";

/** `next build` in the copy; output goes to `logFile`, whose tail is in the error if it fails. */
export function buildApp(appDir: string, env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  const started = performance.now();
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [nextBin(appDir), "build"], {
    cwd: appDir,
    env,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`next build failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile)}`)),
    );
  });
}

const nextBin = (appDir: string) => path.join(appDir, "node_modules", "next", "dist", "bin", "next");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Server = {
  pid: number;
  origin: string;
  /** From spawn to the first 200 on `/`: start-up plus the first catalog load and render. */
  readyMs: number;
  /** From spawn to the server's own `server.ready` log line (null: it never wrote one). */
  readyLogMs: number | null;
  /** Each of `firstPaths` asked once, in order, right after the ready line: a visitor's first pages. */
  firstPages: { path: string; ms: number }[];
  /** What the server logged before its ready line: the catalog load and the page warm-up. */
  startLog: StartLog;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();

/** Last resort when the benchmark itself dies: no server outlives it. */
export function killServersNow(): void {
  for (const child of running) {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  running.clear();
}

export type StartLog = {
  catalog: { source: string; ms: number } | null;
  warmed: { path: string; status: number | null; ms: number }[];
};

function readFrom(logFile: string, offset: number): string {
  const size = fs.statSync(logFile).size;
  if (size <= offset) return "";
  const fd = fs.openSync(logFile, "r");
  const buffer = Buffer.alloc(size - offset);
  fs.readSync(fd, buffer, 0, buffer.length, offset);
  fs.closeSync(fd);
  return buffer.toString("utf8");
}

/** The catalog load and warm-up lines among the JSON lines the server logged. */
function startLog(text: string): StartLog {
  const out: StartLog = { catalog: null, warmed: [] };
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry: { msg?: unknown; event?: unknown; source?: unknown; ms?: unknown; pages?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (entry.msg === "catalog.loaded" && typeof entry.source === "string" && typeof entry.ms === "number")
      out.catalog = { source: entry.source, ms: entry.ms };
    if ((entry.event === "pages.warmed" || entry.event === "pages.warm_failed") && Array.isArray(entry.pages))
      out.warmed = entry.pages as StartLog["warmed"];
  }
  return out;
}

/** Waits for the `server.ready` line in what the server wrote to the log after `offset`. */
async function waitForReadyLine(
  logFile: string,
  offset: number,
  child: ChildProcess,
  deadline: number,
): Promise<boolean> {
  while (Date.now() < deadline && child.exitCode === null) {
    if (readFrom(logFile, offset).includes('"event":"server.ready"')) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

/**
 * `next start` on 127.0.0.1; resolves once `/` answers 200 (which also loads the catalog). Nothing is
 * asked before the server logs that it is ready, so the first page is timed from that line.
 */
export async function startServer(opts: {
  appDir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  timeoutMs?: number;
  /** Asked once each after the ready line, timed (`/` first unless listed). */
  firstPaths?: string[];
}): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // fetch's first use in this process costs tens of milliseconds (undici loads): not the server's time.
  await fetch(origin, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
  const started = performance.now();
  const logOffset = fs.existsSync(opts.logFile) ? fs.statSync(opts.logFile).size : 0;
  const out = fs.openSync(opts.logFile, "a");
  const child = spawn(
    process.execPath,
    [nextBin(opts.appDir), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: opts.appDir,
      env: opts.env,
      stdio: ["ignore", out, out],
    },
  );
  fs.closeSync(out);
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    running.delete(child);
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    process.kill(child.pid, "SIGTERM");
    const killed = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 10_000)),
    ]);
    if (!killed) {
      process.kill(child.pid, "SIGKILL");
      await exited;
    }
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const sawReady = await waitForReadyLine(opts.logFile, logOffset, child, deadline);
  const readyLogMs = sawReady ? performance.now() - started : null;
  const logged = startLog(readFrom(opts.logFile, logOffset));
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`next start exited with ${child.exitCode}; log:\n${tail(opts.logFile)}`);
    let status: number | undefined;
    try {
      const res = await fetch(`${origin}/`, { signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`server at ${origin} not ready: ${String(error)}; log:\n${tail(opts.logFile)}`);
      }
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    if (status === 200) {
      const readyMs = performance.now() - started;
      const firstPages = [{ path: "/", ms: readyLogMs === null ? Number.NaN : readyMs - readyLogMs }];
      for (const p of opts.firstPaths ?? []) {
        const t = performance.now();
        const res = await fetch(origin + p, { signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status !== 200) {
          await stop();
          throw new Error(`server at ${origin} answered GET ${p} with ${res.status}`);
        }
        firstPages.push({ path: p, ms: performance.now() - t });
      }
      return { pid: child.pid!, origin, readyMs, readyLogMs, firstPages, startLog: logged, stop };
    }
    await stop();
    throw new Error(`server at ${origin} answered GET / with ${status}; log:\n${tail(opts.logFile)}`);
  }
}
