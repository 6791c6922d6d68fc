"use server";

import { redirect } from "next/navigation";
import { formArgument } from "@/lib/http/form-argument";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { createCheckoutSession } from "@/lib/billing/checkout";
import { getDb } from "@/lib/db/client";
import { getStripeSubscription } from "@/lib/db/queries/stripe";
import { getUserById } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { tierAtLeast } from "@/lib/tiers";

const checkoutSchema = z.object({ tier: z.enum(["pro", "max"]) });

export type CheckoutState = { message?: string };

export async function checkoutAction(_prev: CheckoutState, input: FormData): Promise<CheckoutState> {
  const form = formArgument(input);
  const parsed = checkoutSchema.safeParse({ tier: form.get("tier") });
  if (!parsed.success) return { message: "Choose Pro or Max." };
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-up?callbackUrl=${encodeURIComponent("/pricing")}`);
  if (tierAtLeast(viewer.tier, parsed.data.tier)) return { message: "Your plan already includes this tier." };
  let url: string;
  try {
    const db = getDb();
    const user = await getUserById({ db, id: viewer.id });
    // One subscription per customer: a second checkout would leave two running.
    const current = user?.stripeCustomerId
      ? await getStripeSubscription({ db, customerId: user.stripeCustomerId })
      : undefined;
    if (current && ["active", "trialing", "past_due"].includes(current.status)) {
      return {
        message:
          "You already have a subscription. To change plans, use the link in your Stripe receipt or contact us.",
      };
    }
    url = await createCheckoutSession({
      tier: parsed.data.tier,
      userId: viewer.id,
      email: viewer.email,
      customerId: user?.stripeCustomerId ?? null,
    });
  } catch (error) {
    return {
      message: error instanceof AppError ? error.message : "Checkout could not start. Please try again.",
    };
  }
  redirect(url);
}
