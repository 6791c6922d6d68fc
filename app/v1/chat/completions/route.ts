import { authenticateApiRequest } from "@/lib/api/auth";
import { readCompletionRequest } from "@/lib/api/body";
import { completionJson, startCompletion } from "@/lib/api/completions";
import { preflight, withCors } from "@/lib/api/cors";
import { openAiError } from "@/lib/api/errors";
import { completionStream } from "@/lib/api/stream";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

/**
 * POST /v1/chat/completions — OpenAI's chat completions with a persona as the model. Authorised by
 * `Authorization: Bearer` alone (no cookies, so no same-origin check: a key cannot be forged by
 * another site the way a browser's cookies can be ridden). Browsers on the origins the operator
 * lists (API_CORS_ORIGINS) may call it.
 */
export async function POST(request: Request) {
  return withCors(request, await complete(request));
}

export function OPTIONS(request: Request) {
  return preflight(request, "POST");
}

async function complete(request: Request): Promise<Response> {
  try {
    const db = getDb();
    const caller = await authenticateApiRequest({ db, request });
    const body = await readCompletionRequest(request);
    const started = await startCompletion({ db, catalog: getCatalog(), caller, request: body });
    request.signal?.addEventListener("abort", () => started.abort(), { once: true });
    if (body.stream) {
      const includeUsage = body.stream_options?.include_usage === true;
      return new Response(completionStream(started, { includeUsage }), {
        headers: {
          "Content-Type": "text/event-stream; charset=utf-8",
          "Cache-Control": "no-store",
          "X-Accel-Buffering": "no",
        },
      });
    }
    return Response.json(await completionJson(started), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return openAiError(error);
  }
}
