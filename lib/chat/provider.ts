import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import fs from "node:fs";
import { env, type ChatSettings } from "@/lib/env";
import { LocalModelSupervisor } from "@/lib/local-model/supervisor";
import type { Persona } from "@/lib/personas/schema";

export const NO_MODEL_HELP =
  "No model is configured, so chat is off. Either run `npm run model:pull` once to chat with a small model on this machine, or set ANTHROPIC_API_KEY or OPENAI_API_KEY (or point OPENAI_COMPATIBLE_BASE_URL at a server such as Ollama or LM Studio), then restart.";

type Resolved = {
  settings: ChatSettings;
  byId: Map<string, LanguageModel>;
  /** The app's own model process, when chat goes through it. */
  local: LocalModelSupervisor | null;
};

let cached: Resolved | null | undefined;
let lookedForLocalAt = 0;
// With nothing configured, the local model's file is looked for again this often: `npm run
// model:pull` in another terminal turns chat on without a restart.
const LOOK_FOR_LOCAL_MS = 5_000;

function resolved(now = Date.now()): Resolved | null {
  if (cached !== undefined && (cached !== null || now - lookedForLocalAt < LOOK_FOR_LOCAL_MS)) return cached;
  const { chat, localModel } = env();
  lookedForLocalAt = now;
  const useLocal = chat ? chat.provider === "local" : fs.existsSync(localModel.path);
  if (useLocal && !fs.existsSync(localModel.path)) return (cached = null);
  const settings: ChatSettings | null = useLocal
    ? {
        provider: "local",
        apiKey: undefined,
        baseUrl: undefined,
        models: { sonnet: "local", opus: "local", haiku: "local", default: "local" },
      }
    : chat;
  cached = settings
    ? { settings, byId: new Map(), local: useLocal ? new LocalModelSupervisor(localModel) : null }
    : null;
  return cached;
}

/** The configured provider, for pages that say which one answers. */
export function chatSettings(): ChatSettings | null {
  return resolved()?.settings ?? null;
}

/** Who answers, in words for a page: the provider, and the model when it is one file on this machine. */
export function modelLabel(): string | null {
  const r = resolved();
  if (!r) return null;
  return r.local ? `${r.local.modelName} (local)` : `${r.settings.models.default} via ${r.settings.provider}`;
}

/** The model a persona talks through: its `model` mapped to a model id of the configured provider. */
export function modelFor(persona: Pick<Persona, "model">): { model: LanguageModel; modelId: string } | null {
  const r = resolved();
  if (!r) return null;
  const { settings } = r;
  // A reply the local model cannot take now is refused here, before anything is saved or counted.
  r.local?.admit();
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
              // The app's own model process is found by its fetch; the host here is never dialled.
              baseURL: r.local ? "http://local-model.invalid/v1" : settings.baseUrl!,
              apiKey: settings.apiKey,
              fetch: r.local?.fetch,
              // Asks for token counts at the end of a stream (OpenAI's stream_options.include_usage).
              includeUsage: true,
            }).chatModel(modelId);
    r.byId.set(modelId, model);
  }
  return { model, modelId };
}

/** Starts the local model's process ahead of the first chat, when chat goes through it. */
export function warmChatModel() {
  resolved()
    ?.local?.baseUrl()
    .catch(() => {
      // logged by the supervisor; the chat page says why when someone tries
    });
}

/** For tests that change chat settings between cases (call resetEnvCache() first). */
export function resetChatProvider() {
  cached?.local?.stop();
  cached = undefined;
}
