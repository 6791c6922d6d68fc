import { z } from "zod";

/** Request and response shapes of the OpenAI-compatible API, as OpenAI's chat completions define them. */

export const API_BODY_MAX_BYTES = 256 * 1024;
export const API_MESSAGES_MAX = 100;
export const API_MAX_TOKENS = 32_768;

const textPart = z.object({
  type: z.literal("text", { error: "only text content parts are supported" }),
  text: z.string(),
});
const content = z.union([z.string(), z.array(textPart)], {
  error: "must be a string or a list of text parts",
});

const message = z.discriminatedUnion(
  "role",
  [
    z.object({ role: z.literal("system"), content, name: z.string().optional() }),
    z.object({ role: z.literal("developer"), content, name: z.string().optional() }),
    z.object({ role: z.literal("user"), content, name: z.string().optional() }),
    z.object({
      role: z.literal("assistant"),
      content: content.nullable().optional(),
      name: z.string().optional(),
    }),
  ],
  { error: "role must be system, developer, user or assistant (tools are not supported)" },
);

/** Fields OpenAI defines that are not listed here are accepted and ignored, as other compatible servers do. */
export const chatCompletionRequestSchema = z
  .object({
    model: z.string({ error: "is required: a persona id from GET /v1/models" }).min(1).max(128),
    messages: z
      .array(message, { error: "must be a list of messages" })
      .min(1, "must not be empty")
      .max(API_MESSAGES_MAX, `must have at most ${API_MESSAGES_MAX} messages`),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    top_p: z.number().gt(0).max(1).nullish(),
    max_tokens: z.number().int().min(1).max(API_MAX_TOKENS).nullish(),
    max_completion_tokens: z.number().int().min(1).max(API_MAX_TOKENS).nullish(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
    n: z.literal(1, { error: "only n = 1 is supported" }).nullish(),
    user: z.string().max(256).nullish(),
  })
  .refine((r) => r.messages.some((m) => m.role === "user"), {
    path: ["messages"],
    message: "must include at least one user message",
  });
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
export type ApiMessage = ChatCompletionRequest["messages"][number];

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };
export type FinishReason = "stop" | "length" | "content_filter";

export type ChatCompletion = {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  system_fingerprint: null;
  choices: {
    index: 0;
    message: { role: "assistant"; content: string; refusal: null };
    logprobs: null;
    finish_reason: FinishReason;
  }[];
  usage: Usage;
};

export type ChatCompletionChunk = {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  system_fingerprint: null;
  choices: {
    index: 0;
    delta: { role?: "assistant"; content?: string };
    logprobs: null;
    finish_reason: FinishReason | null;
  }[];
  usage: Usage | null;
};

export type ModelList = {
  object: "list";
  data: { id: string; object: "model"; created: number; owned_by: string }[];
};

export type OpenAiErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};
