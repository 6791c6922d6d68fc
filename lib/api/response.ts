import "server-only";
import { completionJson, type StartedCompletion } from "./completions";
import { completionStream } from "./stream";

/** A started completion as OpenAI answers it: server-sent events when `stream`, else one JSON body. */
export async function completionResponse(
  started: StartedCompletion,
  stream: boolean | undefined,
): Promise<Response> {
  if (stream) {
    return new Response(completionStream(started), {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Accel-Buffering": "no",
      },
    });
  }
  return Response.json(await completionJson(started), { headers: { "Cache-Control": "no-store" } });
}
