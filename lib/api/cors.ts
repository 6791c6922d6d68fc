import { env } from "@/lib/env";

/**
 * CORS for the API, for browser clients on origins the operator lists in API_CORS_ORIGINS (off when
 * unset). Keys travel in `Authorization`, never in cookies, so credentials are not allowed: a page
 * on a listed origin can call /v1 only with a key its user gave it.
 */
const ALLOWED_HEADERS =
  "Authorization, Content-Type, OpenAI-Organization, OpenAI-Project, X-Stainless-Arch, X-Stainless-Lang, X-Stainless-OS, X-Stainless-Package-Version, X-Stainless-Retry-Count, X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Timeout, X-Stainless-Helper-Method";

/** The Access-Control-Allow-Origin value for this request, or null when its origin is not allowed. */
export function allowedOrigin(
  request: Request,
  allowed: readonly string[] = env().apiCorsOrigins,
): string | null {
  const origin = request.headers.get("origin");
  if (!origin || allowed.length === 0) return null;
  if (allowed.includes("*")) return "*";
  return allowed.includes(origin.replace(/\/$/, "")) ? origin : null;
}

/** The response with CORS headers added when the request's origin is allowed. */
export function withCors(request: Request, response: Response, allowed?: readonly string[]): Response {
  const origin = allowedOrigin(request, allowed);
  if (!origin) return response;
  response.headers.set("Access-Control-Allow-Origin", origin);
  if (origin !== "*") response.headers.append("Vary", "Origin");
  response.headers.set("Access-Control-Expose-Headers", "Retry-After, x-request-id, x-should-retry");
  return response;
}

/** The answer to a preflight (OPTIONS): 204 with what may be sent when the origin is allowed, else 204 without. */
export function preflight(request: Request, methods: string, allowed?: readonly string[]): Response {
  const response = new Response(null, { status: 204, headers: { Allow: `${methods}, OPTIONS` } });
  const origin = allowedOrigin(request, allowed);
  if (!origin) return response;
  response.headers.set("Access-Control-Allow-Origin", origin);
  if (origin !== "*") response.headers.append("Vary", "Origin");
  response.headers.set("Access-Control-Allow-Methods", `${methods}, OPTIONS`);
  response.headers.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  response.headers.set("Access-Control-Max-Age", "600");
  return response;
}
