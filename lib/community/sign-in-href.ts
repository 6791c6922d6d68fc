import { safeCallbackPath } from "@/lib/http/safe-redirect";

/** Sign in, then back to `path` (only ever a path on this site). */
export function signInHref(path: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`;
}
