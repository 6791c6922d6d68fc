import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/chat/route";
import { chatSettings, modelFor, modelLabel, NO_MODEL_HELP, resetChatProvider } from "@/lib/chat/provider";
import { resetEnvCache, type LocalModelSettings } from "@/lib/env";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { writeTinyGguf } from "@/testing/tiny-gguf";
import { LocalModelBusy, LocalModelSupervisor, LocalModelUnavailable } from "./supervisor";

// The real binding (node-llama-cpp) on a tiny model made here: random weights, so the words are
// nonsense, but every byte goes through the same process, wire format and chat path as a real model.
vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const LOCAL_VARS = ["CHAT_PROVIDER", "LOCAL_MODEL_PATH", "LOCAL_MODEL_THREADS", "LOCAL_MODEL_QUEUE"] as const;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-local-model-"));
const modelPath = path.join(dir, "tiny-test.gguf");
// Replies from this one end by themselves after about a hundred tokens, as a real model's do.
const endingModelPath = path.join(dir, "tiny-ending.gguf");
const SITE = "http://localhost:3000";

const settings = (overrides: Partial<LocalModelSettings> = {}): LocalModelSettings => ({
  path: modelPath,
  chosen: true,
  threads: 1,
  queue: 4,
  contextSize: 512,
  ...overrides,
});

/** A streamed completion from the worker, read to its end (or aborted after the first text). */
async function complete(
  supervisor: LocalModelSupervisor,
  { maxTokens, signal }: { maxTokens: number; signal?: AbortSignal },
): Promise<Response> {
  return supervisor.fetch("http://local-model.invalid/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      model: "local",
      stream: true,
      max_tokens: maxTokens,
      messages: [
        { role: "system", content: "You are a test." },
        { role: "user", content: "Say something." },
      ],
    }),
    signal,
  });
}

let h: ChatHarness;
const saved = Object.fromEntries(LOCAL_VARS.map((k) => [k, process.env[k]]));
beforeAll(async () => {
  writeTinyGguf(modelPath);
  writeTinyGguf(endingModelPath, { ends: true });
  h = await startChatHarness();
});
afterAll(async () => {
  for (const k of LOCAL_VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("chat through the local model", () => {
  it("streams a reply through the chat route and saves it, naming the model that answered", async () => {
    h.configureModel(null);
    Object.assign(process.env, {
      CHAT_PROVIDER: "local",
      LOCAL_MODEL_PATH: endingModelPath,
      LOCAL_MODEL_THREADS: "1",
    });
    resetEnvCache();
    resetChatProvider();
    try {
      expect(chatSettings()?.provider).toBe("local");
      expect(modelLabel()).toBe("tiny-ending (local)");
      const response = await POST(
        new NextRequest(`${SITE}/api/chat`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: SITE, host: "localhost:3000" },
          body: JSON.stringify({ personaId: "backend-developer", message: "Hello, local model" }),
        }),
      );
      expect(response.status).toBe(200);
      const text = await response.text();
      const deltas = text
        .split("\n")
        .filter((line) => line.startsWith("data: {"))
        .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string })
        .filter((c) => c.type === "text-delta");
      expect(deltas.length).toBeGreaterThan(1);
      const conversationId = /"conversationId":"([^"]+)"/.exec(text)?.[1];
      expect(conversationId).toBeTruthy();
      const saved = await h.messagesOf(conversationId!);
      const reply = saved.at(-1)!;
      expect(reply).toMatchObject({ role: "assistant", status: "complete" });
      expect(reply.content).toBe(deltas.map((d) => d.delta).join(""));
    } finally {
      for (const k of LOCAL_VARS) delete process.env[k];
      resetEnvCache();
      resetChatProvider();
      h.configureModel(h.llmBaseUrl);
    }
  }, 120_000);

  it("frees the model for the next reply as soon as a client stops", async () => {
    const supervisor = new LocalModelSupervisor(settings());
    try {
      const controller = new AbortController();
      const long = await complete(supervisor, { maxTokens: 5000, signal: controller.signal });
      const reader = long.body!.getReader();
      await reader.read();
      await reader.read();
      controller.abort();
      const began = Date.now();
      const next = await complete(supervisor, { maxTokens: 5 });
      const body = await next.text();
      expect(body).toContain("data: [DONE]");
      // Far less than the 5,000 tokens the stopped reply would still have been writing.
      expect(Date.now() - began).toBeLessThan(5_000);
    } finally {
      supervisor.stop();
    }
  }, 120_000);

  it("queues replies up to its bound and refuses the next with 503 and Retry-After", async () => {
    const supervisor = new LocalModelSupervisor(settings({ queue: 1 }));
    const controller = new AbortController();
    try {
      const running = await complete(supervisor, { maxTokens: 5000, signal: controller.signal });
      const waiting = complete(supervisor, { maxTokens: 5, signal: controller.signal }).catch(() => null);
      // The worker reports its line; once one waits, the app refuses before asking.
      await vi.waitFor(() => expect(() => supervisor.admit()).toThrow(LocalModelBusy), { timeout: 10_000 });
      const refused = await complete(supervisor, { maxTokens: 5 });
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("5");
      expect(await refused.json()).toMatchObject({ error: { code: "busy" } });
      controller.abort();
      await running.body?.cancel().catch(() => {});
      await waiting;
      await vi.waitFor(() => expect(() => supervisor.admit()).not.toThrow(), { timeout: 10_000 });
    } finally {
      supervisor.stop();
    }
  }, 120_000);

  it("says plainly when the file is not a model, and when there is no file", async () => {
    const notModel = path.join(dir, "notes.gguf");
    fs.writeFileSync(notModel, "these are not weights\n".repeat(100));
    const supervisor = new LocalModelSupervisor(settings({ path: notModel }));
    try {
      await expect(supervisor.baseUrl()).rejects.toThrow(LocalModelUnavailable);
      expect(() => supervisor.admit()).toThrow(/is not a GGUF model file/);
    } finally {
      supervisor.stop();
    }
    const missing = new LocalModelSupervisor(settings({ path: path.join(dir, "gone.gguf") }));
    await expect(missing.baseUrl()).rejects.toThrow(/No model file at/);
    missing.stop();

    // In the app: chosen but missing, or not chosen and absent, chat is off and says both ways on.
    h.configureModel(null);
    Object.assign(process.env, { CHAT_PROVIDER: "local", LOCAL_MODEL_PATH: path.join(dir, "gone.gguf") });
    resetEnvCache();
    resetChatProvider();
    try {
      expect(chatSettings()).toBeNull();
      expect(modelFor({ model: "inherit" })).toBeNull();
      expect(NO_MODEL_HELP).toMatch(/npm run model:pull/);
      expect(NO_MODEL_HELP).toMatch(/ANTHROPIC_API_KEY/);
    } finally {
      for (const k of LOCAL_VARS) delete process.env[k];
      resetEnvCache();
      resetChatProvider();
      h.configureModel(h.llmBaseUrl);
    }
  }, 120_000);
});
