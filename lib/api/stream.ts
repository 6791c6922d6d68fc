import "server-only";
import type { StartedCompletion } from "./completions";
import { openAiErrorBody } from "./errors";
import type { ChatCompletionChunk } from "./schema";

const encoder = new TextEncoder();

/**
 * The streaming answer: server-sent `chat.completion.chunk`s (a role chunk, one per text delta, one
 * with the finish reason, then, only when `stream_options.include_usage` asks for it, one with
 * `usage` and no choices, as OpenAI sends them), ending with `data: [DONE]`. A failure after the
 * stream began is sent as an `{ error }` event, as OpenAI does; the official clients raise it.
 */
export function completionStream(
  started: StartedCompletion,
  { includeUsage = false }: { includeUsage?: boolean } = {},
): ReadableStream<Uint8Array> {
  const chunk = (
    choices: ChatCompletionChunk["choices"],
    usage: ChatCompletionChunk["usage"] = null,
  ): ChatCompletionChunk => ({
    id: started.id,
    object: "chat.completion.chunk",
    created: started.created,
    model: started.model,
    system_fingerprint: null,
    choices,
    ...(includeUsage && { usage }),
  });
  const choice = (
    delta: ChatCompletionChunk["choices"][number]["delta"],
    finish: ChatCompletionChunk["choices"][number]["finish_reason"] = null,
  ) => [{ index: 0 as const, delta, logprobs: null, finish_reason: finish }];
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          closed = true; // the caller went away
        }
      };
      const send = (data: unknown) => write(`data: ${JSON.stringify(data)}\n\n`);
      const close = () => {
        if (closed) return;
        closed = true;
        try {
          controller.close();
        } catch {
          // already cancelled
        }
      };
      send(chunk(choice({ role: "assistant", content: "" })));
      void started
        .run((text) => send(chunk(choice({ content: text }))))
        .then(
          (result) => {
            send(chunk(choice({}, result.finishReason)));
            if (includeUsage) send(chunk([], result.usage));
            write("data: [DONE]\n\n");
          },
          (error: unknown) => send(openAiErrorBody(error).body),
        )
        .finally(close);
    },
    cancel() {
      closed = true;
      started.abort();
    },
  });
}
