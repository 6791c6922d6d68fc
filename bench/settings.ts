import { z } from "zod";

/** BENCH_DURATION, for either benchmark: whole seconds, 1 to 600 (unset or empty: the default). */
export const durationSetting = (defaultSeconds: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "must be a whole number of seconds, like 30" })
      .int("must be a whole number of seconds, like 30")
      .min(1, "must be at least 1 second")
      .max(600, "must be at most 600 seconds")
      .default(defaultSeconds),
  );

/** A setting the user gave is wrong: said as such, without a stack trace. */
export class BenchSettingsError extends Error {
  constructor(error: z.ZodError) {
    const lines = error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    super(`Invalid benchmark settings:\n${lines.join("\n")}`);
    this.name = "BenchSettingsError";
  }
}

/** What a benchmark prints when it fails: the message alone for a bad setting, the stack otherwise. */
export function reportFailure(error: unknown): void {
  if (error instanceof BenchSettingsError) console.error(error.message);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}

const schema = z.object({
  BENCH_DURATION: durationSetting(15),
  BENCH_HTTP: z.enum(["0", "1"], { error: 'must be "0" (skip the HTTP part) or "1"' }).default("1"),
  BENCH_SIZES: z
    .string()
    .regex(/^\d+(,\d+)*$/, "must be catalog sizes separated by commas, like 1000,5000")
    .transform((v) => [...new Set(v.split(",").map(Number))].sort((a, b) => a - b))
    .pipe(z.array(z.number().int().min(1).max(100_000, "sizes must be at most 100000")))
    .default([1000, 5000, 10_000, 50_000]),
  BENCH_GROWTH_HTTP: z
    .enum(["0", "1"], { error: 'must be "0" (no gallery req/s per size) or "1"' })
    .default("1"),
});

export type BenchSettings = {
  durationSeconds: number;
  http: boolean;
  connections: number;
  /** Catalog sizes for the growth table (5,000 and 10,000 are always among them: the targets name them). */
  sizes: number[];
  /** Gallery req/s at each size (needs the HTTP part; a short run per size). */
  growthHttp: boolean;
};

/** The only place the benchmark reads the environment. */
export function readBenchSettings(): BenchSettings {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) throw new BenchSettingsError(parsed.error);
  return {
    durationSeconds: parsed.data.BENCH_DURATION,
    http: parsed.data.BENCH_HTTP === "1",
    connections: 10,
    sizes: [...new Set([...parsed.data.BENCH_SIZES, 5000, 10_000])].sort((a, b) => a - b),
    growthHttp: parsed.data.BENCH_HTTP === "1" && parsed.data.BENCH_GROWTH_HTTP === "1",
  };
}

/** The environment for a child process: this one's (PATH and friends) with `extra` on top. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}
