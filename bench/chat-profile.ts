/** Reads a V8 .cpuprofile (node --cpu-prof) and says where the busy time went. */
import fs from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type ProfileSummary = {
  totalMs: number;
  busyMs: number;
  /** Replies in the time looked at. */
  replies: number;
  areas: { area: string; ms: number; share: number }[];
  topSelf: { name: string; where: string; share: number }[];
  /** Functions of the app's bundle (minified: named by the start of their source) by total time, callees included. */
  topInclusive: { name: string; where: string; share: number }[];
};

/** A short name for where a function lives: a package, a Node built-in, the app's bundle, or V8 itself. */
function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === "(garbage collector)") return "V8: garbage collection";
    if (functionName === "(program)") return "V8/native: (program)";
    return `native: ${functionName || "(anonymous)"}`;
  }
  if (url.startsWith("node:")) return "Node built-ins (streams, http, …)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg?.startsWith("next") && /next\/dist\/compiled\//.test(url))
    return `next (compiled: ${/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? "?"})`;
  if (pkg) return pkg;
  if (url.includes("/.next/server/")) return "app bundle (.next/server: app code and bundled packages)";
  return url;
}

const whereOf = (frame: CallFrame) => {
  if (!frame.url) return "";
  const short = frame.url.replace(/^file:\/\//, "").replace(/^.*?\/(node_modules\/|\.next\/)/, "$1");
  return `${short}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
};

/** The start of a function's source, to tell minified bundle functions apart (`p(e){try{let p;…`). */
function sourceAt(frame: CallFrame, files: Map<string, string[] | null>, length = 90): string {
  const file = frame.url.replace(/^file:\/\//, "");
  if (!files.has(file)) {
    try {
      files.set(file, fs.readFileSync(file, "utf8").split("\n"));
    } catch {
      files.set(file, null);
    }
  }
  const line = files.get(file)?.[frame.lineNumber];
  if (!line) return frame.functionName || "(anonymous)";
  const text = line.slice(frame.columnNumber, frame.columnNumber + length).replace(/\s+/g, " ");
  return text.length === length ? `${text}…` : text;
}

/** `window` (µs on the monotonic clock, as `process.hrtime` gives it and V8 stamps samples) limits it to the measured run. */
export function summarizeProfile(
  file: string,
  opts: { replies: number; window?: { fromUs: number; toUs: number }; top?: number },
): ProfileSummary {
  const { replies, window, top = 15 } = opts;
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  // Sample i is taken at startTime + timeDeltas[0..i]; the time until the next sample is charged to it.
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const totalUs = window
    ? Math.min(window.toUs, profile.endTime) - Math.max(window.fromUs, profile.startTime)
    : profile.endTime - profile.startTime;
  let busyUs = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const key = (f: CallFrame) => `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;
  const inclusive = new Map<string, { name: string; where: string; us: number }>();
  const files = new Map<string, string[] | null>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    busyUs += us;
    const area = areaOf(frame);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const k = key(frame);
    const f = functions.get(k) ?? { name: frame.functionName || "(anonymous)", where: whereOf(frame), us: 0 };
    f.us += us;
    functions.set(k, f);
    // Total time of functions in the app's bundle: each counted once per stack, however deep it recurses.
    const seen = new Set<string>();
    for (
      let node: number | undefined = id, depth = 0;
      node !== undefined && depth < 500;
      node = parent.get(node), depth++
    ) {
      const fr = byId.get(node)!.callFrame;
      if (!fr.url.includes("/.next/server/")) continue;
      const fk = key(fr);
      if (seen.has(fk)) continue;
      seen.add(fk);
      const e = inclusive.get(fk) ?? { name: sourceAt(fr, files), where: whereOf(fr), us: 0 };
      e.us += us;
      inclusive.set(fk, e);
    }
  }
  const share = (us: number) => (busyUs ? us / busyUs : 0);
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    replies,
    areas: [...areas]
      .map(([area, us]) => ({ area, ms: us / 1000, share: share(us) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    topSelf: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, share: share(f.us) })),
    // Next's own wrappers around every request (≥ 90% of busy) say nothing about the route.
    topInclusive: [...inclusive.values()]
      .filter((f) => f.us < 0.9 * busyUs)
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, share: share(f.us) })),
  };
}
