import { ApiError, openAiError } from "@/lib/api/errors";
import { loggablePath } from "@/lib/http/log-path";

/** Anything else under /v1: OpenAI's 404, not the site's HTML page, so clients can say what went wrong. */
function notFound(request: Request) {
  const { pathname } = new URL(request.url);
  return openAiError(
    new ApiError(
      "not_found",
      `There is no ${request.method} ${loggablePath(pathname).slice(0, 100)} here. This API has GET /v1/models and POST /v1/chat/completions.`,
      "unknown_url",
    ),
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
