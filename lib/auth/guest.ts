import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

/** The cookie that keeps a guest's conversations: the guest's user id, signed with the app secret. */
export const GUEST_COOKIE = "pm_guest";
const MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

const sign = (userId: string) =>
  createHmac("sha256", authSecret()).update(`guest:${userId}`).digest("base64url");

export function guestCookieValue(userId: string): string {
  return `${userId}.${sign(userId)}`;
}

export function readGuestCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const userId = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(userId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

export function guestCookieHeader(userId: string): string {
  const secure = env().siteUrl.startsWith("https://") ? "; Secure" : "";
  return `${GUEST_COOKIE}=${guestCookieValue(userId)}; Path=/; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** Reads one cookie from a raw Cookie header (next-auth's authorize() gets only headers). */
export function cookieFromHeader(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // a malformed escape is no cookie of ours
    }
  }
  return undefined;
}
