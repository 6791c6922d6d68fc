import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookieFromHeader } from "@/lib/auth/guest";
import { authSecret } from "@/lib/auth/secret";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";

/**
 * OWASP's device cookie: a browser an account signed in (or signed up) from carries a token signed
 * for that account's email. A sign-in from it is not held by the account-wide failure count, so
 * guessers elsewhere cannot lock the owner out of their own browser; it has a failure count of its
 * own instead. The email is not in the cookie: each entry is `<nonce>.<HMAC(nonce, email)>`, and the
 * form's email is what it is checked against. A browser keeps entries for a few accounts.
 */
export const DEVICE_COOKIE = "pm_device";
const MAX_ENTRIES = 4;
const MAX_AGE_SECONDS = 60 * 60 * 24 * 365;
const NONCE = /^[A-Za-z0-9_-]{22}$/;

const sign = (nonce: string, email: string) =>
  createHmac("sha256", authSecret()).update(`device:${nonce}:${email.toLowerCase()}`).digest("base64url");

function entries(value: string | undefined | null): { nonce: string; signature: string }[] {
  return (value ?? "")
    .split("~")
    .slice(0, MAX_ENTRIES)
    .map((entry) => {
      const [nonce = "", signature = ""] = entry.split(".");
      return { nonce, signature };
    })
    .filter(({ nonce, signature }) => NONCE.test(nonce) && signature.length > 0);
}

function verifies(entry: { nonce: string; signature: string }, email: string): boolean {
  const given = Buffer.from(entry.signature);
  const expected = Buffer.from(sign(entry.nonce, email));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The device's id when the cookie holds an entry signed for this email, else null. */
export function knownDevice(value: string | undefined | null, email: string): string | null {
  return entries(value).find((entry) => verifies(entry, email))?.nonce ?? null;
}

/** The cookie's new value: an entry for this email first (a new one), then the others it held. */
export function deviceCookieValue(previous: string | undefined | null, email: string): string {
  const others = entries(previous).filter((entry) => !verifies(entry, email));
  const nonce = randomBytes(16).toString("base64url");
  return [{ nonce, signature: sign(nonce, email) }, ...others]
    .slice(0, MAX_ENTRIES)
    .map(({ nonce: n, signature }) => `${n}.${signature}`)
    .join("~");
}

export function deviceCookieOptions() {
  return {
    path: "/",
    maxAge: MAX_AGE_SECONDS,
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env().siteUrl.startsWith("https://"),
  };
}

/** A Set-Cookie header line for a route handler's response. */
export function deviceCookieHeader(previous: string | undefined | null, email: string): string {
  const secure = deviceCookieOptions().secure ? "; Secure" : "";
  return `${DEVICE_COOKIE}=${deviceCookieValue(previous, email)}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** The device id a request's Cookie header proves for this email (next-auth's authorize() gets only headers). */
export function deviceFromHeaders(headers: Headers, email: string | undefined): string | null {
  return email ? knownDevice(cookieFromHeader(headers.get("cookie"), DEVICE_COOKIE), email) : null;
}

/**
 * next-auth's answer to a password sign-in, with this browser's device cookie renewed when it signed
 * the user in (the answer sets the session cookie); any other answer as it was.
 */
export function withDeviceCookie(response: Response, request: Request, email: string | undefined): Response {
  const sessionName = `${sessionCookieName()}=`;
  const signedIn = response.headers.getSetCookie().some((line) => line.startsWith(sessionName));
  if (!email || !signedIn) return response;
  const headers = new Headers(response.headers);
  const previous = cookieFromHeader(request.headers.get("cookie"), DEVICE_COOKIE);
  headers.append("Set-Cookie", deviceCookieHeader(previous, email));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
