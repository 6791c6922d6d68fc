import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { env, type ChatSettings } from "@/lib/env";
import type { Persona } from "@/lib/personas/schema";

export const NO_MODEL_HELP =
  "No model is configured, so chat is off. Set ANTHROPIC_API_KEY or OPENAI_API_KEY, or point OPENAI_COMPATIBLE_BASE_URL at a local server (Ollama, LM Studio, vLLM, llama.cpp), then restart.";

let cached: { settings: ChatSettings; byId: Map<string, LanguageModel> } | null | undefined;

function resolved() {
  if (cached !== undefined) return cached;
  const settings = env().chat;
  cached = settings ? { settings, byId: new Map() } : null;
  return cached;
}

/** The configured provider, for pages that say which one answers. */
export function chatSettings(): ChatSettings | null {
  return resolved()?.settings ?? null;
}

/** The model a persona talks through: its `model` mapped to a model id of the configured provider. */
export function modelFor(persona: Pick<Persona, "model">): { model: LanguageModel; modelId: string } | null {
  const r = resolved();
  if (!r) return null;
  const { settings } = r;
  const modelId = persona.model === "inherit" ? settings.models.default : settings.models[persona.model];
  let model = r.byId.get(modelId);
  if (!model) {
    model =
      settings.provider === "anthropic"
        ? createAnthropic({ apiKey: settings.apiKey })(modelId)
        : settings.provider === "openai"
          ? createOpenAI({ apiKey: settings.apiKey })(modelId)
          : createOpenAICompatible({
              name: "local",
              baseURL: settings.baseUrl!,
              apiKey: settings.apiKey,
              // Asks for token counts at the end of a stream (OpenAI's stream_options.include_usage).
              includeUsage: true,
            }).chatModel(modelId);
    r.byId.set(modelId, model);
  }
  return { model, modelId };
}

/** For tests that change chat settings between cases (call resetEnvCache() first). */
export function resetChatProvider() {
  cached = undefined;
}
