import { NextResponse } from "next/server";
import { receiveStripeWebhook } from "@/lib/billing/webhook-request";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

/**
 * POST /api/billing/webhook — Stripe calls this server to server: no session, no Origin (so no
 * same-origin check); the signature over the raw body is the authentication.
 */
export const POST = route({ crossSite: true }, async ({ request }) =>
  NextResponse.json(await receiveStripeWebhook({ db: getDb(), request })),
);
