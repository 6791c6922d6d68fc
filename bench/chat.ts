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
import { z } from "zod";
import { countMessages, seedUsers, walCommitCounter } from "./chat-db";
import { clientPool, runLoad, type LoadRun, type Target } from "./chat-load";
import { summarizeProfile } from "./chat-profile";
import { ms, n, percentile, renderReport, type ChatBenchResults, type RouteResult } from "./chat-report";
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
