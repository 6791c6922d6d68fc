import autocannon, { type Result } from "autocannon";

export type LoadResult = {
  name: string;
  path: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
};

function cannon(
  url: string,
  connections: number,
  duration: number,
  headers: Record<string, string> = {},
): Promise<Result> {
  if (!url.startsWith("http://127.0.0.1:"))
    throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, timeout: 30, headers }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

/** A short unmeasured run first (JIT, caches), then the measured one. */
export async function loadTest(opts: {
  name: string;
  origin: string;
  path: string;
  connections: number;
  durationSeconds: number;
  /** Sent with every request (a session cookie for the signed-in runs). */
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const url = opts.origin + opts.path;
  await cannon(url, opts.connections, Math.min(3, opts.durationSeconds), opts.headers);
  const r = await cannon(url, opts.connections, opts.durationSeconds, opts.headers);
  return {
    name: opts.name,
    path: opts.path,
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    bytesPerResponse: r.requests.total ? r.throughput.total / r.requests.total : 0,
  };
}
