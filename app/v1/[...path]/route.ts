import { openAiError } from "@/lib/api/errors";
import { unknownApiPath } from "@/lib/api/models";
import { route } from "@/lib/http/route";

/** Anything else under /v1: OpenAI's 404, not the site's HTML page, so clients can say what went wrong. */
const notFound = route({ crossSite: true, onError: openAiError }, ({ request }) => {
  throw unknownApiPath(request);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
