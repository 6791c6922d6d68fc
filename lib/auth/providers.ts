import "server-only";
import { env } from "@/lib/env";

/** OAuth providers shown on the sign-in page: those whose settings are present. */
export function oauthProviders(): string[] {
  const e = env();
  return [e.github && "github", e.google && "google"].filter((p): p is string => Boolean(p));
}
