import { authenticateApiRequest } from "@/lib/api/auth";
import { readCompletionRequest } from "@/lib/api/body";
import { startCompletion } from "@/lib/api/completions";
import { completionResponse } from "@/lib/api/response";
import { openAiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/**
 * POST /v1/chat/completions — OpenAI's chat completions with a persona as the model. Authorised by
 * `Authorization: Bearer` alone (no cookies, so no same-origin check: a key cannot be forged by
 * another site the way a browser's cookies can be ridden). The body is read by OpenAI's rules
 * (lib/api/body.ts), not the wrapper's.
 */
export const POST = route({ crossSite: true, onError: openAiError }, async ({ request }) => {
  const db = getDb();
  const caller = await authenticateApiRequest({ db, request });
  const body = await readCompletionRequest(request);
  const started = await startCompletion({ db, catalog: getCatalog(), caller, request: body });
  request.signal?.addEventListener("abort", () => started.abort(), { once: true });
  return await completionResponse(started, body.stream === true);
});
