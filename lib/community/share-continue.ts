import "server-only";
import { NextResponse } from "next/server";
import { getChatActor } from "@/lib/auth/actor";
import { clientIp } from "@/lib/auth/client-ip";
import { guestCookieHeader } from "@/lib/auth/guest";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { addressGroup } from "@/lib/limits/address";
import type { Catalog } from "@/lib/personas/catalog";
import { continueShared } from "./shares";

/** The "Continue this chat" form post: the copy opens as the viewer's own chat (303). */
export async function continueSharedResponse({
  db,
  catalog,
  request,
  token,
}: {
  db: Db;
  catalog: Catalog;
  request: Request;
  token: string;
}): Promise<Response> {
  const { conversationId, newGuestId } = await continueShared({
    db,
    catalog,
    token,
    actor: await getChatActor(),
    clientGroup: addressGroup(clientIp(request.headers)),
  });
  const response = NextResponse.redirect(new URL(`/chat/${conversationId}`, env().siteUrl), 303);
  if (newGuestId) response.headers.set("Set-Cookie", guestCookieHeader(newGuestId));
  return response;
}

/** A refusal a person can act on (a plan, a limit) goes back to the shared page, which says why. */
export async function continueSharedRefusal(error: unknown, token: unknown): Promise<Response> {
  if (
    typeof token === "string" &&
    error instanceof AppError &&
    (error.code === "forbidden" || error.code === "rate_limited")
  ) {
    const back = new URL(`/share/${encodeURIComponent(token)}?refused=${error.code}`, env().siteUrl);
    return NextResponse.redirect(back, 303);
  }
  return await jsonError(error);
}
