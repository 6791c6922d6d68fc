/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
export const mean = (samples: readonly number[]) => samples.reduce((a, b) => a + b, 0) / samples.length;

/**
 * Wall-clock and CPU milliseconds spent in `fn`, and what it returned. CPU time (this process,
 * all threads) barely moves when other work competes for the machine; wall time does.
 */
export function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}
