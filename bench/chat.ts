/**
 * Chat benchmark: `npx tsx bench/chat.ts`.
 *
 * Builds a throwaway copy of the app with one extra route, `/api/bench-bare` (bench/bare-route: the
 * AI SDK streaming a reply and nothing else — no auth, no database), starts the fake model server
 * (testing/llm-fake.ts, answering at once) and `next start`, all on 127.0.0.1, then puts the same
 * load on POST /api/chat and on the bare route: `connections` clients that each send a message, read
 * the whole streamed reply and go again. Markdown report on stdout, progress on stderr, JSON in
 * bench/results/chat-latest.json.
 *
 *   BENCH_DURATION=seconds  measured time per route (default 30: the CPU ratio of a shorter run swings by ±0.1 on a
 *                           shared machine; a short unmeasured warm-up runs first)
 *   BENCH_CHAT_APP=dir      use this already-built copy (it must contain the bare route) instead of building
 *   BENCH_CHAT_PROFILE=1    run each server with --cpu-prof; the profiles go to bench/results/ and the
 *                           report says where the CPU went
 *   BENCH_POSTGRES=1        also measure /api/chat on PostgreSQL (a throwaway cluster of the bench's own,
 *                           testing/postgres.sh) with one and with two instances; or BENCH_POSTGRES_URL=<admin
 *                           URL> to use a running server (bench/chat-scale.ts)
 *   BENCH_PORT_BASE=port    fixed ports from here (fake model, chat, bare, PostgreSQL instances) instead of free ones
 */
import crypto from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { encode } from "next-auth/jwt";
import { z } from "zod";
import { sessions, users } from "../lib/db/schema-sqlite";
import { clientPool, runLoad, type LoadRun, type Target } from "./chat-load";
import { summarizeProfile, type ProfileSummary } from "./chat-profile";
import { benchPostgres, measurePostgres, type ScaleRow } from "./chat-scale";
import { BenchSettingsError, durationSetting, reportFailure } from "./settings";
import {
  assertBuiltCopy,
  BARE_ROUTE_PATH,
  buildApp,
  copyApp,
  killChildrenNow,
  startFakeLlm,
  startNext,
  treeCpu,
  cpuDelta,
  type Child,
} from "./chat-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const progress = (line: string) => console.error(`[bench:chat] ${line}`);

const CONNECTIONS = 50;
const PERSONA_ID = "math-tutor";
/** Each client starts a new conversation every this many turns, so the history sent to the model stays bounded. */
const TURNS_PER_CONVERSATION = 10;
/** Upper bound on requests per client per run (the clock normally ends a run long before). */
const MAX_REQUESTS_PER_CLIENT = 100_000;
const WARMUP_SECONDS = 3;
/**
 * The measured time per route is split into this many stretches, alternating between the routes:
 * short ones, so a burst of load from elsewhere on a shared machine falls on both routes alike.
 */
const ROUNDS = 10;
const KINDS = ["chat", "bare"] as const;
type Kind = (typeof KINDS)[number];
/** Issue #8: server CPU per chat reply at most 1.2× the bare streamText route on the same fake model. */
const CPU_RATIO_TARGET = 1.2;

const settingsSchema = z.object({
  BENCH_DURATION: durationSetting(30),
  BENCH_CHAT_APP: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  BENCH_CHAT_PROFILE: z.enum(["0", "1"], { error: 'must be "0" or "1"' }).default("0"),
  BENCH_PORT_BASE: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1024).max(65_000).optional(),
  ),
});

function readSettings() {
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) throw new BenchSettingsError(parsed.error);
  return {
    durationSeconds: parsed.data.BENCH_DURATION,
    builtApp: parsed.data.BENCH_CHAT_APP ? path.resolve(parsed.data.BENCH_CHAT_APP) : undefined,
    profile: parsed.data.BENCH_CHAT_PROFILE === "1",
    portBase: parsed.data.BENCH_PORT_BASE,
  };
}

