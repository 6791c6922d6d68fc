/**
 * A fake OpenAI-compatible chat server for tests and local UI work: the real chat-completions
 * wire format (JSON, or server-sent events when `stream: true`) on 127.0.0.1, with deterministic
 * replies that show which persona and prompt it received.
 *
 *   npm run llm:fake -- [--port 4010] [--delay-ms 0]
 *
 * Faults on demand, by a directive anywhere in the last user message:
 *   [[slow:MS]]   wait MS milliseconds before each token
 *   [[fail:500]]  answer with that HTTP status and an OpenAI-style error body
 *   [[flaky:400]] the same, but only the first time this exact message is asked about (a retry works)
 *   [[drop:N]]    send N tokens, then cut the connection without finishing
 *   [[long:N]]    reply with N extra filler words
 *   [[body]]      start the reply with the first line of the persona's prompt body, as
 *                 `[body:…]` (tests tell which version of a persona answered)
 * With `stream_options.include_usage`, a stream ends with a usage chunk, as OpenAI's does.
 * GET /__stats gives how many completions were requested (tests use it to prove none was made).
 */
import http from "node:http";
import { z } from "zod";

const messageSchema = z.object({
  role: z.string(),
  content: z.union([z.string(), z.array(z.unknown()), z.null()]),
});
const requestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
});

export type FakeServerOptions = { port: number; host?: string; delayMs?: number };

const textOf = (content: z.infer<typeof messageSchema>["content"]): string =>
  typeof content === "string"
    ? content
    : Array.isArray(content)
      ? content
          .map((p) =>
            p && typeof p === "object" && "text" in p ? String((p as { text: unknown }).text) : "",
          )
          .join("")
      : "";

/** The reply, as tokens: deterministic for the same persona and prompt. */
export function fakeReply(system: string, lastUser: string, extraWords = 0): string[] {
  const persona = /Persona id: ([a-z0-9-]+)/.exec(system)?.[1] ?? "no-persona";
  const prompt = lastUser.replace(/\[\[[a-z]+(?::\d+)?\]\]/g, "").trim();
  const words = [
    ...(lastUser.includes("[[body]]") ? [`[body:${bodyFirstLine(system)}]`] : []),
    `[persona:${persona}]`,
    "You",
    "said:",
    `“${prompt.slice(0, 200)}”.`,
    "This",
    "is",
    "a",
    "deterministic",
    "reply",
    "from",
    "the",
    "fake",
    "model.",
    ...Array.from({ length: extraWords }, (_, i) => `word${i + 1}`),
  ];
  return words.map((w, i) => (i === words.length - 1 ? w : `${w} `));
}

/** The persona's body follows the prompt's frame after a `---` line (lib/chat/prompt.ts). */
const bodyFirstLine = (system: string): string => {
  const at = system.indexOf("\n\n---\n\n");
  const body = at < 0 ? "" : system.slice(at + 7);
  return (body.split("\n").find((l) => l.trim() !== "") ?? "").trim().slice(0, 120);
};

const directive = (text: string, name: string): number | undefined => {
  const m = new RegExp(`\\[\\[${name}:(\\d+)\\]\\]`).exec(text);
  return m ? Number(m[1]) : undefined;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startFakeLlm({
  port,
  host = "127.0.0.1",
  delayMs = 0,
}: FakeServerOptions): Promise<http.Server> {
  let completions = 0;
  const flakySeen = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", `http://${host}`);
    if (req.method === "GET" && url.pathname === "/__stats") return send(200, { completions });
    if (req.method === "GET" && url.pathname.endsWith("/models")) {
      return send(200, {
        object: "list",
        data: [{ id: "fake-model", object: "model", owned_by: "persona-market" }],
      });
    }
    if (req.method !== "POST" || !url.pathname.endsWith("/chat/completions")) {
      return send(404, {
        error: { message: `No route ${req.method} ${url.pathname}`, type: "invalid_request_error" },
      });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: z.infer<typeof requestSchema>;
    try {
      body = requestSchema.parse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    } catch (error) {
      return send(400, {
        error: {
          message: `Bad request: ${error instanceof Error ? error.message : error}`,
          type: "invalid_request_error",
        },
      });
    }
    completions++;
    const system = body.messages
      .filter((m) => m.role === "system")
      .map((m) => textOf(m.content))
      .join("\n");
    const lastUser = textOf([...body.messages].reverse().find((m) => m.role === "user")?.content ?? "");
    const fail = directive(lastUser, "fail");
    if (fail) return send(fail, { error: { message: `Injected failure ${fail}`, type: "server_error" } });
    const flaky = directive(lastUser, "flaky");
    if (flaky && !flakySeen.has(lastUser)) {
      flakySeen.add(lastUser);
      return send(flaky, { error: { message: `Injected failure ${flaky}`, type: "server_error" } });
    }
    const tokens = fakeReply(system, lastUser, directive(lastUser, "long") ?? 0);
    const id = `chatcmpl-fake-${completions}`;
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      return send(200, {
        id,
        object: "chat.completion",
        created,
        model: body.model,
        choices: [
          { index: 0, message: { role: "assistant", content: tokens.join("") }, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: 10, completion_tokens: tokens.length, total_tokens: 10 + tokens.length },
      });
    }
    res.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
    });
    const event = (delta: object, finish: string | null = null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.write(event({ role: "assistant", content: "" }));
    const slow = directive(lastUser, "slow") ?? delayMs;
    const drop = directive(lastUser, "drop");
    for (let i = 0; i < tokens.length; i++) {
      if (drop !== undefined && i === drop) {
        // Let what was written reach the client, then cut the connection mid-stream.
        await new Promise((r) => res.write("", r));
        await sleep(20);
        res.socket?.destroy();
        return;
      }
      if (slow) await sleep(slow);
      if (res.destroyed) return;
      res.write(event({ content: tokens[i] }));
    }
    res.write(event({}, "stop"));
    if (body.stream_options?.include_usage) {
      const usage = { prompt_tokens: 10, completion_tokens: tokens.length, total_tokens: 10 + tokens.length };
      res.write(
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [], usage })}\n\n`,
      );
    }
    res.write("data: [DONE]\n\n");
    res.end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

const isMain =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? undefined : args[i + 1];
  };
  const options = z
    .object({
      port: z.coerce.number().int().min(1).max(65535),
      delayMs: z.coerce.number().int().min(0).max(60_000),
    })
    .safeParse({ port: flag("port") ?? 4010, delayMs: flag("delay-ms") ?? 0 });
  if (!options.success) {
    console.error("usage: npm run llm:fake -- [--port 4010] [--delay-ms 0]");
    process.exit(2);
  }
  startFakeLlm(options.data).then(
    () => console.log(`fake LLM listening on http://127.0.0.1:${options.data.port}/v1 (OpenAI-compatible)`),
    (error) => {
      console.error(`fake LLM could not start: ${error.message}`);
      process.exit(1);
    },
  );
}
