import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";

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

/**
 * A callbackUrl (query) or callback-url cookie that is not a path or an http(s) URL: next-auth would
 * answer 500. A 400 instead, and a bad cookie is cleared so the next request goes through.
 */
export async function callbackRefusal(request: Request): Promise<Response | undefined> {
  const site = env().siteUrl;
  const param = new URL(request.url).searchParams.get("callbackUrl");
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
