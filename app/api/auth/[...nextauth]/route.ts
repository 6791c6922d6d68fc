import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { checkAuthRequest } from "@/lib/auth/auth-request";
import { clientIp } from "@/lib/auth/client-ip";
import { badCallbackCookies, isValidCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { checkSignInLimit } from "@/lib/auth/rate-limit";
import { emailSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: NextRequest, context: Context) {
  try {
    await checkAuthRequest(request);
    const [action, provider] = (await context.params).nextauth;
    // The password form posts; a GET here is next-auth's 500 ("not supported").
    if (action === "callback" && provider === "credentials") {
      const response = await jsonError(
        new AppError("method_not_allowed", "Signing in with a password is a POST from the sign-in form."),
      );
      response.headers.set("Allow", "POST");
      return response;
    }
    const refused = await refuseBadCallback(request);
    if (refused) return refused;
  } catch (error) {
    return jsonError(error);
  }
  return NextAuth(request, context, authOptions());
}

/**
 * A callbackUrl (query) or callback-url cookie that is not a path or an http(s) URL: next-auth would
 * answer 500. A 400 instead, and a bad cookie is cleared so the next request goes through.
 */
async function refuseBadCallback(request: NextRequest): Promise<NextResponse | undefined> {
  const site = env().siteUrl;
  const param = request.nextUrl.searchParams.get("callbackUrl");
  if (param !== null && !isValidCallbackUrl(param, site))
    return jsonError(
      new AppError("bad_request", "callbackUrl must be a path on this site (like /chat) or a URL."),
    );
  const cookies = badCallbackCookies(request.headers.get("cookie"), site);
  if (cookies.length === 0) return undefined;
  const response = await jsonError(
    new AppError(
      "bad_request",
      "The return address saved in your browser for after sign-in was not valid. It has been cleared: try again.",
    ),
  );
  for (const name of cookies)
    response.headers.append(
      "Set-Cookie",
      `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
    );
  return response;
}

export async function POST(request: NextRequest, context: Context) {
  try {
    assertSameOrigin(request);
    const fields = await checkAuthRequest(request);
    const refused = await refuseBadCallback(request);
    if (refused) return refused;
    const [action, provider] = (await context.params).nextauth;
    if (action === "callback" && provider === "credentials") {
      const limited = await signInRateLimit(request, fields.email);
      if (limited) return limited;
    }
  } catch (error) {
    return jsonError(error);
  }
  return NextAuth(request, context, authOptions());
}

/** A sign-in over the limits in lib/tiers.ts (SIGN_IN_LIMITS) is refused before any password check. */
async function signInRateLimit(request: NextRequest, rawEmail: unknown): Promise<NextResponse | undefined> {
  const email = emailSchema.safeParse(rawEmail);
  const subject = { ip: clientIp(request.headers), email: email.success ? email.data : undefined };
  const decision = await checkSignInLimit({ db: getDb(), subject });
  if (!decision.limited) return undefined;
  const minutes = Math.ceil(decision.retryAfterSeconds / 60);
  const error = new AppError(
    "rate_limited",
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
  const response = await jsonError(error, { "Retry-After": String(decision.retryAfterSeconds) });
  // next-auth's client reads `url` to report the error; keep the JSON error shape beside it.
  const body = (await response.json()) as object;
  return NextResponse.json(
    { ...body, url: `${env().siteUrl}/sign-in?error=RateLimited&retryAfter=${decision.retryAfterSeconds}` },
    { status: 429, headers: response.headers },
  );
}