/** The server's environment: only the fake model configured, a known auth secret, nothing inherited that could point elsewhere. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
  for (const key of [
    "ANTHROPIC_API_KEY",
    "OPENAI_API_KEY",
    "OPENAI_COMPATIBLE_API_KEY",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "GITHUB_ID",
    "GITHUB_SECRET",
    "GOOGLE_CLIENT_ID",
    "GOOGLE_CLIENT_SECRET",
    "PERSONAS_DIR",
    "SITE_URL",
    "NODE_OPTIONS",
  ]) {
    if (!(key in extra)) delete env[key];
  }
  return env;
}

/** The monotonic clock in µs: the one V8 stamps CPU profile samples with. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Nearest-rank percentile (p in 0..100). */
function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Commits to the database so far: the wal-index header's change counter (`iChange`, the u32 at
 * byte 8 of the -shm file, native byte order), which SQLite bumps once per committed write
 * transaction, whichever connection made it. Null when the database is not in WAL mode.
 */
function walCommitCounter(dbPath: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(`${dbPath}-shm`, "r");
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(12);
    if (fs.readSync(fd, header, 0, 12, 0) < 12) return null;
    return os.endianness() === "LE" ? header.readUInt32LE(8) : header.readUInt32BE(8);
  } finally {
    fs.closeSync(fd);
  }
}

/** Signed-in max-tier users, one per client, made the way sign-up and `npm run tier -- grant … max` would leave them. */
async function seedUsers(dbPath: string, secret: string, count: number): Promise<string[]> {
  const sqlite = new Database(dbPath);
  sqlite.pragma("busy_timeout = 5000");
  try {
    const db = drizzle(sqlite);
    const stamp = Date.now().toString(36);
    const rows = Array.from({ length: count }, (_, i) => ({
      user: {
        id: crypto.randomUUID(),
        email: `bench-${stamp}-${i}@bench.invalid`,
        name: `Bench ${i}`,
        tier: "max" as const,
        tierSource: "operator" as const,
      },
      sessionId: crypto.randomBytes(24).toString("base64url"),
    }));
    // better-sqlite3's transactions are synchronous: the callback must not be async.
    db.transaction((tx) => {
      for (const { user, sessionId } of rows) {
        tx.insert(users).values(user).run();
        tx.insert(sessions)
          .values({
            id: sessionId,
            userId: user.id,
            version: 0,
            expiresAt: new Date(Date.now() + 24 * 3600_000),
          })
          .run();
      }
    });
    return await Promise.all(
      rows.map(async ({ user, sessionId }) => {
        const token = { name: user.name, email: user.email, sub: user.id, uid: user.id, sid: sessionId };
        return `next-auth.session-token=${await encode({ token, secret, maxAge: 24 * 3600 })}`;
      }),
    );
  } finally {
    sqlite.close();
  }
}

