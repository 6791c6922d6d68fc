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
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid benchmark settings:\n${lines.join("\n")}`);
  }
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
