/**
 * The chat benchmark's baseline: the least a Next route can do to stream a model's reply — no
 * database, no auth, no quota, no saved reply. bench/chat.ts copies it into a throwaway copy of the
 * app as app/api/bench-bare/route.ts before building; it never ships in the app itself.
 */
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";

const model = createOpenAICompatible({
  name: "bench",
  baseURL: process.env.OPENAI_COMPATIBLE_BASE_URL ?? "http://127.0.0.1:4010/v1",
}).chatModel("x");

export async function POST(request: Request) {
  const { message } = (await request.json()) as { message?: unknown };
  const content = typeof message === "string" ? message : "";
  return streamText({ model, messages: [{ role: "user", content }] }).toUIMessageStreamResponse();
}
