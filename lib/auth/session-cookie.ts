import "server-only";
import { encode, decode, type JWT } from "next-auth/jwt";
import { env } from "@/lib/env";
import { authSecret } from "./secret";

/** next-auth's own cookie name: `__Secure-` prefixed (and Secure) when the site is served over HTTPS. */
export function sessionCookieName(): string {
  return env().siteUrl.startsWith("https://")
    ? "__Secure-next-auth.session-token"
    : "next-auth.session-token";
}

export const sessionMaxAgeSeconds = () => env().sessionMaxAgeDays * 24 * 60 * 60;

export type SessionToken = JWT & { uid: string; sid: string };

export async function decodeSessionToken(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: authSecret() });
    if (token && typeof token.uid === "string" && typeof token.sid === "string") return token as SessionToken;
  } catch {
    // A cookie we cannot read is the same as no cookie.
  }
  return null;
}

/** A session cookie in next-auth's format, for flows that start a session outside its routes (sign-up). */
export async function sessionCookie(token: SessionToken) {
  const maxAge = sessionMaxAgeSeconds();
  return {
    name: sessionCookieName(),
    value: await encode({ token, secret: authSecret(), maxAge }),
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      path: "/",
      secure: env().siteUrl.startsWith("https://"),
      maxAge,
    },
  };
}
