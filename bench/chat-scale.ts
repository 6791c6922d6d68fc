/**
 * The chat benchmark on PostgreSQL: the same load on one `next start` and on two sharing one
 * database (each client's requests spread round-robin over both), to set beside SQLite with one.
 * Runs when BENCH_POSTGRES=1 (a throwaway cluster of its own, via testing/postgres.sh, stopped
 * afterwards) or BENCH_POSTGRES_URL=<admin URL> (a database is created in that server and dropped).
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { clientPool, runLoad, type Target } from "./chat-load";
import { cpuDelta, freePort, startNext, treeCpu, type Child } from "./chat-server";

export type ScaleRow = {
  engine: string;
  instances: number;
  replies: number;
  repliesPerSec: number;
  /** Sum over the app servers. */
  serverCpuMsPerReply: number;
  /** PostgreSQL's own processes (null: not measured, e.g. a server the bench did not start). */
  databaseCpuMsPerReply: number | null;
  errors: number;
  errorExamples: string[];
};

export type BenchPostgres = { adminUrl: string; postmasterPid: number | null; stop(): Promise<void> };

/** The PostgreSQL to measure on, or null when none was asked for. */
export async function benchPostgres(
  root: string,
  log: (line: string) => void,
): Promise<BenchPostgres | null> {
  const given = process.env.BENCH_POSTGRES_URL?.trim();
  if (given) return { adminUrl: given, postmasterPid: null, stop: async () => {} };
  if (process.env.BENCH_POSTGRES !== "1") return null;
  // Directly under /tmp: as root the cluster runs as the postgres user, who must reach its directory.
  const dir = `/tmp/persona-bench-pg-${process.pid}`;
  const port = await freePort();
  const script = path.join(root, "testing", "postgres.sh");
  const started = spawnSync(script, ["start", dir, String(port)], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`testing/postgres.sh start failed: ${started.stderr}`);
  const adminUrl = started.stdout.trim();
  const pid = Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
  log(`PostgreSQL pid ${pid} at ${adminUrl} (data in ${dir})`);
  return {
    adminUrl,
    postmasterPid: Number.isInteger(pid) ? pid : null,
    stop: async () => {
      spawnSync(script, ["stop", dir], { encoding: "utf8" });
      fs.rmSync(dir, { recursive: true, force: true });
      log(`PostgreSQL pid ${pid} stopped`);
    },
  };
}

async function admin(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Signed-in max-tier users, one per client, in the PostgreSQL database (migrated by the servers). */
async function seedUsers(url: string, secret: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stamp = Date.now().toString(36);
  try {
    const cookies: string[] = [];
    await client.query("BEGIN");
    for (let i = 0; i < count; i++) {
      const id = crypto.randomUUID();
      const sid = crypto.randomBytes(24).toString("base64url");
      const email = `bench-${stamp}-${i}@bench.invalid`;
      await client.query(
        "INSERT INTO users (id, email, name, tier, tier_source) VALUES ($1, $2, $3, 'max', 'operator')",
        [id, email, `Bench ${i}`],
      );
      await client.query(
        "INSERT INTO sessions (id, user_id, version, expires_at) VALUES ($1, $2, 0, now() + interval '1 day')",
        [sid, id],
      );
      const token = { name: `Bench ${i}`, email, sub: id, uid: id, sid };
      cookies.push(`next-auth.session-token=${await encode({ token, secret, maxAge: 24 * 3600 })}`);
    }
    await client.query("COMMIT");
    return cookies;
  } finally {
    await client.end();
  }
}

/** One configuration: `instances` servers on one fresh database, loaded for `seconds` after a warm-up. */
export async function measurePostgres(opts: {
  postgres: BenchPostgres;
  appDir: string;
  instances: number;
  ports: number[];
  env: (extra: Record<string, string>) => NodeJS.ProcessEnv;
  secret: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  maxPerClient: number;
  logDir: string;
  resultsDir: string;
  target: (origin: string, cookies: string[]) => Target;
  log: (line: string) => void;
}): Promise<ScaleRow> {
  const name = `bench_${opts.instances}_${crypto.randomBytes(4).toString("hex")}`;
  await admin(opts.postgres.adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(opts.postgres.adminUrl);
  url.pathname = `/${name}`;
  const servers: Child[] = [];
  let agent: http.Agent | undefined;
  try {
    for (let i = 0; i < opts.instances; i++) {
      const server = await startNext({
        appDir: opts.appDir,
        env: opts.env({ DATABASE_URL: url.toString() }),
        logFile: path.join(opts.logDir, `server-pg-${opts.instances}-${i}.log`),
        readyPath: "/api/personas",
        port: opts.ports[i],
      });
      servers.push(server);
      opts.log(`postgres ×${opts.instances}: server pid ${server.pid} at ${server.origin}`);
    }
    let turn = 0;
    const target: Target = {
      ...opts.target(servers[0]!.origin, await seedUsers(url.toString(), opts.secret, opts.connections)),
      nextOrigin: () => servers[turn++ % servers.length]!.origin,
    };
    agent = clientPool(opts.connections);
    const load = { agent, connections: opts.connections, maxPerClient: opts.maxPerClient };
    opts.log(`postgres ×${opts.instances}: warm-up ${opts.warmupSeconds} s`);
    await runLoad(target, { ...load, durationMs: opts.warmupSeconds * 1000 });
    const cpu = () => servers.map((s) => treeCpu(s.pid));
    const db = () => (opts.postgres.postmasterPid ? treeCpu(opts.postgres.postmasterPid) : null);
    const before = { servers: cpu(), db: db() };
    opts.log(`postgres ×${opts.instances}: ${opts.connections} clients for ${opts.seconds} s`);
    const run = await runLoad(target, { ...load, durationMs: opts.seconds * 1000 });
    const after = { servers: cpu(), db: db() };
    const serverMs = after.servers.reduce((sum, r, i) => sum + cpuDelta(before.servers[i]!, r).ms, 0);
    const replies = run.samples.length;
    if (run.errors) {
      // The servers' logs say why; the bench's temporary directory goes away.
      fs.mkdirSync(opts.resultsDir, { recursive: true });
      for (let i = 0; i < servers.length; i++) {
        const log = `server-pg-${opts.instances}-${i}.log`;
        fs.copyFileSync(path.join(opts.logDir, log), path.join(opts.resultsDir, log));
        opts.log(`postgres ×${opts.instances}: ${run.errors} errors; log kept in bench/results/${log}`);
      }
    }
    return {
      engine: "PostgreSQL",
      instances: opts.instances,
      replies,
      repliesPerSec: replies / (run.wallMs / 1000),
      serverCpuMsPerReply: serverMs / replies,
      databaseCpuMsPerReply: before.db && after.db ? cpuDelta(before.db, after.db).ms / replies : null,
      errors: run.errors,
      errorExamples: run.errorExamples,
    };
  } finally {
    agent?.destroy();
    for (const server of servers) await server.stop();
    await admin(opts.postgres.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  }
}
