import { sessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import type { Db } from "@/lib/db/client";
import { createSession } from "@/lib/db/queries/sessions";

/**
 * A real session row and next-auth's cookie for it, put in the test's cookie jar (`jar` of
 * testing/next-headers.ts), so getViewer() reads the user from the database as it does in production.
 */
export async function signInJar(jar: Map<string, string>, db: Db, userId: string) {
  const session = await createSession({ db, userId, version: 0, maxAgeMs: 3_600_000 });
  const cookie = await sessionCookie({ uid: userId, sid: session.id, sub: userId });
  jar.clear();
  jar.set(sessionCookieName(), cookie.value);
}
