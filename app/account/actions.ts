"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { changePassword } from "@/lib/auth/change-password";
import { clientIp } from "@/lib/auth/client-ip";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { changePasswordSchema, redeemSchema } from "@/lib/auth/validation";
import { getViewer } from "@/lib/auth/viewer";
import { redeemCode } from "@/lib/billing/redeem";
import { getDb } from "@/lib/db/client";
import { revokeAllSessions } from "@/lib/db/queries/sessions";
import { action, type ActionState } from "@/lib/auth/action";
import { audit } from "@/lib/log";

export type FormState = ActionState;

export const redeemAction = action(
  { viewer: { signedOut: "Your session has ended. Sign in again to redeem a code." }, schema: redeemSchema },
  async ({ input, viewer }): Promise<FormState> => {
    const result = await redeemCode({ db: getDb(), userId: viewer.id, code: input.code });
    audit(result.ok ? "billing.code_redeemed" : "billing.code_refused", { userId: viewer.id });
    if (result.ok) revalidatePath("/", "layout");
    return result.ok
      ? { ok: true, message: result.message }
      : { ok: false, fields: { code: result.message } };
  },
);

export const changePasswordAction = action(
  {
    viewer: { signedOut: "Your session has ended. Sign in again to change your password." },
    schema: changePasswordSchema,
  },
  async ({ input, viewer }): Promise<FormState> => {
    const message = await changePassword({
      db: getDb(),
      userId: viewer.id,
      ip: clientIp(await headers()),
      ...input,
    });
    return { ok: true, message };
  },
);

/** A plain form action (no state): every session of the viewer ends, this one too. */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) {
    await revokeAllSessions({ db: getDb(), userId: viewer.id });
    audit("auth.sign_out", { userId: viewer.id, everywhere: true });
  }
  (await cookies()).delete(sessionCookieName());
  redirect("/sign-in?signedOut=everywhere");
}
