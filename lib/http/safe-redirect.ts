// Where the app may send a browser after signing in (or any other redirect built from input):
// only a path on this site. Browsers forgive a lot (backslashes as slashes, tabs and newlines
// dropped, "//" meaning another host), so anything that is not plainly a path is refused.
const PROBE_ORIGIN = "http://x.invalid";
const MAX_DECODES = 5;
const MAX_LENGTH = 500;

// Control characters, any whitespace (tab, newline, unicode spaces) and backslashes.
const FORBIDDEN = /[\x00-\x1f\x7f\\]|\s/;

function isPlainPath(value: string): boolean {
  return value.startsWith("/") && !value.startsWith("//") && !FORBIDDEN.test(value);
}

/** The path a browser would go to, if that is a plain path on this site; dot segments can collapse
 * into "//host" ("/.//evil" becomes "//evil"), so the resolved form is checked too. */
function resolvedPath(value: string): string | null {
  if (!isPlainPath(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === PROBE_ORIGIN && isPlainPath(path) ? path : null;
}

/** Every form the value takes when percent-decoded again and again; null if malformed or too deep. */
function decodedForms(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let i = 0; i < MAX_DECODES; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  return null;
}

/** A same-site path to go to after signing in; anything else (absolute URLs, //host, encoded tricks) falls back. */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return fallback;
  const forms = decodedForms(value);
  // A server or proxy further along may decode again: every decoded form must be a plain path too.
  if (!forms || !forms.every((form) => resolvedPath(form) !== null)) return fallback;
  return resolvedPath(value) ?? fallback;
}

/**
 * next-auth's redirect rule: a path, or an absolute URL on our own origin, becomes an absolute URL
 * on siteUrl; anything else goes to siteUrl's home page.
 */
export function safeRedirectUrl(value: unknown, siteUrl: string): string {
  const site = new URL(siteUrl);
  let candidate = value;
  if (typeof value === "string" && !value.startsWith("/")) {
    // The URL parser would quietly drop tabs and newlines and turn backslashes into slashes.
    if (FORBIDDEN.test(value)) return `${site.origin}/`;
    try {
      const url = new URL(value);
      // The origin matched, but the path still has to pass (".../\evil.com", "//evil.com" paths).
      candidate = url.origin === site.origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
    } catch {
      candidate = undefined;
    }
  }
  return `${site.origin}${safeCallbackPath(candidate)}`;
}
