/**
 * Processes for the chat benchmark: a throwaway built copy of the app (with the bare baseline
 * route added), `next start` and the fake model server as children, and their CPU time from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Never copied into the throwaway app: dependencies are linked, the rest is build output, data or
 * tooling. e2e/ stays (minus its specs): testing/e2e imports its page objects, and next build
 * type-checks them.
 */
const SKIP_TOP_LEVEL = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  "bench",
  "test-results",
  "playwright-report",
  "blob-report",
]);
/** Tests are not part of the app, and `next build` type-checks every file it is given: a test being written must not break the benchmark. */
const SKIP_FILE = /\.(test|spec)\.tsx?$/;

/** Where the bare route goes inside the copy (never inside the working tree). */
export const BARE_ROUTE_PATH = "/api/bench-bare";

/**
 * Copies the app to `dest` and adds the bare route. Turbopack refuses a node_modules symlink that
 * leads outside the project, so node_modules is hard-linked (instant on the same disk), with a real
 * copy as the fallback.
 */
export function copyApp(root: string, dest: string): void {
  fs.cpSync(root, dest, {
    recursive: true,
    filter: (p) => !SKIP_TOP_LEVEL.has(path.relative(root, p).split(path.sep)[0]!) && !SKIP_FILE.test(p),
  });
  const routeDir = path.join(dest, "app", ...BARE_ROUTE_PATH.split("/").filter(Boolean));
  fs.mkdirSync(routeDir, { recursive: true });
  fs.copyFileSync(path.join(root, "bench", "bare-route", "route.ts"), path.join(routeDir, "route.ts"));
  const from = path.join(root, "node_modules");
  const to = path.join(dest, "node_modules");
  if (spawnSync("cp", ["-al", from, to], { stdio: "ignore" }).status !== 0) {
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

/** An already-built copy given by BENCH_CHAT_APP must have the bare route in its build. */
export function assertBuiltCopy(appDir: string): void {
  const built = path.join(appDir, ".next", "server", "app", ...BARE_ROUTE_PATH.split("/").filter(Boolean));
  if (!fs.existsSync(built))
    throw new Error(
      `${appDir} has no built ${BARE_ROUTE_PATH} (expected ${built}); leave BENCH_CHAT_APP unset to copy and build`,
    );
}

const tail = (file: string, lines = 40) =>
  fs.existsSync(file)
    ? fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
    : "(no output)";

const nextBin = (appDir: string) => path.join(appDir, "node_modules", "next", "dist", "bin", "next");

// Every child we start, so none outlives the benchmark: killed by pid, never by name.
const running = new Set<ChildProcess>();

/** Last resort when the benchmark itself dies. */
export function killChildrenNow(): void {
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

function track(child: ChildProcess, label: string) {
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    running.delete(child);
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    process.kill(child.pid, "SIGTERM");
    const ended = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 15_000)),
    ]);
    if (!ended) {
      console.error(`[bench:chat] ${label} (pid ${child.pid}) ignored SIGTERM for 15 s; killing it`);
      process.kill(child.pid, "SIGKILL");
      await exited;
    }
  };
  return { exited, stop };
}

