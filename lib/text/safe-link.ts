// Which URLs markdown (persona bodies, model replies) may turn into links or image sources:
// http:, https:, mailto: and relative references. Everything else (javascript:, data:, irc:,
// file:, ...) is refused and the link shows as its text.
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

// Browsers drop tabs and newlines inside URLs ("java\tscript:") and read backslashes as slashes;
// rather than mimic that, a URL holding any of them is refused.
const FORBIDDEN = /[\x00-\x1f\x7f\\]|\s/;

// A scheme is letters, digits, "+", "-", "." before the first ":" (RFC 3986); a colon after a
// "/", "?" or "#" is part of a relative reference instead.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** The URL if markdown may link to it, otherwise null. */
export function safeLinkUrl(url: string): string | null {
  if (FORBIDDEN.test(url)) return null;
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? url : null;
  // No scheme, but a colon before any "/", "?" or "#" would still be read as one by some parsers.
  const colon = url.indexOf(":");
  if (colon !== -1 && !/[/?#]/.test(url.slice(0, colon))) return null;
  return url;
}
