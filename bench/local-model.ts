/**
 * The local model's path (lib/local-model: a worker process speaking OpenAI's wire format, read by the
 * AI SDK's provider) against the same tiny model called directly through node-llama-cpp in one process.
 * Reports per run: wall time per token on each path, and the app process's own CPU per token (what the
 * worker costs the process that serves pages). `npm run bench:local`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";
import { LocalModelSupervisor } from "@/lib/local-model/supervisor";
import { writeTinyGguf } from "@/testing/tiny-gguf";
import { reportFailure } from "./settings";

const ROUNDS = 5;
const TOKENS = 200;
const SYSTEM = "You are a test persona.";
const USER = "Write something long.";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function direct(modelPath: string) {
  const { getLlama, LlamaChat, LlamaLogLevel } = await import("node-llama-cpp");
  const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: 1024, threads: 1 });
  const chat = new LlamaChat({ contextSequence: context.getSequence() });
  const perToken: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    let tokens = 0;
    const began = performance.now();
    await chat.generateResponse(
      [
        { type: "system", text: SYSTEM },
        { type: "user", text: USER },
        { type: "model", response: [] },
      ],
      { maxTokens: TOKENS, temperature: 0.7, onToken: (t) => (tokens += t.length) },
    );
    perToken.push((performance.now() - began) / tokens);
  }
  await context.dispose();
  await model.dispose();
  return { msPerToken: median(perToken) };
}

async function throughApp(modelPath: string) {
  const supervisor = new LocalModelSupervisor({
    path: modelPath,
    chosen: true,
    threads: 1,
    queue: 4,
    contextSize: 1024,
  });
  await supervisor.baseUrl();
  const model = createOpenAICompatible({
    name: "local",
    baseURL: "http://local-model.invalid/v1",
    fetch: supervisor.fetch,
    includeUsage: true,
  }).chatModel("local");
  const perToken: number[] = [];
  const cpuPerToken: number[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const cpu = process.cpuUsage();
      const began = performance.now();
      const result = streamText({
        model,
        instructions: SYSTEM,
        messages: [{ role: "user", content: USER }],
        maxOutputTokens: TOKENS,
      });
      let chunks = 0;
      for await (const part of result.textStream) if (part) chunks++;
      const tokens = (await result.usage).outputTokens ?? chunks;
      const used = process.cpuUsage(cpu);
      perToken.push((performance.now() - began) / tokens);
      cpuPerToken.push((used.user + used.system) / 1000 / tokens);
    }
  } finally {
    supervisor.stop();
  }
  return { msPerToken: median(perToken), appCpuMsPerToken: median(cpuPerToken) };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-bench-local-"));
  const modelPath = path.join(dir, "tiny.gguf");
  writeTinyGguf(modelPath);
  try {
    const a = await direct(modelPath);
    const b = await throughApp(modelPath);
    console.log(`local model, tiny test model (${TOKENS} tokens a reply, median of ${ROUNDS}, 1 thread)`);
    console.log(`  direct (node-llama-cpp in one process): ${a.msPerToken.toFixed(3)} ms/token`);
    console.log(`  through the app (worker + HTTP + AI SDK): ${b.msPerToken.toFixed(3)} ms/token`);
    console.log(
      `  overhead per token: ${(b.msPerToken - a.msPerToken).toFixed(3)} ms (${(b.msPerToken / a.msPerToken).toFixed(2)}×)`,
    );
    console.log(`  app process CPU per token: ${b.appCpuMsPerToken.toFixed(3)} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(reportFailure);
