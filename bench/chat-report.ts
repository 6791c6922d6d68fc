/** The chat benchmark's results and their Markdown report. */
import type { ProfileSummary } from "./chat-profile";
import type { ScaleRow } from "./chat-scale";

export type RouteResult = {
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

export type Environment = {
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

/** Nearest-rank percentile (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const n = (v: number | null, digits = 0) =>
  v === null || Number.isNaN(v)
    ? "–"
    : v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (v: number) => (v < 10 ? `${n(v, 2)} ms` : v < 100 ? `${n(v, 1)} ms` : `${n(v, 0)} ms`);
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

export function renderReport(r: ChatBenchResults): string {
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
