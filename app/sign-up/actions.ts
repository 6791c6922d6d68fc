"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { completeSignUp, type SignUpState } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { action } from "@/lib/auth/action";

export type { SignUpState };

/** Sign-up parses its own form (lib/auth/sign-up.ts): the fields it echoes back are part of its state. */
export const signUp = action(
  { viewer: "optional" },
  async ({ form }): Promise<SignUpState> =>
    await completeSignUp({ db: getDb(), form, ip: clientIp(await headers()) }),
);
