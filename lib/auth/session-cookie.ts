import "server-only";
import { lruCache } from "@/lib/cache/lru";
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

/** A session unused this long ends (SESSION_IDLE_HOURS). */
export const sessionIdleMs = () => env().sessionIdleHours * 60 * 60 * 1000;

export type SessionToken = JWT & { uid: string; sid: string };

export async function decodeSessionToken(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  const secret = authSecret();
  const now = Date.now();
  const hit = decoded.get(value);
  if (hit && hit.secret === secret && hit.expiresAt > now) return hit.token;
  if (hit) decoded.delete(value);
  try {
    const token = await decode({ token: value, secret });
    if (token && typeof token.uid === "string" && typeof token.sid === "string") {
      remember(value, secret, Object.freeze(token as SessionToken), now);
      return token as SessionToken;
    }
  } catch {
    // A cookie we cannot read is the same as no cookie.
  }
  return null;
}

/**
 * Tokens decrypted lately, by their exact cookie value: the same bytes under the same secret decrypt
 * to the same claims, so a viewer's next request skips the key derivation and decryption (about
 * 0.1 ms). Only the decryption is skipped: every request still reads the session and the tier from
 * the database, so a revoked session ends at once. Kept no longer than the token's own `exp`; a
 * value that does not decrypt is never kept.
 */
/** 2,000 signed-in viewers active at once; each entry is a cookie and its claims, about 1 KB. */
const decoded = lruCache<string, { secret: string; token: SessionToken; expiresAt: number }>({ max: 2000 });

function remember(value: string, secret: string, token: SessionToken, now: number) {
  const expiresAt = typeof token.exp === "number" ? token.exp * 1000 : now + sessionMaxAgeSeconds() * 1000;
  if (expiresAt <= now) return;
  decoded.set(value, { secret, token, expiresAt });
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
