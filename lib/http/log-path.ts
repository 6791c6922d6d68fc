/**
 * A request path as the log (and an error message) may show it: an API key pasted into a path
 * (`/v1/pm_…/chat/completions`) and a share link's token (`/share/<token>`, a bearer secret: the
 * database keeps only its hash) are replaced, and the length is bounded.
 */
export function loggablePath(path: string): string {
  return path
    .replace(/pm_[A-Za-z0-9_-]{8,}/g, "pm_[redacted]")
    .replace(/^\/share\/[^/?#]+/, "/share/[token]")
    .slice(0, 300);
}
