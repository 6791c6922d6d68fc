"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { adoptGuest } from "@/lib/chat/actor";
import { addressGroup } from "@/lib/limits/address";
import { addressWindow, consumeWindow, signUpKey, waitPhrase } from "@/lib/limits/window";
import { GUEST_COOKIE, readGuestCookie } from "@/lib/chat/guest";
import { hashPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/start-session";
import { fieldErrors, signUpSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/queries/users";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { audit } from "@/lib/log";

export type SignUpState = {
  fields?: Record<string, string>;
  email?: string;
  name?: string;
  message?: string;
};

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
  // Counted before any account is made or password hashed: a script cannot mint accounts for quota.
  const group = addressGroup(clientIp(await headers()));
  const db = getDb();
  const allowed = db.transaction(
    (tx) => consumeWindow({ db: tx, key: signUpKey(group), window: addressWindow("signUps") }),
    {
      behavior: "immediate",
    },
  );
  if (allowed.limited) {
    audit("rate.limited", { limit: "sign_ups_per_address" });
    return {
      message: `Too many new accounts from your network. Try again ${waitPhrase(allowed.retryAfterSeconds)}.`,
      ...echo,
    };
  }
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
