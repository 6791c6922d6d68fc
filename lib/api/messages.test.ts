import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemPrompt } from "@/lib/chat/prompt";
import { buildCatalog } from "@/lib/personas/catalog";
import { loadPersonaDir } from "@/lib/personas/load";
import { apiPrompt } from "./messages";
import { chatCompletionRequestSchema } from "./schema";

const catalog = buildCatalog(loadPersonaDir(path.resolve(process.cwd(), "content/personas")).personas);
const persona = catalog.byId.get("backend-developer")!;

describe("apiPrompt", () => {
  it("makes the persona's prompt the system prompt", () => {
    const prompt = apiPrompt(persona, [{ role: "user", content: "hi" }]);
    expect(prompt.system).toBe(systemPrompt(persona));
    expect(prompt.messages).toEqual([{ role: "user", content: "hi" }]);
  });

  it("adds the client's system and developer messages after the persona's prompt, never instead", () => {
    const prompt = apiPrompt(persona, [
      { role: "system", content: "Answer in French." },
      { role: "user", content: "hi" },
      { role: "developer", content: [{ type: "text", text: "Be brief." }] },
    ]);
    expect(prompt.system.startsWith(systemPrompt(persona))).toBe(true);
    const added = prompt.system.slice(systemPrompt(persona).length);
    expect(added).toContain("Answer in French.");
    expect(added.indexOf("Answer in French.")).toBeLessThan(added.indexOf("Be brief."));
    expect(prompt.messages).toEqual([{ role: "user", content: "hi" }]);
  });

  it("keeps the turns in order, joins text parts, drops empty ones and leading assistant turns", () => {
    const prompt = apiPrompt(persona, [
      { role: "assistant", content: "Hello! I'm your backend developer." },
      {
        role: "user",
        content: [
          { type: "text", text: "one " },
          { type: "text", text: "two" },
        ],
      },
      { role: "assistant", content: null },
      { role: "assistant", content: "three" },
      { role: "user", content: "  " },
      { role: "user", content: "four" },
    ]);
    expect(prompt.messages).toEqual([
      { role: "user", content: "one two" },
      { role: "assistant", content: "three" },
      { role: "user", content: "four" },
    ]);
  });
});

describe("chatCompletionRequestSchema", () => {
  const ok = { model: "backend-developer", messages: [{ role: "user", content: "hi" }] };
  it("accepts OpenAI's request and ignores fields it does not use", () => {
    expect(
      chatCompletionRequestSchema.safeParse({ ...ok, user: "u1", presence_penalty: 0, stream: null }).success,
    ).toBe(true);
  });
  it.each([
    ["no model", { messages: ok.messages }],
    ["no messages", { model: ok.model, messages: [] }],
    ["only a system message", { model: ok.model, messages: [{ role: "system", content: "x" }] }],
    ["a tool message", { ...ok, messages: [{ role: "tool", content: "x" }] }],
    [
      "an image",
      { ...ok, messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }] },
    ],
    ["temperature 3", { ...ok, temperature: 3 }],
    ["max_tokens 0", { ...ok, max_tokens: 0 }],
    ["max_tokens 1.5", { ...ok, max_tokens: 1.5 }],
    ["n 3", { ...ok, n: 3 }],
    [
      "101 messages",
      { ...ok, messages: Array.from({ length: 101 }, () => ({ role: "user", content: "x" })) },
    ],
  ])("refuses %s", (_label, body) => {
    expect(chatCompletionRequestSchema.safeParse(body).success).toBe(false);
  });
});
