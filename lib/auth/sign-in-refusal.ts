import "server-only";
import { NextResponse } from "next/server";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RateLimited } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { clientIp } from "./client-ip";
import { deviceFromHeaders } from "./device-cookie";
import { checkSignInLimit } from "./rate-limit";
import { emailSchema } from "./validation";

/**
 * A sign-in over the limits in lib/tiers.ts (SIGN_IN_LIMITS) is refused before any password check:
 * the usual JSON error with Retry-After, plus the `url` next-auth's client reads to report it.
 * Undefined when the sign-in may go on.
 */
export async function signInRefusal({
  db,
  request,
  rawEmail,
}: {
  db: Db;
  request: Request;
  rawEmail: unknown;
}): Promise<Response | undefined> {
  const email = emailSchema.safeParse(rawEmail);
  const address = email.success ? email.data : undefined;
  const subject = {
    ip: clientIp(request.headers),
    email: address,
    device: deviceFromHeaders(request.headers, address),
  };
  const decision = await checkSignInLimit({ db, subject });
  if (!decision.limited) return undefined;
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  const response = await jsonError(
    new RateLimited(
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      decision.retryAfterSeconds,
    ),
  );
  const body = (await response.json()) as object;
  return NextResponse.json(
    { ...body, url: `${env().siteUrl}/sign-in?error=RateLimited&retryAfter=${decision.retryAfterSeconds}` },
    { status: 429, headers: response.headers },
  );
}
