import { preflight, withCors } from "@/lib/api/cors";
import { openAiError } from "@/lib/api/errors";
import { unknownApiPath } from "@/lib/api/models";
import { route } from "@/lib/http/route";

/** Anything else under /v1: OpenAI's 404, not the site's HTML page, so clients can say what went wrong. */
const unknown = route({ crossSite: true, onError: openAiError }, ({ request }) => {
  throw unknownApiPath(request);
});

async function notFound(request: Request) {
  return withCors(request, await unknown(request));
}

export function OPTIONS(request: Request) {
  return preflight(request, "GET, POST");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
