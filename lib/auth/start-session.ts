import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/lib/db/client";
import { createSession } from "@/lib/db/queries/sessions";
import type { User } from "@/lib/db/schema";
import { sessionCookie, sessionMaxAgeSeconds } from "./session-cookie";

/** Signs the user in on this browser: a new session row and next-auth's session cookie naming it. */
export async function startSession(user: Pick<User, "id" | "email" | "name" | "sessionVersion">) {
  const session = await createSession({
    db: getDb(),
    userId: user.id,
    version: user.sessionVersion,
    maxAgeMs: sessionMaxAgeSeconds() * 1000,
  });
  const cookie = await sessionCookie({
    name: user.name,
    email: user.email,
    sub: user.id,
    uid: user.id,
    sid: session.id,
  });
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}
