/**
 * The chat benchmark's load generator: virtual clients that each POST a message, read the whole
 * server-sent-events reply (AI SDK UI message stream), and go again, for a fixed time.
 */
import http from "node:http";

export type Target = {
  name: string;
  origin: string;
  /** Several servers: the origin of each next request (round-robin over instances); else `origin`. */
  nextOrigin?(): string;
  path: string;
  /** The JSON body of a client's `turn`-th request (0-based), given what the last reply said. */
  body(client: number, turn: number, last: { conversationId: string | null }): unknown;
  /** Request headers for a client (its session cookie). */
  headers(client: number): Record<string, string>;
  /** Extra checks on a finished reply; a string is the error. */
  check?(reply: Reply, res: http.IncomingMessage): string | undefined;
};

export type Reply = {
  text: string;
  finished: boolean;
  status: string | undefined;
  conversationId: string | null;
};

export type Sample = { ttfbMs: number; totalMs: number };

export type LoadRun = {
  wallMs: number;
  samples: Sample[];
  errors: number;
  /** The first few error messages, for the report. */
  errorExamples: string[];
};

const REQUEST_TIMEOUT_MS = 30_000;

/** Parses the stream as it arrives: `data: {json}` events separated by blank lines. */
function readStream(res: http.IncomingMessage, onFirstDelta: () => void): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const reply: Reply = { text: "", finished: false, status: undefined, conversationId: null };
    let buffer = "";
    let sawDelta = false;
    const handle = (event: string) => {
      for (const line of event.split("\n")) {
        if (!line.startsWith("data: ")) continue;
        const data = line.slice(6);
        if (data === "[DONE]") continue;
        const chunk = JSON.parse(data) as {
          type: string;
          delta?: string;
          messageMetadata?: { status?: string; conversationId?: string };
        };
        if (chunk.type === "text-delta") {
          if (!sawDelta) {
            sawDelta = true;
            onFirstDelta();
          }
          reply.text += chunk.delta ?? "";
        } else if (chunk.type === "finish") {
          reply.finished = true;
        } else if (chunk.type === "error") {
          reject(new Error(`error chunk: ${data.slice(0, 200)}`));
        }
        if (chunk.messageMetadata?.status) reply.status = chunk.messageMetadata.status;
        if (chunk.messageMetadata?.conversationId)
          reply.conversationId = chunk.messageMetadata.conversationId;
      }
    };
    res.setEncoding("utf8");
    res.on("data", (text: string) => {
      buffer += text;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        try {
          handle(event);
        } catch (error) {
          res.destroy(error as Error);
        }
      }
    });
    res.on("end", () => resolve(reply));
    res.on("error", reject);
    res.on("aborted", () => reject(new Error("response aborted")));
  });
}

/** One request and its whole reply. Rejects on anything but a 200 with a finished stream. */
function exchange(
  agent: http.Agent,
  target: Target,
  client: number,
  body: unknown,
): Promise<{ sample: Sample; reply: Reply }> {
  const url = new URL(target.path, target.nextOrigin?.() ?? target.origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);
  const payload = JSON.stringify(body);
  const started = performance.now();
  let ttfbMs = Number.NaN;
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(payload),
          ...target.headers(client),
        },
      },
      (res) => {
        if (res.statusCode !== 200) {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (t: string) => (text += t.length < 500 ? t : ""));
          res.on("end", () => reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`)));
          res.on("error", reject);
          return;
        }
        readStream(res, () => (ttfbMs = performance.now() - started)).then((reply) => {
          const totalMs = performance.now() - started;
          if (!reply.finished) return reject(new Error("stream ended without a finish chunk"));
          if (!reply.text) return reject(new Error("stream had no text"));
          const problem = target.check?.(reply, res);
          if (problem) return reject(new Error(problem));
          resolve({ sample: { ttfbMs, totalMs }, reply });
        }, reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/**
 * Keep-alive connections for one target's clients, kept across runs: a run that opened 50 new
 * connections at once would measure that burst (seconds of queueing in `next start`, for either
 * route) instead of the steady state.
 */
export const clientPool = (connections: number) =>
  new http.Agent({ keepAlive: true, keepAliveMsecs: 30_000, maxSockets: connections });

/**
 * `connections` clients, each sending its next request as soon as its last reply ended, until
 * `durationMs` has passed (requests in flight then are awaited and counted) or a client has made
 * `maxPerClient` requests.
 */
export async function runLoad(
  target: Target,
  opts: { agent: http.Agent; connections: number; durationMs: number; maxPerClient: number },
): Promise<LoadRun> {
  const { agent } = opts;
  const samples: Sample[] = [];
  const errorExamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const client = async (id: number) => {
    let last: { conversationId: string | null } = { conversationId: null };
    for (let turn = 0; turn < opts.maxPerClient && performance.now() < deadline; turn++) {
      try {
        const { sample, reply } = await exchange(agent, target, id, target.body(id, turn, last));
        samples.push(sample);
        last = { conversationId: reply.conversationId };
      } catch (error) {
        errors++;
        if (errorExamples.length < 5)
          errorExamples.push(
            `client ${id}, turn ${turn}: ${error instanceof Error ? error.message : String(error)}`,
          );
        // Start the next turn in a new conversation: the old one may still have a reply running.
        last = { conversationId: null };
        // Do not spin on a server that refuses at once.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, i) => client(i)));
  const wallMs = performance.now() - started;
  return { wallMs, samples, errors, errorExamples };
}