function countMessages(dbPath: string): number {
  const sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.prepare("SELECT count(*) AS n FROM messages").get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

type RouteResult = {
  name: string;
  path: string;
  /** Measured stretches, taken in turn with the other route's so both see the same machine. */
  segments: number;
  replies: number;
  wallSeconds: number;
  repliesPerSec: number;
  ttfbMs: { p50: number; p99: number };
  replyMs: { p50: number; p99: number };
  errors: number;
  errorExamples: string[];
  serverCpuMs: number;
  serverCpuMsPerReply: number;
  /** "schedstat": the scheduler's ns count per thread; "stat": utime + stime, sampled per clock tick. */
  serverCpuSource: string;
  /** The same from utime + stime, as a cross-check. */
  serverCpuMsPerReplyFromStat: number;
  /** Of the machine's CPU during the run: the server's share, and the fake model's and the load generator's per reply. */
  serverCpuUtilization: number;
  fakeLlmCpuMsPerReply: number;
  loadGeneratorCpuMsPerReply: number;
  sqlite: {
    commits: number | null;
    commitsPerSec: number | null;
    commitsPerReply: number | null;
    messagesInserted: number;
    messagesPerSec: number;
  };
  /** 1-minute load average seen at the start and end of its segments. */
  loadAverage: { min: number; max: number };
  profile?: ProfileSummary;
};

/** What one measured stretch of load on one route left behind. */
type Segment = {
  run: LoadRun;
  serverCpuMs: number;
  serverStatCpuMs: number;
  cpuSource: string;
  llmCpuMs: number;
  selfCpuMs: number;
  commits: number | null;
  messagesInserted: number;
  loadAverage: number[];
};

async function measureSegment(opts: {
  target: Target;
  agent: http.Agent;
  server: Child;
  llm: Child;
  dbPath: string;
  seconds: number;
}): Promise<Segment> {
  const { target, agent, server, llm, dbPath } = opts;
  const load0 = os.loadavg()[0]!;
  const cpu0 = { server: treeCpu(server.pid), llm: treeCpu(llm.pid), self: process.cpuUsage() };
  const commits0 = walCommitCounter(dbPath);
  const messages0 = countMessages(dbPath);
  const run = await runLoad(target, {
    agent,
    connections: CONNECTIONS,
    durationMs: opts.seconds * 1000,
    maxPerClient: MAX_REQUESTS_PER_CLIENT,
  });
  const self = process.cpuUsage(cpu0.self);
  const serverCpu = cpuDelta(cpu0.server, treeCpu(server.pid));
  const commits1 = walCommitCounter(dbPath);
  return {
    run,
    serverCpuMs: serverCpu.ms,
    serverStatCpuMs: serverCpu.statMs,
    cpuSource: serverCpu.source,
    llmCpuMs: cpuDelta(cpu0.llm, treeCpu(llm.pid)).ms,
    selfCpuMs: (self.user + self.system) / 1000,
    commits: commits0 === null || commits1 === null ? null : (commits1 - commits0) >>> 0,
    messagesInserted: countMessages(dbPath) - messages0,
    loadAverage: [load0, os.loadavg()[0]!],
  };
}

function aggregate(target: Target, segments: Segment[]): RouteResult {
  const sum = (f: (s: Segment) => number) => segments.reduce((a, s) => a + f(s), 0);
  const samples = segments.flatMap((s) => s.run.samples);
  const replies = samples.length;
  const seconds = sum((s) => s.run.wallMs) / 1000;
  const serverCpuMs = sum((s) => s.serverCpuMs);
  const commits = segments.some((s) => s.commits === null) ? null : sum((s) => s.commits!);
  const messagesInserted = sum((s) => s.messagesInserted);
  const per = (v: number) => (replies ? v / replies : Number.NaN);
  const ttfb = samples.map((s) => s.ttfbMs);
  const total = samples.map((s) => s.totalMs);
  const loads = segments.flatMap((s) => s.loadAverage);
  return {
    name: target.name,
    path: target.path,
    segments: segments.length,
    replies,
    wallSeconds: seconds,
    repliesPerSec: replies / seconds,
    ttfbMs: { p50: percentile(ttfb, 50), p99: percentile(ttfb, 99) },
    replyMs: { p50: percentile(total, 50), p99: percentile(total, 99) },
    errors: sum((s) => s.run.errors),
    errorExamples: segments.flatMap((s) => s.run.errorExamples).slice(0, 5),
    serverCpuMs,
    serverCpuMsPerReply: per(serverCpuMs),
    serverCpuSource: [...new Set(segments.map((s) => s.cpuSource))].join("+"),
    serverCpuMsPerReplyFromStat: per(sum((s) => s.serverStatCpuMs)),
    serverCpuUtilization: serverCpuMs / (seconds * 1000),
    fakeLlmCpuMsPerReply: per(sum((s) => s.llmCpuMs)),
    loadGeneratorCpuMsPerReply: per(sum((s) => s.selfCpuMs)),
    sqlite: {
      commits,
      commitsPerSec: commits === null ? null : commits / seconds,
      commitsPerReply: commits === null ? null : per(commits),
      messagesInserted,
      messagesPerSec: messagesInserted / seconds,
    },
    loadAverage: { min: Math.min(...loads), max: Math.max(...loads) },
  };
}

function chatTarget(origin: string, cookies: string[]): Target {
  return {
    name: "POST /api/chat",
    origin,
    path: "/api/chat",
    headers: (client) => ({ Cookie: cookies[client]! }),
    body: (client, turn, last) => {
      const message = `Benchmark client ${client}, turn ${turn}: what is ${turn} + ${client}?`;
      return turn % TURNS_PER_CONVERSATION === 0 || !last.conversationId
        ? { personaId: PERSONA_ID, message }
        : { conversationId: last.conversationId, message };
    },
    check: (reply, res) => {
      if (res.headers["set-cookie"]?.some((c) => c.startsWith("pm_guest=")))
        return "the session cookie was not accepted (answered as a guest)";
      if (reply.status !== "complete") return `reply ended with status ${reply.status ?? "(none)"}`;
      if (!reply.text.includes(`[persona:${PERSONA_ID}]`))
        return `unexpected reply text: ${reply.text.slice(0, 100)}`;
      return undefined;
    },
  };
}

function bareTarget(origin: string): Target {
  return {
    name: `POST ${BARE_ROUTE_PATH} (bare)`,
    origin,
    path: BARE_ROUTE_PATH,
    headers: () => ({}),
    body: (client, turn) => ({
      message: `Benchmark client ${client}, turn ${turn}: what is ${turn} + ${client}?`,
    }),
  };
}

type Environment = {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage: { start: number; end: number };
};

export type ChatBenchResults = {
  generatedAt: string;
  environment: Environment;
  settings: {
    durationSeconds: number;
    warmupSeconds: number;
    rounds: number;
    connections: number;
    turnsPerConversation: number;
    fakeLlmDelayMs: number;
    persona: string;
  };
  buildMs: number | null;
  chat: RouteResult;
  bare: RouteResult;
  cpuPerReplyRatio: number;
  /**
   * The same ratio for each round alone (its chat stretch ÷ the bare stretch right after it): how
   * much the machine's noise moves it within the run.
   */
  roundCpuRatios: number[];
  repliesPerSecRatio: number;
  targets: { name: string; measured: string; goal: string; pass: boolean }[];
  /** /api/chat per engine and instance count: SQLite with one (the run above), PostgreSQL with one and two. */
  engines: ScaleRow[];
};

const n = (v: number | null, digits = 0) =>
  v === null || Number.isNaN(v)
    ? "–"
    : v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (v: number) => (v < 10 ? `${n(v, 2)} ms` : v < 100 ? `${n(v, 1)} ms` : `${n(v, 0)} ms`);
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

function renderReport(r: ChatBenchResults): string {
  const e = r.environment;
  const busy = Math.max(e.loadAverage.start, e.loadAverage.end) > e.cpus / 2;
  const out: string[] = [
    "# Persona Market chat benchmark",
    `${r.generatedAt} · Node ${e.node} · ${e.platform} · ${e.cpus} CPU (${e.cpuModel}) · ${n(e.memoryGb)} GB RAM · ${r.settings.connections} clients × ${r.settings.durationSeconds} s per route (in ${r.settings.rounds} turns alternating with the other route, after ${r.settings.warmupSeconds} s warm-up) · fake model, ${r.settings.fakeLlmDelayMs} ms per token · persona \`${r.settings.persona}\`, a new conversation every ${r.settings.turnsPerConversation} turns`,
    ...(busy
      ? [
          `> Note: the machine was busy (1-min load average ${n(e.loadAverage.start, 1)} at start, ${n(e.loadAverage.end, 1)} at end, on ${e.cpus} CPUs). Throughput and latency are pessimistic and noisy; CPU time per reply holds up better.`,
        ]
      : []),
    ...(r.engines.length > 1
      ? [
          "## Engines and instances (POST /api/chat)",
          table(
            [
              "Engine",
              "Instances",
              "replies/s",
              "server CPU / reply (sum)",
              "PostgreSQL CPU / reply",
              "errors",
            ],
            r.engines.map((row) => [
              row.engine,
              String(row.instances),
              n(row.repliesPerSec, 1),
              ms(row.serverCpuMsPerReply),
              row.databaseCpuMsPerReply === null ? "–" : ms(row.databaseCpuMsPerReply),
              `${row.errors} of ${n(row.replies + row.errors)}`,
            ]),
          ),
          ...r.engines
            .filter((row) => row.errorExamples.length)
            .map(
              (row) => `${row.engine} ×${row.instances} errors: ${row.errorExamples.slice(0, 2).join("; ")}`,
            ),
        ]
      : []),
    "## Targets",
    table(
      ["Target", "Measured", "Goal", "Result"],
      r.targets.map((t) => [t.name, t.measured, t.goal, t.pass ? "PASS" : "**MISS**"]),
    ),
    "## Load",
    table(
      [
        "Route",
        "replies/s",
        "first text p50",
        "first text p99",
        "full reply p50",
        "full reply p99",
        "replies",
        "errors",
        "server CPU / reply",
        "server CPU use",
        "SQLite commits/s",
        "commits / reply",
        "messages inserted/s",
      ],
      [r.chat, r.bare].map((x) => [
        `\`${x.path}\``,
        n(x.repliesPerSec, 1),
        ms(x.ttfbMs.p50),
        ms(x.ttfbMs.p99),
        ms(x.replyMs.p50),
        ms(x.replyMs.p99),
        n(x.replies),
        String(x.errors),
        ms(x.serverCpuMsPerReply),
        `${n(100 * x.serverCpuUtilization)}% of a core`,
        n(x.sqlite.commitsPerSec, 1),
        n(x.sqlite.commitsPerReply, 2),
        n(x.sqlite.messagesPerSec, 1),
      ]),
    ),
    table(
      ["Per reply, CPU of…", "/api/chat", "bare", "ratio"],
      [
        [
          "the Next server",
          ms(r.chat.serverCpuMsPerReply),
          ms(r.bare.serverCpuMsPerReply),
          `${n(r.cpuPerReplyRatio, 2)}×`,
        ],
        [
          "the Next server, each round alone (min · median · max)",
          "",
          "",
          r.roundCpuRatios.length
            ? `${n(Math.min(...r.roundCpuRatios), 2)} · ${n(percentile(r.roundCpuRatios, 50), 2)} · ${n(Math.max(...r.roundCpuRatios), 2)}×`
            : "–",
        ],
        ["the fake model server", ms(r.chat.fakeLlmCpuMsPerReply), ms(r.bare.fakeLlmCpuMsPerReply), ""],
        [
          "the load generator",
          ms(r.chat.loadGeneratorCpuMsPerReply),
          ms(r.bare.loadGeneratorCpuMsPerReply),
          "",
        ],
      ],
    ),
    [
      "How it is counted: a reply counts once its stream has ended with a `finish` chunk (and, for /api/chat, a `complete` status and the persona's text); an error is anything else (non-200, a dropped or unfinished stream, a timeout).",
      "First text = from sending the request to the first `text-delta` chunk; full reply = to the end of the stream.",
      `Server CPU = time on CPU of the \`next start\` process tree over the measured run, divided by the replies: from /proc/<pid>/task/*/schedstat, the scheduler's nanosecond count (this run: ${r.chat.serverCpuSource}); utime + stime from /proc/<pid>/stat, sampled per clock tick, is the cross-check and the fallback: ${ms(r.chat.serverCpuMsPerReplyFromStat)} and ${ms(r.bare.serverCpuMsPerReplyFromStat)} per reply.`,
      "SQLite commits = the change counter in the database's wal-index header (`-shm`, bumped once per committed write transaction by any connection); messages inserted = rows added to `messages` (a user message and a reply per turn).",
    ].join(" "),
  ];
  for (const x of [r.chat, r.bare]) {
    if (x.errorExamples.length)
      out.push(`First errors on \`${x.path}\`:`, x.errorExamples.map((m) => `- ${m}`).join("\n"));
  }
  for (const x of [r.chat, r.bare]) {
    if (!x.profile) continue;
    const p = x.profile;
    out.push(
      `## Where the server's CPU goes: \`${x.path}\` (--cpu-prof during the measured rounds: ${n(p.busyMs)} ms busy of ${n(p.totalMs)} ms; the profiler adds its own overhead)`,
      table(
        ["Area (self time)", "Share of busy", "ms per reply"],
        p.areas.map((a) => [a.area, `${n(a.share * 100, 1)}%`, ms(a.ms / Math.max(1, p.replies))]),
      ),
      table(
        ["Function (self time)", "Where", "Share of busy"],
        p.topSelf.map((f) => [`\`${f.name}\``, f.where, `${n(f.share * 100, 1)}%`]),
      ),
      ...(p.topInclusive.length
        ? [
            table(
              [
                "Bundle function, total time (callees included); minified, so shown by its source",
                "Where",
                "Share of busy",
              ],
              p.topInclusive.map((f) => [
                `\`${f.name.replace(/[|`]/g, (c) => (c === "|" ? "\\|" : "'"))}\``,
                f.where,
                `${n(f.share * 100, 1)}%`,
              ]),
            ),
          ]
        : []),
    );
  }
  return out.join("\n\n") + "\n";
}

