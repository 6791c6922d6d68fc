/** A same-site path to go to after signing in; anything else (absolute URLs, //host) falls back. */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value.slice(0, 500);
}
