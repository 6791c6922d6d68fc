"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formArgument } from "@/lib/http/form-argument";
import { clientIp } from "@/lib/auth/client-ip";
import { registerFromForm, type SignUpState } from "@/lib/auth/sign-up";
import { startSession } from "@/lib/auth/start-session";
import { adoptGuest } from "@/lib/auth/actor";
import { GUEST_COOKIE, readGuestCookie } from "@/lib/auth/guest";
import { getDb } from "@/lib/db/client";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export type { SignUpState };

export async function signUp(_prev: SignUpState, input: FormData): Promise<SignUpState> {
  const form = formArgument(input);
  const db = getDb();
  const result = await registerFromForm({ db, form, ip: clientIp(await headers()) });
  if (!result.ok) return result.state;
  // A guest who chatted before signing up keeps their conversations.
  const jar = await cookies();
  const guestId = readGuestCookie(jar.get(GUEST_COOKIE)?.value);
  await db.transaction(async (tx) => adoptGuest({ db: tx, guestId, userId: result.user.id }));
  jar.delete(GUEST_COOKIE);
  await startSession(result.user);
  redirect(safeCallbackPath(form.get("callbackUrl"), "/account?welcome=1"));
}
