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

const NUMBER = { error: "must be a number" };
const tokens = z
  .number(NUMBER)
  .int("must be a whole number")
  .min(1, `must be between 1 and ${API_MAX_TOKENS}`)
  .max(API_MAX_TOKENS, `must be between 1 and ${API_MAX_TOKENS}`);
/** A field this API refuses when it is given at all (an empty list or null is no request). */
const unsupported = (message: string) =>
  z
    .unknown()
    .refine((v) => v == null || (Array.isArray(v) && v.length === 0) || v === "none", message)
    .optional();

/**
 * Fields OpenAI defines that change the answer and that this API cannot honour are refused with a
 * 400 naming the field; the others not listed (`seed`, `logit_bias`, ...) are accepted and ignored.
 */
export const chatCompletionRequestSchema = z
  .object({
    model: z.string({ error: "is required: a persona id from GET /v1/models" }).min(1).max(128),
    messages: z
      .array(message, { error: "must be a list of messages" })
      .min(1, "must not be empty")
      .max(API_MESSAGES_MAX, `must have at most ${API_MESSAGES_MAX} messages`),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
    temperature: z
      .number(NUMBER)
      .min(0, "must be between 0 and 2")
      .max(2, "must be between 0 and 2")
      .nullish(),
    top_p: z
      .number(NUMBER)
      .gt(0, "must be above 0 and at most 1")
      .max(1, "must be above 0 and at most 1")
      .nullish(),
    max_tokens: tokens.nullish(),
    max_completion_tokens: tokens.nullish(),
    stop: z
      .union([z.string(), z.array(z.string()).max(4, "must have at most 4 sequences")], {
        error: "must be a string or a list of up to 4 strings",
      })
      .nullish(),
    n: z.literal(1, { error: "must be 1: one choice per request is supported" }).nullish(),
    /** Refused, never ignored: this API does not call tools or constrain the format (see README). */
    tools: unsupported("tools are not supported by this API: personas answer in text"),
    tool_choice: unsupported("tool_choice is not supported by this API: personas answer in text"),
    functions: unsupported("functions are not supported by this API: personas answer in text"),
    function_call: unsupported("function_call is not supported by this API: personas answer in text"),
    response_format: z
      .object(
        { type: z.literal("text", { error: 'only { type: "text" } is supported' }) },
        {
          error: 'only { type: "text" } is supported',
        },
      )
      .nullish(),
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
  /** Only when the request asked for usage: null on every chunk but the last. */
  usage?: Usage | null;
};

export type Model = { id: string; object: "model"; created: number; owned_by: string };
export type ModelList = { object: "list"; data: Model[] };

export type OpenAiErrorBody = {
  error: { message: string; type: string; param: string | null; code: string | null };
};