/** `next build` in the copy, bounded in time; output goes to `logFile`, whose tail is in the error if it fails. */
export async function buildApp(
  appDir: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  timeoutMs = 15 * 60_000,
): Promise<number> {
  const started = performance.now();
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [nextBin(appDir), "build"], {
    cwd: appDir,
    env,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const { exited, stop } = track(child, "next build");
  const timer = setTimeout(() => void stop(), timeoutMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
  if (child.exitCode !== 0)
    throw new Error(
      `next build failed (exit ${child.exitCode ?? child.signalCode}); last lines of ${logFile}:\n${tail(logFile)}`,
    );
  return performance.now() - started;
}

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

export type Child = { pid: number; origin: string; readyMs: number; stop(): Promise<void> };

/** Polls `url` until it answers 200, the child exits, or the deadline passes. */
async function waitReady(
  child: ChildProcess,
  url: string,
  logFile: string,
  label: string,
  timeoutMs: number,
  stop: () => Promise<void>,
) {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${label} exited (${child.exitCode ?? child.signalCode}); log:\n${tail(logFile)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      await stop();
      throw new Error(`${label}: GET ${url} answered ${res.status}; log:\n${tail(logFile)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith(label)) throw error;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(
          `${label} not ready at ${url} after ${timeoutMs} ms: ${String(error)}; log:\n${tail(logFile)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await stop();
  throw new Error(`${label} never answered ${url}`);
}

/** `next start` on 127.0.0.1; ready once `readyPath` answers 200. `nodeOptions` for --cpu-prof. */
export async function startNext(opts: {
  appDir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyPath: string;
  nodeOptions?: string;
  port?: number;
}): Promise<Child> {
  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const out = fs.openSync(opts.logFile, "a");
  const env = opts.nodeOptions
    ? { ...opts.env, NODE_OPTIONS: [opts.env.NODE_OPTIONS, opts.nodeOptions].filter(Boolean).join(" ") }
    : opts.env;
  const child = spawn(
    process.execPath,
    [nextBin(opts.appDir), "start", "-H", "127.0.0.1", "-p", String(port)],
    { cwd: opts.appDir, env, stdio: ["ignore", out, out] },
  );
  fs.closeSync(out);
  const { stop } = track(child, "next start");
  await waitReady(child, origin + opts.readyPath, opts.logFile, "next start", 120_000, stop);
  return { pid: child.pid!, origin, readyMs: performance.now() - started, stop };
}

/** testing/llm-fake.ts in its own process (so it does not share an event loop with the load generator). */
export async function startFakeLlm(opts: {
  root: string;
  delayMs: number;
  logFile: string;
  port?: number;
}): Promise<Child> {
  const port = opts.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const out = fs.openSync(opts.logFile, "a");
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(opts.root, "testing", "llm-fake.ts"),
      "--port",
      String(port),
      "--delay-ms",
      String(opts.delayMs),
    ],
    {
      cwd: opts.root,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", out, out],
    },
  );
  fs.closeSync(out);
  const { stop } = track(child, "fake LLM");
  await waitReady(child, `${origin}/v1/models`, opts.logFile, "fake LLM", 60_000, stop);
  return { pid: child.pid!, origin, readyMs: performance.now() - started, stop };
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond) return ticksPerSecond;
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const n = Number(out.stdout?.trim());
  return (ticksPerSecond = Number.isInteger(n) && n > 0 ? n : 100);
}

/** utime + stime of one process (all its threads, live and exited), in ms; 0 if it is gone. Clock-tick sampled. */
function statCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0;
  }
  // The name field may hold spaces and parentheses ("next-server (v16…)"): count from the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/**
 * Time on CPU of one process's live threads, in ms, from /proc/<pid>/task/<tid>/schedstat: the
 * scheduler's own nanosecond count (user and system together), where utime/stime are sampled at
 * each clock tick — too coarse for a few seconds of a process that gets a fifth of a core. Null
 * if the kernel does not keep it.
 */
function schedCpuMs(pid: number): number | null {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let ns = 0;
  for (const tid of tasks.slice(0, 1000)) {
    try {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && fs.existsSync(`/proc/${pid}/task/${tid}`))
        return null;
    }
  }
  return Number.isFinite(ns) ? ns / 1e6 : null;
}

function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) => {
    try {
      return fs
        .readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  });
}

export type CpuReading = { schedMs: number | null; statMs: number };

/**
 * CPU time of a process and all its descendants (`next start` runs as one process today): the
 * scheduler's precise count (null if the kernel lacks it) and utime + stime from /proc/<pid>/stat.
 */
export function treeCpu(pid: number): CpuReading {
  let sched: number | null = 0;
  let stat = 0;
  const queue = [pid];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const one = schedCpuMs(queue[i]!);
    sched = sched === null || one === null ? null : sched + one;
    stat += statCpuMs(queue[i]!);
    queue.push(...childPids(queue[i]!));
  }
  return { schedMs: sched, statMs: stat };
}

/** CPU ms between two readings: the scheduler's count when both have it, else utime + stime. */
export function cpuDelta(
  before: CpuReading,
  after: CpuReading,
): { ms: number; source: "schedstat" | "stat"; statMs: number } {
  const statMs = after.statMs - before.statMs;
  if (before.schedMs !== null && after.schedMs !== null)
    return { ms: after.schedMs - before.schedMs, source: "schedstat", statMs };
  return { ms: statMs, source: "stat", statMs };
}
