import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Db } from "@/lib/db/client";
import { createUser } from "@/lib/db/queries/users";
import type { User } from "@/lib/db/schema";
import { addressGroup } from "@/lib/limits/address";
import { addressWindow, consumeWindow, signUpKey, waitPhrase } from "@/lib/limits/window";
import { audit } from "@/lib/log";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { adoptGuest } from "./actor";
import { GUEST_COOKIE, readGuestCookie } from "./guest";
import { hashPassword } from "./password";
import { startSession } from "./start-session";
import { fieldErrors, signUpSchema } from "./validation";
import { DEVICE_COOKIE, deviceCookieOptions, deviceCookieValue } from "./device-cookie";
import { rememberSignUpAddress } from "./rate-limit";

export type SignUpState = {
  fields?: Record<string, string>;
  email?: string;
  name?: string;
  message?: string;
};

export const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/**
 * Makes an account from the sign-up form, or says why not. Without email delivery a sign-up cannot
 * hide whether an address is registered (a new one signs in at once, a taken one cannot), so it is
 * made no cheaper to ask than sign-in: every well-formed attempt, taken email or not, is counted
 * against the address's sign-up limit before anything else, the password is hashed in both cases
 * (no quick answer for a taken email), and the answer names nothing about the existing account
 * (not its name, not that it signs in through GitHub).
 */
export async function registerFromForm({
  db,
  form,
  ip,
}: {
  db: Db;
  form: FormData;
  ip: string;
}): Promise<{ ok: true; user: User } | { ok: false; state: SignUpState }> {
  const raw = {
    email: form.get("email"),
    password: form.get("password"),
    name: form.get("name") || undefined,
  };
  const echo = {
    email: typeof raw.email === "string" ? raw.email.slice(0, 320) : "",
    name: typeof raw.name === "string" ? raw.name.slice(0, 200) : "",
  };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, state: { fields: fieldErrors(parsed.error), ...echo } };
  const { email, password, name } = parsed.data;
  // Counted before any account is made or password hashed: a script cannot mint accounts for quota.
  const allowed = await db.transaction(
    async (tx) =>
      consumeWindow({ db: tx, key: signUpKey(addressGroup(ip)), window: addressWindow("signUps") }),
    { behavior: "immediate" },
  );
  if (allowed.limited) {
    audit("rate.limited", { limit: "sign_ups_per_address" });
    const message = `Too many new accounts from your network. Try again ${waitPhrase(allowed.retryAfterSeconds)}.`;
    return { ok: false, state: { message, ...echo } };
  }
  const passwordHash = await hashPassword(password);
  const user = await createUser({ db, email, passwordHash, name: name || null });
  if (!user) {
    audit("auth.sign_up_refused", { reason: "email_taken" });
    return { ok: false, state: { fields: { email: EMAIL_TAKEN }, ...echo } };
  }
  audit("auth.sign_up", { userId: user.id });
  await rememberSignUpAddress({ db, subject: { email, ip } });
  return { ok: true, user };
}

/**
 * The sign-up form's whole work: the account (or the form's state saying why not), a guest's
 * conversations kept, the session started, then on to the callback page.
 */
export async function completeSignUp({
  db,
  form,
  ip,
}: {
  db: Db;
  form: FormData;
  ip: string;
}): Promise<SignUpState> {
  const result = await registerFromForm({ db, form, ip });
  if (!result.ok) return result.state;
  const jar = await cookies();
  const guestId = readGuestCookie(jar.get(GUEST_COOKIE)?.value);
  await db.transaction(async (tx) => adoptGuest({ db: tx, guestId, userId: result.user.id }));
  jar.delete(GUEST_COOKIE);
  await startSession(result.user);
  // This browser is the new account's own device (lib/auth/device-cookie).
  jar.set(
    DEVICE_COOKIE,
    deviceCookieValue(jar.get(DEVICE_COOKIE)?.value, result.user.email),
    deviceCookieOptions(),
  );
  redirect(safeCallbackPath(form.get("callbackUrl"), "/account?welcome=1"));
}
