import "server-only";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";

/** next-auth's forms are a few fields; nothing it is sent needs more. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

const withControl = (where: string) =>
  new AppError("bad_request", `The ${where} has control characters in it (a line break?) and was refused.`);

function cookieValues(header: string | null, names: string[]): string[] {
  const values: string[] = [];
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && names.includes(part.slice(0, at).trim())) {
      const raw = part.slice(at + 1).trim();
      try {
        values.push(decodeURIComponent(raw));
      } catch {
        values.push(raw);
      }
    }
  }
  return values;
}

/**
 * Refuses, before next-auth sees it, what next-auth would answer with a 500 or a confusing
 * "Configuration" error: a query value, callback cookie or callbackUrl with a control character
 * (next-auth puts some of them into a Location header), and a body that says it is JSON but is not.
 * Returns the form's fields (for the sign-in limit) when there is a body.
 */
export async function checkAuthRequest(request: Request): Promise<Record<string, string>> {
  const url = new URL(request.url);
  for (const value of url.searchParams.values()) if (CONTROL.test(value)) throw withControl("address");
  for (const value of cookieValues(request.headers.get("cookie"), CALLBACK_COOKIES))
    if (CONTROL.test(value)) throw withControl("callback cookie");
  if (request.method !== "POST") return {};
  const text = await readBodyText(request.clone(), MAX_AUTH_BODY_BYTES);
  const type = request.headers.get("content-type") ?? "";
  let fields: Record<string, string> = {};
  if (/^application\/json/i.test(type)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON.");
    }
    if (typeof json !== "object" || json === null || Array.isArray(json))
      throw new AppError("bad_request", "The request body must be a JSON object.");
    for (const [k, v] of Object.entries(json)) if (typeof v === "string") fields[k] = v;
  } else if (/^application\/x-www-form-urlencoded/i.test(type)) {
    fields = Object.fromEntries(new URLSearchParams(text));
  }
  if (fields.callbackUrl !== undefined && CONTROL.test(fields.callbackUrl)) throw withControl("callbackUrl");
  return fields;
}
