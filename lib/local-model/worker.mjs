// The local model, in a child process of its own (lib/local-model/supervisor.ts starts it): inference
// never runs on the server's event loop, and a crash in native code takes only this process down.
// It speaks OpenAI's chat-completions wire format on 127.0.0.1 behind a per-start token, so replies
// go through the same provider code, stream, stop and quota paths as any OpenAI-compatible server.
// Plain JavaScript so that plain `node` runs it, with no build step and no TypeScript loader.
import fs from "node:fs";
import http from "node:http";

/** @type {{ modelPath: string; threads: number; queue: number; contextSize: number; token: string }} */
let config;
const send = (message) => process.connected && process.send(message);
process.on("disconnect", () => process.exit(0));

process.once("message", (message) => {
  config = message;
  start().catch((error) => {
    send({ type: "failed", reason: "load", message: String(error?.message ?? error).slice(0, 500) });
    process.exit(1);
  });
});

function isGguf(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(4);
    return fs.readSync(fd, head, 0, 4, 0) === 4 && head.toString("latin1") === "GGUF";
  } finally {
    fs.closeSync(fd);
  }
}

async function start() {
  if (!fs.existsSync(config.modelPath)) {
    send({ type: "failed", reason: "missing", message: `No model file at ${config.modelPath}.` });
    return process.exit(1);
  }
  if (!isGguf(config.modelPath)) {
    send({ type: "failed", reason: "not_gguf", message: `${config.modelPath} is not a GGUF model file.` });
    return process.exit(1);
  }
  let binding;
  try {
    binding = await import("node-llama-cpp");
  } catch {
    send({
      type: "failed",
      reason: "binding",
      message:
        "The local model binding (node-llama-cpp) is not installed: run `npm install` without --omit=optional.",
    });
    return process.exit(1);
  }
  const started = Date.now();
  const llama = await binding.getLlama({ gpu: false, build: "never", logLevel: binding.LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: config.modelPath });
  const context = await model.createContext({ contextSize: config.contextSize, threads: config.threads });
  const chat = new binding.LlamaChat({ contextSequence: context.getSequence() });
  const queue = new Queue(config.queue);
  const server = http.createServer((req, res) => {
    handle(req, res, { chat, model, queue }).catch((error) => {
      const message = String(error?.message ?? error).slice(0, 500);
      send({ type: "error", message });
      if (!res.headersSent) reply(res, 500, openAiError("server_error", message));
      // Mid-stream, an error event as OpenAI sends one: the client learns how the reply ended.
      else res.end(`data: ${JSON.stringify(openAiError("server_error", message))}\n\n`);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    send({ type: "ready", port: server.address().port, loadMs: Date.now() - started });
  });
}

/** One reply at a time on the one context; up to `limit` more wait their turn, in order. */
class Queue {
  constructor(limit) {
    this.limit = limit;
    this.running = false;
    this.waiting = [];
  }
  get length() {
    return this.waiting.length;
  }
  /**
   * A ticket whose `ready` resolves with the release function once it is this reply's turn, or null
   * when the line is full. `cancel()` takes a waiting ticket out of the line (false if its turn came).
   */
  enter() {
    if (this.running && this.waiting.length >= this.limit) return null;
    let turn;
    const ready = new Promise((resolve) => {
      turn = resolve;
    });
    if (!this.running) {
      this.running = true;
      turn(this.release);
    } else this.waiting.push(turn);
    this.report();
    return {
      ready,
      cancel: () => {
        const at = this.waiting.indexOf(turn);
        if (at < 0) return false;
        this.waiting.splice(at, 1);
        this.report();
        return true;
      },
    };
  }
  release = () => {
    const next = this.waiting.shift();
    if (next) next(this.release);
    else this.running = false;
    this.report();
  };
  report() {
    send({ type: "load", running: this.running, waiting: this.waiting.length });
  }
}

function openAiError(type, message, code = null) {
  return { error: { message, type, param: null, code } };
}

function reply(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readJson(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error("too large"), { status: 413 });
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

/** OpenAI messages as the binding's chat history; content parts other than text are dropped. */
function toHistory(messages) {
  const text = (content) =>
    typeof content === "string"
      ? content
      : Array.isArray(content)
        ? content.map((part) => (part?.type === "text" ? String(part.text ?? "") : "")).join("")
        : "";
  const history = [];
  for (const m of messages) {
    if (m?.role === "system" || m?.role === "developer")
      history.push({ type: "system", text: text(m.content) });
    else if (m?.role === "user") history.push({ type: "user", text: text(m.content) });
    else if (m?.role === "assistant") history.push({ type: "model", response: [text(m.content)] });
  }
  history.push({ type: "model", response: [] });
  return history;
}

async function handle(req, res, { chat, model, queue }) {
  if (req.headers.authorization !== `Bearer ${config.token}`) {
    return reply(
      res,
      401,
      openAiError("invalid_request_error", "Missing or wrong token.", "invalid_api_key"),
    );
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/v1/models") {
    return reply(res, 200, {
      object: "list",
      data: [{ id: "local", object: "model", created: 0, owned_by: "local" }],
    });
  }
  if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
    return reply(res, 404, openAiError("invalid_request_error", "Unknown route."));
  }
  let body;
  try {
    body = await readJson(req, 4 * 1024 * 1024);
  } catch (error) {
    return reply(
      res,
      error?.status ?? 400,
      openAiError("invalid_request_error", "The body is not JSON of a usable size."),
    );
  }
  if (!Array.isArray(body?.messages) || body.messages.length === 0) {
    return reply(res, 400, openAiError("invalid_request_error", "messages must be a non-empty array."));
  }

  const abort = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const queued = Date.now();
  const ticket = queue.enter();
  if (!ticket) {
    return reply(
      res,
      503,
      openAiError("server_error", "The local model is busy: too many replies are waiting.", "busy"),
      {
        "retry-after": "5",
      },
    );
  }
  const release = await Promise.race([
    ticket.ready,
    new Promise((resolve) => {
      if (abort.signal.aborted) resolve(null);
      abort.signal.addEventListener("abort", () => resolve(null), { once: true });
    }),
  ]);
  if (!release) {
    // The client went away while waiting: leave the line, or pass the turn on if it had just come.
    if (!ticket.cancel()) (await ticket.ready)();
    return;
  }

  const id = `chatcmpl-local-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const stream = body.stream === true;
  const chunk = (delta, finish = null) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: "local", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  if (stream) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    res.write(chunk({ role: "assistant", content: "" }));
  }
  let tokens = 0;
  const began = Date.now();
  try {
    const result = await chat.generateResponse(toHistory(body.messages), {
      maxTokens: Number.isInteger(body.max_tokens)
        ? body.max_tokens
        : Number.isInteger(body.max_completion_tokens)
          ? body.max_completion_tokens
          : 1024,
      temperature: typeof body.temperature === "number" ? body.temperature : 0.7,
      signal: abort.signal,
      stopOnAbortSignal: true,
      onToken: (t) => {
        tokens += t.length;
      },
      onTextChunk: (text) => {
        if (stream && text) res.write(chunk({ content: text }));
      },
    });
    if (abort.signal.aborted) return;
    const finish = result.metadata?.stopReason === "maxTokens" ? "length" : "stop";
    const promptTokens = model.tokenize(
      body.messages.map((m) => (typeof m?.content === "string" ? m.content : "")).join("\n"),
    ).length;
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: tokens,
      total_tokens: promptTokens + tokens,
    };
    if (stream) {
      res.write(chunk({}, finish));
      if (body.stream_options?.include_usage) {
        res.write(
          `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: "local", choices: [], usage })}\n\n`,
        );
      }
      res.end("data: [DONE]\n\n");
    } else {
      reply(res, 200, {
        id,
        object: "chat.completion",
        created,
        model: "local",
        choices: [
          { index: 0, message: { role: "assistant", content: result.response }, finish_reason: finish },
        ],
        usage,
      });
    }
  } finally {
    const ms = Date.now() - began;
    send({
      type: "reply",
      tokens,
      ms,
      waitedMs: began - queued,
      aborted: abort.signal.aborted,
      waiting: queue.length,
    });
    release();
  }
}
