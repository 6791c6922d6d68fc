import { NextResponse, type NextRequest } from "next/server";
import { databaseDown } from "@/lib/db/outage";
import { actionRequestRefusal, isActionRequest } from "@/lib/http/action-request";
import { outagePage } from "@/lib/http/outage-page";

/**
 * Runs before routing. Not a guard (every handler and action checks the viewer itself): it turns
 * requests Next would answer with a 500 into clear 4xx answers.
 */
/** A path that names a file by its extension: the public files and the app's metadata files. */
const STATIC_FILE = /\/[^/]+\.[a-z0-9]{1,12}$/i;

export async function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? undefined;
  const refuse = (status: number, code: string, message: string) =>
    NextResponse.json({ error: { code, message, ...(requestId && { requestId }) } }, { status });

  // A path whose percent-encoding is malformed (`/personas/%ff`) names nothing.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return refuse(400, "bad_request", "The address is not valid: it has malformed percent-encoding.");
  }

  // A file (public/visitor.js, …) answers GET and HEAD only; Next answers other methods with a 500.
  const { pathname } = request.nextUrl;
  if (
    request.method !== "GET" &&
    request.method !== "HEAD" &&
    STATIC_FILE.test(pathname) &&
    !/^\/(api|v1)\//.test(pathname)
  ) {
    const response = refuse(405, "method_not_allowed", "This file can only be fetched with GET.");
    response.headers.set("Allow", "GET, HEAD");
    return response;
  }

  // A server action from another site is refused with 403 (Next itself would answer 500).
  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    // Next's own check takes X-Forwarded-Host too; this is no looser than it, only clearer.
    const hosts = [request.headers.get("host"), request.headers.get("x-forwarded-host")].filter(Boolean);
    let originHost: string | null = null;
    try {
      originHost = origin ? new URL(origin).host : null;
    } catch {
      originHost = null;
    }
    if (!originHost || !hosts.includes(originHost)) {
      return refuse(403, "forbidden", "This request came from another site and was refused.");
    }
  }
  // A form Next could not decode, or one over its size limit (Next would answer both with a 500).
  if (isActionRequest(request, request.nextUrl.pathname)) {
    const refusal = await actionRequestRefusal(request);
    if (refusal) return refuse(refusal.status, refusal.code, refusal.message);
  }
  // While the database is down, a page is the 503 page at once rather than Next's 500 after a wait.
  if (
    (request.method === "GET" || request.method === "HEAD") &&
    !STATIC_FILE.test(pathname) &&
    !/^\/(api|v1)(\/|$)/.test(pathname) &&
    (await databaseDown())
  )
    return outagePage(request.method);
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