async function main(): Promise<void> {
  const settings = readSettings();
  const loadAtStart = os.loadavg()[0]!;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "persona-chat-bench-"));
  const cleanUp = () => {
    killChildrenNow();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      cleanUp();
      process.exit(130);
    });
  }
  process.once("exit", killChildrenNow);

  try {
    let appDir: string;
    let buildMs: number | null = null;
    if (settings.builtApp) {
      appDir = settings.builtApp;
      assertBuiltCopy(appDir);
      progress(`using the build in ${appDir}`);
    } else {
      appDir = path.join(tmp, "app");
      progress(`copying the app to ${appDir} (with ${BARE_ROUTE_PATH})`);
      copyApp(ROOT, appDir);
      progress("next build (a few minutes on a busy machine)");
      buildMs = await buildApp(
        appDir,
        serverEnv({ DATABASE_PATH: path.join(tmp, "build-db", "build.db") }),
        path.join(tmp, "build.log"),
      );
    }

    const fakeLlmDelayMs = 0;
    const port = (offset: number) => (settings.portBase ? settings.portBase + offset : undefined);
    const llm = await startFakeLlm({
      root: ROOT,
      delayMs: fakeLlmDelayMs,
      logFile: path.join(tmp, "llm.log"),
      port: port(0),
    });
    progress(`fake model pid ${llm.pid} at ${llm.origin}/v1`);
    const secret = crypto.randomBytes(48).toString("base64url");
    const profileDir = path.join(tmp, "profiles");

    const rounds = Math.min(ROUNDS, settings.durationSeconds);
    const segmentSeconds = settings.durationSeconds / rounds;
    const warmupSeconds = Math.min(WARMUP_SECONDS, settings.durationSeconds);

    // Both servers up at once, measured in turn (chat, bare, chat, bare, …): on a shared machine
    // whose load comes and goes, each route then sees the same conditions.
    const servers: Partial<Record<Kind, Child>> = {};
    const agents: Record<Kind, http.Agent> = { chat: clientPool(CONNECTIONS), bare: clientPool(CONNECTIONS) };
    const dbPath = (kind: Kind) => path.join(tmp, `data-${kind}`, "persona-market.db");
    let chat: RouteResult;
    let bare: RouteResult;
    let roundCpuRatios: number[] = [];
    const engines: ScaleRow[] = [];
    let measuredFromUs = 0;
    let measuredToUs = 0;
    try {
      for (const kind of KINDS) {
        const server = await startNext({
          appDir,
          env: serverEnv({
            DATABASE_PATH: dbPath(kind),
            CHAT_PROVIDER: "openai-compatible",
            OPENAI_COMPATIBLE_BASE_URL: `${llm.origin}/v1`,
            NEXTAUTH_SECRET: secret,
          }),
          logFile: path.join(tmp, `server-${kind}.log`),
          readyPath: "/api/personas",
          port: port(KINDS.indexOf(kind) + 1),
          nodeOptions: settings.profile
            ? `--cpu-prof --cpu-prof-dir=${path.join(profileDir, kind)}`
            : undefined,
        });
        servers[kind] = server;
        progress(
          `${kind}: server pid ${server.pid} at ${server.origin} (ready in ${Math.round(server.readyMs)} ms)`,
        );
      }
      const targets: Record<Kind, Target> = {
        chat: chatTarget(servers.chat!.origin, await seedUsers(dbPath("chat"), secret, CONNECTIONS)),
        bare: bareTarget(servers.bare!.origin),
      };
      for (const kind of KINDS) {
        progress(`${targets[kind].name}: warm-up ${warmupSeconds} s`);
        const warm = await runLoad(targets[kind], {
          agent: agents[kind],
          connections: CONNECTIONS,
          durationMs: warmupSeconds * 1000,
          maxPerClient: MAX_REQUESTS_PER_CLIENT,
        });
        if (warm.samples.length === 0)
          throw new Error(
            `${targets[kind].name}: no reply during warm-up; first errors:\n  ${warm.errorExamples.join("\n  ")}`,
          );
      }
      const segments: Record<Kind, Segment[]> = { chat: [], bare: [] };
      measuredFromUs = monotonicUs();
      for (let round = 1; round <= rounds; round++) {
        for (const kind of KINDS) {
          progress(
            `${targets[kind].name}: ${CONNECTIONS} clients for ${n(segmentSeconds, 1)} s (round ${round} of ${rounds})`,
          );
          segments[kind].push(
            await measureSegment({
              target: targets[kind],
              agent: agents[kind],
              server: servers[kind]!,
              llm,
              dbPath: dbPath(kind),
              seconds: segmentSeconds,
            }),
          );
        }
      }
      measuredToUs = monotonicUs();
      chat = aggregate(targets.chat, segments.chat);
      bare = aggregate(targets.bare, segments.bare);
      roundCpuRatios = segments.chat.map((c, i) => {
        const b = segments.bare[i]!;
        return c.serverCpuMs / c.run.samples.length / (b.serverCpuMs / b.run.samples.length);
      });
      engines.push({
        engine: "SQLite",
        instances: 1,
        replies: chat.replies,
        repliesPerSec: chat.repliesPerSec,
        serverCpuMsPerReply: chat.serverCpuMsPerReply,
        databaseCpuMsPerReply: null,
        errors: chat.errors,
        errorExamples: chat.errorExamples,
      });
      // The SQLite servers stop first: the PostgreSQL runs get the machine to themselves.
      for (const kind of KINDS) {
        await servers[kind]?.stop();
        progress(`${kind}: server pid ${servers[kind]?.pid} stopped`);
        delete servers[kind];
      }
      const postgres = await benchPostgres(ROOT, progress);
      if (postgres) {
        try {
          for (const instances of [1, 2]) {
            engines.push(
              await measurePostgres({
                postgres,
                appDir,
                instances,
                ports: [port(3), port(4)].filter((p): p is number => p !== undefined),
                env: (extra) =>
                  serverEnv({
                    ...extra,
                    CHAT_PROVIDER: "openai-compatible",
                    OPENAI_COMPATIBLE_BASE_URL: `${llm.origin}/v1`,
                    NEXTAUTH_SECRET: secret,
                  }),
                secret,
                connections: CONNECTIONS,
                seconds: settings.durationSeconds,
                warmupSeconds,
                maxPerClient: MAX_REQUESTS_PER_CLIENT,
                logDir: tmp,
                resultsDir: RESULTS_DIR,
                target: chatTarget,
                log: progress,
              }),
            );
          }
        } finally {
          await postgres.stop();
        }
      } else progress("PostgreSQL not measured: set BENCH_POSTGRES=1 (or BENCH_POSTGRES_URL)");
    } finally {
      for (const kind of KINDS) agents[kind].destroy();
      for (const kind of KINDS) {
        if (!servers[kind]) continue;
        await servers[kind].stop();
        progress(`${kind}: server pid ${servers[kind].pid} stopped`);
      }
      await llm.stop();
      progress(`fake model pid ${llm.pid} stopped`);
    }

    if (settings.profile) {
      for (const [kind, result] of [
        ["chat", chat],
        ["bare", bare],
      ] as const) {
        const dir = path.join(profileDir, kind);
        const file = fs.existsSync(dir)
          ? fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))
          : undefined;
        if (!file) {
          progress(`${kind}: the server wrote no CPU profile`);
          continue;
        }
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const kept = path.join(RESULTS_DIR, `chat-${kind}.cpuprofile`);
        fs.copyFileSync(path.join(dir, file), kept);
        // Only the measured rounds: start-up (module loading) and warm-up (JIT) left out.
        result.profile = summarizeProfile(kept, {
          replies: result.replies,
          window: { fromUs: measuredFromUs, toUs: measuredToUs },
        });
        progress(`${kind}: CPU profile in ${path.relative(process.cwd(), kept)}`);
      }
    }

    const cpuPerReplyRatio = chat.serverCpuMsPerReply / bare.serverCpuMsPerReply;
    const results: ChatBenchResults = {
      generatedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
        memoryGb: os.totalmem() / 1024 ** 3,
        loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
      },
      settings: {
        durationSeconds: settings.durationSeconds,
        warmupSeconds,
        rounds,
        connections: CONNECTIONS,
        turnsPerConversation: TURNS_PER_CONVERSATION,
        fakeLlmDelayMs,
        persona: PERSONA_ID,
      },
      buildMs,
      chat,
      bare,
      cpuPerReplyRatio,
      roundCpuRatios,
      repliesPerSecRatio: chat.repliesPerSec / bare.repliesPerSec,
      engines,
      targets: [
        {
          name: "Errors on /api/chat (non-200 or a stream without a finish)",
          measured: `${chat.errors} of ${n(chat.replies + chat.errors)}`,
          goal: "0",
          pass: chat.errors === 0,
        },
        {
          name: "Errors on the bare route",
          measured: `${bare.errors} of ${n(bare.replies + bare.errors)}`,
          goal: "0",
          pass: bare.errors === 0,
        },
        {
          name: "Server CPU per reply, /api/chat ÷ bare",
          measured: `${n(cpuPerReplyRatio, 2)}× (${ms(chat.serverCpuMsPerReply)} vs ${ms(bare.serverCpuMsPerReply)})`,
          goal: `≤ ${CPU_RATIO_TARGET}×`,
          pass: cpuPerReplyRatio <= CPU_RATIO_TARGET,
        },
      ],
    };
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, "chat-latest.json"), JSON.stringify(results, null, 2) + "\n");
    process.stdout.write(renderReport(results));
    progress(`JSON written to ${path.relative(process.cwd(), path.join(RESULTS_DIR, "chat-latest.json"))}`);
  } finally {
    cleanUp();
  }
}

main().catch(reportFailure);
