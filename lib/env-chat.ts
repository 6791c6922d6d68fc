import "server-only";

export type ChatProviderName = "anthropic" | "openai" | "openai-compatible" | "local";
export type ChatSettings = {
  provider: ChatProviderName;
  apiKey: string | undefined;
  baseUrl: string | undefined;
  /** Model ids by persona `model` value; `inherit` uses `default`. */
  models: { sonnet: string; opus: string; haiku: string; default: string };
};

const DEFAULT_MODELS: Record<ChatProviderName, ChatSettings["models"]> = {
  anthropic: {
    sonnet: "claude-sonnet-4-5",
    opus: "claude-opus-4-1",
    haiku: "claude-haiku-4-5",
    default: "claude-sonnet-4-5",
  },
  openai: { sonnet: "gpt-4.1", opus: "gpt-4.1", haiku: "gpt-4.1-mini", default: "gpt-4.1" },
  "openai-compatible": {
    sonnet: "local-model",
    opus: "local-model",
    haiku: "local-model",
    default: "local-model",
  },
  local: { sonnet: "local", opus: "local", haiku: "local", default: "local" },
};

/** The chat settings' part of the environment, as lib/env.ts has read and checked it. */
type ChatEnv = {
  CHAT_PROVIDER?: ChatProviderName;
  ANTHROPIC_API_KEY?: string;
  OPENAI_API_KEY?: string;
  OPENAI_COMPATIBLE_BASE_URL?: string;
  OPENAI_COMPATIBLE_API_KEY?: string;
  CHAT_MODEL_SONNET?: string;
  CHAT_MODEL_OPUS?: string;
  CHAT_MODEL_HAIKU?: string;
  CHAT_MODEL_DEFAULT?: string;
};

/** Which provider chat uses and its model ids, from the settings lib/env.ts read; null for none. */
export function chatSettings(e: ChatEnv): ChatSettings | null {
  const available: ChatProviderName[] = [];
  if (e.OPENAI_COMPATIBLE_BASE_URL) available.push("openai-compatible");
  if (e.ANTHROPIC_API_KEY) available.push("anthropic");
  if (e.OPENAI_API_KEY) available.push("openai");
  // The local model is chosen here only by name; with no provider at all, lib/chat/provider.ts
  // uses it when its file exists.
  if (e.CHAT_PROVIDER === "local") {
    return { provider: "local", apiKey: undefined, baseUrl: undefined, models: DEFAULT_MODELS.local };
  }
  const provider = e.CHAT_PROVIDER ?? available[0];
  if (!provider) return null;
  if (!available.includes(provider)) {
    const needs = {
      local: "LOCAL_MODEL_PATH",
      anthropic: "ANTHROPIC_API_KEY",
      openai: "OPENAI_API_KEY",
      "openai-compatible": "OPENAI_COMPATIBLE_BASE_URL",
    }[provider];
    throw new Error(`Invalid settings: CHAT_PROVIDER=${provider} needs ${needs}`);
  }
  const defaults = DEFAULT_MODELS[provider];
  const fallback = e.CHAT_MODEL_DEFAULT ?? defaults.default;
  const custom = provider === "openai-compatible";
  return {
    provider,
    apiKey: {
      local: undefined,
      anthropic: e.ANTHROPIC_API_KEY,
      openai: e.OPENAI_API_KEY,
      "openai-compatible": e.OPENAI_COMPATIBLE_API_KEY,
    }[provider],
    baseUrl: custom ? e.OPENAI_COMPATIBLE_BASE_URL : undefined,
    models: {
      // A local server usually has one model: every persona uses it unless told otherwise.
      sonnet: e.CHAT_MODEL_SONNET ?? (custom ? fallback : defaults.sonnet),
      opus: e.CHAT_MODEL_OPUS ?? (custom ? fallback : defaults.opus),
      haiku: e.CHAT_MODEL_HAIKU ?? (custom ? fallback : defaults.haiku),
      default: fallback,
    },
  };
}
