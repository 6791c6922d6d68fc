import { preflight, withCors } from "@/lib/api/cors";
import { ApiError, openAiError } from "@/lib/api/errors";

/** Anything else under /v1: OpenAI's 404, not the site's HTML page, so clients can say what went wrong. */
async function notFound(request: Request) {
  const { pathname } = new URL(request.url);
  return withCors(
    request,
    await openAiError(
      new ApiError(
        "not_found",
        `There is no ${request.method} ${pathname.slice(0, 100)} here. This API has GET /v1/models, GET /v1/models/{id} and POST /v1/chat/completions.`,
        "unknown_url",
      ),
    ),
  );
}

export function OPTIONS(request: Request) {
  return preflight(request, "GET, POST");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
