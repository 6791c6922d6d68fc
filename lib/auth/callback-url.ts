import "server-only";

export const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * next-auth's own test for a callback URL (a path, or an http(s) URL): a value failing it makes
 * next-auth answer 500 ("Invalid callback URL"), so it is refused before next-auth sees it.
 */
export function isValidCallbackUrl(value: string, siteUrl: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? siteUrl : undefined).protocol);
  } catch {
    return false;
  }
}

/** The callback-url cookies the request carries whose value next-auth would refuse. */
export function badCallbackCookies(cookieHeader: string | null, siteUrl: string): string[] {
  const bad: string[] = [];
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    const name = at > 0 ? part.slice(0, at).trim() : "";
    if (!CALLBACK_COOKIES.includes(name)) continue;
    let value = part.slice(at + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // left as sent
    }
    if (!isValidCallbackUrl(value, siteUrl)) bad.push(name);
  }
  return bad;
}
