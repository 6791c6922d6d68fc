"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { formArgument } from "@/lib/http/form-argument";
import { clientIp } from "@/lib/auth/client-ip";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { releaseSignInAttempt, reserveSignInAttempt } from "@/lib/auth/rate-limit";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { startSession } from "@/lib/auth/start-session";
import { changePasswordSchema, fieldErrors, redeemSchema } from "@/lib/auth/validation";
import { getViewer } from "@/lib/auth/viewer";
import { redeemCode } from "@/lib/billing/redeem";
import { getDb } from "@/lib/db/client";
import { revokeAllSessions } from "@/lib/db/queries/sessions";
import { getUserById, setPasswordHash } from "@/lib/db/queries/users";
import { audit } from "@/lib/log";

export type FormState = { ok?: boolean; message?: string; fields?: Record<string, string> };

export async function redeemAction(_prev: FormState, input: FormData): Promise<FormState> {
  const form = formArgument(input);
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Your session has ended. Sign in again to redeem a code." };
  const parsed = redeemSchema.safeParse({ code: form.get("code") });
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  const result = await redeemCode({ db: getDb(), userId: viewer.id, code: parsed.data.code });
  audit(result.ok ? "billing.code_redeemed" : "billing.code_refused", { userId: viewer.id });
  if (result.ok) revalidatePath("/", "layout");
  return result.ok ? { ok: true, message: result.message } : { ok: false, fields: { code: result.message } };
}

export async function changePasswordAction(_prev: FormState, input: FormData): Promise<FormState> {
  const form = formArgument(input);
  const viewer = await getViewer();
  if (!viewer)
    return { ok: false, message: "Your session has ended. Sign in again to change your password." };
  const parsed = changePasswordSchema.safeParse({
    currentPassword: form.get("currentPassword"),
    newPassword: form.get("newPassword"),
  });
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  const db = getDb();
  const user = await getUserById({ db, id: viewer.id });
  if (!user?.passwordHash) {
    return {
      ok: false,
      message: "This account signs in through GitHub or Google and has no password to change.",
    };
  }
  // The same limit as sign-in, counted before the hash is checked: a stolen session cannot guess on.
  const subject = { email: user.email, ip: clientIp(await headers()) };
  const reserved = await reserveSignInAttempt({ db, subject });
  if (reserved.limited) {
    const minutes = Math.ceil(reserved.retryAfterSeconds / 60);
    audit("rate.limited", { limit: "password_change", userId: user.id });
    return {
      ok: false,
      message: `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    };
  }
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
    audit("auth.password_change_failed", { userId: user.id });
    return { ok: false, fields: { currentPassword: "That is not your current password." } };
  }
  await releaseSignInAttempt({ db, subject });
  await setPasswordHash({ db, userId: user.id, passwordHash: await hashPassword(parsed.data.newPassword) });
  // Every other session ends; this browser gets a fresh one.
  const version = await revokeAllSessions({ db, userId: user.id });
  audit("auth.password_changed", { userId: user.id });
  await startSession({ ...user, sessionVersion: version });
  return { ok: true, message: "Password changed. You were signed out everywhere else." };
}

export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) {
    await revokeAllSessions({ db: getDb(), userId: viewer.id });
    audit("auth.sign_out", { userId: viewer.id, everywhere: true });
  }
  (await cookies()).delete(sessionCookieName());
  redirect("/sign-in?signedOut=everywhere");
}
