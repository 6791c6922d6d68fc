import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Cross-site request forgery guard for every non-GET route handler: the browser's Origin must be
 * this site. Requests with no Origin come from non-browser clients, which CSRF does not concern,
 * unless Fetch Metadata says the browser sent them from another site.
 */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  // X-Forwarded-Host is anyone's to send: believed only when a proxy of ours sets it.
  const forwarded = env().trustedProxyHops > 0 ? request.headers.get("x-forwarded-host") : null;
  const host = forwarded ?? request.headers.get("host");
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError("forbidden", "This request came from another site and was refused.");
    }
    if (!host || originHost !== host)
      throw new AppError("forbidden", "This request came from another site and was refused.");
    return;
  }
  if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new AppError("forbidden", "This request came from another site and was refused.");
  }
}
