import "server-only";
import { randomUUID } from "node:crypto";
import { streamText, type LanguageModelUsage } from "ai";
import { admitApiMessage, endApiReply } from "@/lib/chat/admission";
import { modelFor, NO_MODEL_HELP } from "@/lib/chat/provider";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { countApiCall } from "@/lib/db/queries/persona-api-calls";
import type { Catalog } from "@/lib/personas/catalog";
import { resolvePersonaRef } from "@/lib/personas/versions-resolve";
import { isShuttingDown } from "@/lib/shutdown";
import { ApiError } from "./errors";
import type { ApiCaller } from "./keys";
import { apiPrompt, estimateTokens } from "./messages";
import type { ChatCompletion, ChatCompletionRequest, FinishReason, Usage } from "./schema";
import { assertMayChat } from "@/lib/tiers";

export type CompletionResult = { text: string; finishReason: FinishReason; usage: Usage };

/** A completion let in and started: run it once, as a whole or delta by delta. */
export type StartedCompletion = {
  id: string;
  created: number;
  model: string;
  /** The caller went away: stop asking the model. */
  abort(): void;
  run(onDelta?: (text: string) => void): Promise<CompletionResult>;
};

const FINISH: Record<string, FinishReason> = { length: "length", "content-filter": "content_filter" };

/**
 * The API's work, in order, with the web chat's rules: persona (404) → tier (403) → model configured
 * (503) → today's quota and replies at once, counted as one message (429) → the model called.
 * Stateless: nothing of the conversation is stored; only the usage counts.
 */
export async function startCompletion({
  db,
  catalog,
  caller,
  request,
  now = new Date(),
}: {
  db: Db;
  catalog: Catalog;
  caller: ApiCaller;
  request: ChatCompletionRequest;
  now?: Date;
}): Promise<StartedCompletion> {
  // `<id>` is the latest version, `<id>@<version>` that version's prompt.
  const resolvedRef = await resolvePersonaRef({ db, catalog, ref: request.model });
  if (!resolvedRef.ok) {
    throw new ApiError(
      "not_found",
      `${resolvedRef.message} GET /v1/models lists the ones you can use.`,
      "model_not_found",
      "model",
    );
  }
  const { persona, current, version } = resolvedRef;
  const actor = { kind: "user" as const, userId: caller.userId, tier: caller.tier };
  try {
    assertMayChat(actor, current);
    if (persona.tier !== current.tier) assertMayChat(actor, persona);
  } catch (error) {
    if (error instanceof AppError)
      throw new ApiError(error.code, error.message, "model_not_allowed", "model");
    throw error;
  }
  const resolved = modelFor(persona);
  if (!resolved) throw new ApiError("no_model", NO_MODEL_HELP, "no_model_configured");
  if (isShuttingDown()) {
    throw new ApiError(
      "shutting_down",
      "The server is restarting. Try again in a few seconds.",
      "shutting_down",
    );
  }
  const { day } = await db.transaction(
    async (tx) => {
      const admitted = await admitApiMessage({ db: tx, actor, now });
      await countApiCall({
        db: tx,
        personaId: persona.id,
        version,
        day: admitted.day,
        userId: caller.userId,
      });
      return admitted;
    },
    { behavior: "immediate" },
  );

  const prompt = apiPrompt(persona, request.messages);
  const controller = new AbortController();
  let ran = false;
  return {
    id: `chatcmpl-${randomUUID().replace(/-/g, "")}`,
    created: Math.floor(now.getTime() / 1000),
    model: request.model.includes("@") ? `${persona.id}@${version}` : persona.id,
    abort: () => controller.abort(),
    async run(onDelta) {
      if (ran) throw new Error("A completion runs once.");
      ran = true;
      let text = "";
      // The model's side failed (not the caller hanging up): the only case the call is given back.
      let modelFailed = false;
      let finishReason: FinishReason = "stop";
      let usage: LanguageModelUsage | undefined;
      try {
        const result = streamText({
          model: resolved.model,
          system: prompt.system,
          messages: prompt.messages,
          abortSignal: controller.signal,
          maxRetries: 1,
          // The SDK's default prints the whole error, request body (the prompt) included; ours logs a line.
          onError: () => {},
          ...(request.temperature != null && { temperature: request.temperature }),
          ...(request.top_p != null && { topP: request.top_p }),
          ...((request.max_completion_tokens ?? request.max_tokens) != null && {
            maxOutputTokens: (request.max_completion_tokens ?? request.max_tokens)!,
          }),
          ...(request.stop != null && { stopSequences: [request.stop].flat() }),
        });
        for await (const part of result.fullStream) {
          if (part.type === "text-delta") {
            text += part.text;
            onDelta?.(part.text);
          } else if (part.type === "finish") {
            finishReason = FINISH[part.finishReason] ?? "stop";
            usage = part.totalUsage;
          } else if (part.type === "error") {
            throw part.error;
          } else if (part.type === "abort") {
            break;
          }
        }
      } catch (cause) {
        if (!controller.signal.aborted) {
          modelFailed = true;
          const reason = cause instanceof Error ? cause.message.slice(0, 200) : "unknown";
          log.warn(
            { event: "api.reply_failed", userId: caller.userId, keyId: caller.keyId, reason },
            "api.reply_failed",
          );
          throw new ApiError(
            "internal",
            onDelta && text
              ? "The model stopped answering partway. What it wrote so far was sent."
              : "Couldn't get a reply from the model. It was not counted against today's messages; try again.",
            "model_error",
          );
        }
      } finally {
        // The model was asked: the call counts, even when the caller hangs up before its first token
        // or before a whole answer. Given back only when the model failed with nothing delivered.
        await endApiReply({
          db,
          userId: caller.userId,
          day,
          gotReply: !modelFailed || (Boolean(onDelta) && text !== ""),
        });
      }
      const promptTokens =
        usage?.inputTokens ??
        estimateTokens(prompt.system + prompt.messages.map((m) => String(m.content)).join(""));
      const completionTokens = usage?.outputTokens ?? estimateTokens(text);
      return {
        text,
        finishReason,
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
      };
    },
  };
}

/** The non-streaming answer: OpenAI's `chat.completion`. */
export async function completionJson(started: StartedCompletion): Promise<ChatCompletion> {
  const result = await started.run();
  return {
    id: started.id,
    object: "chat.completion",
    created: started.created,
    model: started.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: result.text, refusal: null },
        logprobs: null,
        finish_reason: result.finishReason,
      },
    ],
    usage: result.usage,
  };
}
