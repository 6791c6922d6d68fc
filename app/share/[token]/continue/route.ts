import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { getChatActor } from "@/lib/auth/actor";
import { guestCookieHeader } from "@/lib/auth/guest";
import { continueShared } from "@/lib/community/shares";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { addressGroup } from "@/lib/limits/address";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/personas";

/** POST /share/:token/continue — a form post: the copy opens as the viewer's own chat (303). */
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    assertSameOrigin(request);
    const { conversationId, newGuestId } = await continueShared({
      db: getDb(),
      catalog: getCatalog(),
      token,
      actor: await getChatActor(),
      clientGroup: addressGroup(clientIp(request.headers)),
    });
    const response = NextResponse.redirect(new URL(`/chat/${conversationId}`, env().siteUrl), 303);
    if (newGuestId) response.headers.set("Set-Cookie", guestCookieHeader(newGuestId));
    return response;
  } catch (error) {
    if (error instanceof AppError && (error.code === "forbidden" || error.code === "rate_limited")) {
      return NextResponse.redirect(new URL(`/share/${token}?refused=${error.code}`, env().siteUrl), 303);
    }
    return jsonError(error);
  }
}
