/** What Next would answer for an action that threw: a redirect, a not-found, or (anything else) a 500. */
export function statusOfThrown(error: unknown): number {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string") {
    if (digest.startsWith("NEXT_REDIRECT")) return 303;
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
    if (fallback) return Number(fallback[1]);
  }
  return 500;
}
