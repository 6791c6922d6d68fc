import "server-only";
import type { Db } from "@/lib/db/client";
import { noteRequestActor, REQUEST_ID_HEADER } from "@/lib/http/request-log";
import { API_ACCESS_TIER, hasApiAccess, TIER_LABELS } from "@/lib/tiers";
import { ApiError } from "./errors";
import { verifyApiKey, type ApiCaller } from "./keys";

const KEY_PARAM = /^(api[-_]?key|key|access[-_]?token|token|auth|authorization|bearer)$/i;

/**
 * Who is calling the API: the owner of a live key sent as `Authorization: Bearer`, on a plan that
 * includes the API. A key anywhere in the URL is refused before anything else: URLs end up in
 * logs, proxies and histories.
 */
export async function authenticateApiRequest({
  db,
  request,
}: {
  db: Db;
  request: Request;
}): Promise<ApiCaller> {
  for (const [name, value] of new URL(request.url).searchParams) {
    if (KEY_PARAM.test(name) || value.includes("pm_")) {
      throw new ApiError(
        "bad_request",
        "API keys go in the Authorization header (Authorization: Bearer pm_…), never in the URL, where logs and histories keep them. Revoke that key on your account page and create a new one.",
        "api_key_in_url",
        name,
      );
    }
  }
  const header = request.headers.get("authorization");
  if (!header) {
    throw new ApiError(
      "unauthorized",
      "No API key was sent. Send it as Authorization: Bearer pm_…; create one on your account page.",
      "missing_api_key",
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const caller = match ? await verifyApiKey({ db, key: match[1]! }) : undefined;
  if (!caller) {
    throw new ApiError(
      "unauthorized",
      "The API key is not valid: it is mistyped, or it was revoked. Create a new one on your account page.",
      "invalid_api_key",
    );
  }
  noteRequestActor(request.headers.get(REQUEST_ID_HEADER), caller.userId);
  if (!hasApiAccess(caller.tier)) {
    throw new ApiError(
      "forbidden",
      `API access is part of ${TIER_LABELS[API_ACCESS_TIER]} and above; this key's account has ${TIER_LABELS[caller.tier]}. Upgrade on the pricing page to use it.`,
      "api_access_not_included",
    );
  }
  return caller;
}
