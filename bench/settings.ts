import { z } from "zod";

const schema = z.object({
  BENCH_DURATION: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number()
      .int()
      .min(1, "must be at least 1 second")
      .max(600, "must be at most 600 seconds")
      .default(15),
  ),
  BENCH_HTTP: z.enum(["0", "1"], { error: 'must be "0" (skip the HTTP part) or "1"' }).default("1"),
});

export type BenchSettings = { durationSeconds: number; http: boolean; connections: number };

/** The only place the benchmark reads the environment. */
export function readBenchSettings(): BenchSettings {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid benchmark settings:\n${lines.join("\n")}`);
  }
  return {
    durationSeconds: parsed.data.BENCH_DURATION,
    http: parsed.data.BENCH_HTTP === "1",
    connections: 10,
  };
}

/** The environment for a child process: this one's (PATH and friends) with `extra` on top. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}
