import "server-only";
import type { Db } from "@/lib/db/client";
import { revokeAllSessions } from "@/lib/db/queries/sessions";
import { getUserById, setPasswordHash } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/log";
import { hashPassword, verifyPassword } from "./password";
import { releaseSignInAttempt, reserveSignInAttempt } from "./rate-limit";
import { startSession } from "./start-session";

/**
 * Changes a signed-in user's password: the same limit as sign-in, counted before the hash is
 * checked (a stolen session cannot guess on), then every other session ends and this browser gets
 * a fresh one. Refusals are AppErrors whose message (or `details`, per field) is for the form.
 */
export async function changePassword({
  db,
  userId,
  ip,
  currentPassword,
  newPassword,
}: {
  db: Db;
  userId: string;
  ip: string;
  currentPassword: string;
  newPassword: string;
}): Promise<string> {
  const user = await getUserById({ db, id: userId });
  if (!user?.passwordHash) {
    throw new AppError(
      "bad_request",
      "This account signs in through GitHub or Google and has no password to change.",
    );
  }
  const subject = { email: user.email, ip };
  const reserved = await reserveSignInAttempt({ db, subject });
  if (reserved.limited) {
    const minutes = Math.ceil(reserved.retryAfterSeconds / 60);
    audit("rate.limited", { limit: "password_change", userId: user.id });
    throw new AppError(
      "rate_limited",
      `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    audit("auth.password_change_failed", { userId: user.id });
    throw new AppError("bad_request", "That is not your current password.", {
      currentPassword: "That is not your current password.",
    });
  }
  await releaseSignInAttempt({ db, subject });
  await setPasswordHash({ db, userId: user.id, passwordHash: await hashPassword(newPassword) });
  const version = await revokeAllSessions({ db, userId: user.id });
  audit("auth.password_changed", { userId: user.id });
  await startSession({ ...user, sessionVersion: version });
  return "Password changed. You were signed out everywhere else.";
}
