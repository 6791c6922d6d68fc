"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { startCheckout } from "@/lib/billing/checkout";
import { getDb } from "@/lib/db/client";
import { action, type ActionState } from "@/lib/auth/action";

const checkoutSchema = z.object({ tier: z.enum(["pro", "max"]) });

export type CheckoutState = ActionState;

export const checkoutAction = action(
  {
    viewer: { redirect: `/sign-up?callbackUrl=${encodeURIComponent("/pricing")}` },
    schema: checkoutSchema,
    invalid: "Choose Pro or Max.",
    failed: "Checkout could not start. Please try again.",
  },
  async ({ input, viewer }): Promise<CheckoutState> => {
    redirect(await startCheckout({ db: getDb(), viewer, tier: input.tier }));
  },
);
