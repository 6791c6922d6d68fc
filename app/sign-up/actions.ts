"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { adoptGuest } from "@/lib/chat/actor";
import { GUEST_COOKIE, readGuestCookie } from "@/lib/chat/guest";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/start-session";
import { fieldErrors, signUpSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/queries/users";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { audit } from "@/lib/log";

export type SignUpState = { fields?: Record<string, string>; email?: string; name?: string };

export async function signUp(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const raw = {
    email: form.get("email"),
    password: form.get("password"),
    name: form.get("name") || undefined,
  };
  const echo = {
    email: typeof raw.email === "string" ? raw.email : "",
    name: typeof raw.name === "string" ? raw.name : "",
  };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { fields: fieldErrors(parsed.error), ...echo };
  const { email, password, name } = parsed.data;
  const user = createUser({
    db: getDb(),
    email,
    passwordHash: await hashPassword(password),
    name: name || null,
  });
  if (!user) {
    return { fields: { email: "An account with this email already exists. Sign in instead." }, ...echo };
  }
  audit("auth.sign_up", { userId: user.id });
  // A guest who chatted before signing up keeps their conversations.
  const jar = await cookies();
  const guestId = readGuestCookie(jar.get(GUEST_COOKIE)?.value);
  getDb().transaction((tx) => adoptGuest({ db: tx, guestId, userId: user.id }));
  jar.delete(GUEST_COOKIE);
  await startSession(user);
  redirect(safeCallbackPath(form.get("callbackUrl"), "/account?welcome=1"));
}
