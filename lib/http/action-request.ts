/**
 * Server action requests that Next would answer with a 500 (a body it cannot decode, or one over its
 * size limit), told apart before Next reads them so they get a clear 4xx instead. Used by proxy.ts.
 */

/** The same limit as next.config.ts `experimental.serverActions.bodySizeLimit` ("1mb"). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export type Refusal = { status: number; code: string; message: string };

const MULTIPART = /^multipart\/form-data\s*;/i;
const TEXT = /^text\/plain(\s*;|$)/i;
// The encoded arguments and bound values of a no-JavaScript form post ($ACTION_1:0, $ACTION_1:1).
const BOUND_FIELD = /^\$ACTION_\d+:\d+$/;

const unreadable: Refusal = {
  status: 400,
  code: "bad_request",
  message: "The form could not be read. Reload the page and try again.",
};

/** A POST to a page that Next would treat as a server action (with JavaScript, or a no-JavaScript form). */
export function isActionRequest(request: Request, pathname: string): boolean {
  if (request.method !== "POST" || pathname.startsWith("/api/")) return false;
  const type = request.headers.get("content-type") ?? "";
  return request.headers.has("next-action") || /^multipart\/form-data/i.test(type);
}

function isJson(text: unknown, array = false): boolean {
  if (typeof text !== "string") return false;
  try {
    const value: unknown = JSON.parse(text);
    return !array || Array.isArray(value);
  } catch {
    return false;
  }
}

export async function actionRequestRefusal(request: Request): Promise<Refusal | undefined> {
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length))
    return { status: 411, code: "length_required", message: "A form must be sent with its Content-Length." };
  if (Number(length) > ACTION_BODY_LIMIT_BYTES)
    return { status: 413, code: "payload_too_large", message: "The form is larger than 1 MB." };
  const type = request.headers.get("content-type") ?? "";
  const withJavaScript = request.headers.has("next-action");
  // multipart/form-data without its boundary cannot be read (Next would throw while parsing it).
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=/i.test(type)) return unreadable;
  if (withJavaScript && TEXT.test(type))
    return isJson(await request.clone().text(), true) ? undefined : unreadable;
  if (!MULTIPART.test(type)) {
    if (!withJavaScript) return undefined;
    return { status: 415, code: "unsupported_media_type", message: "A form is sent as multipart/form-data." };
  }
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return unreadable;
  }
  if (withJavaScript) return isJson(form.get("0"), true) ? undefined : unreadable;
  for (const [name, value] of form) if (BOUND_FIELD.test(name) && !isJson(value)) return unreadable;
  return undefined;
}
