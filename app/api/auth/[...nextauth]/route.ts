import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { checkAuthRequest } from "@/lib/auth/auth-request";
import { callbackRefusal } from "@/lib/auth/callback-url";
import { withDeviceCookie } from "@/lib/auth/device-cookie";
import { authOptions } from "@/lib/auth/options";
import { signInRefusal } from "@/lib/auth/sign-in-refusal";
import { emailSchema } from "@/lib/auth/validation";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { route } from "@/lib/http/route";

const params = z.object({ nextauth: z.array(z.string()) });

/** Our checks' refusals are JSON errors; what next-auth itself throws is left to Next, as next-auth expects. */
const onError = (error: unknown) => {
  if (error instanceof AppError) return jsonError(error);
  throw error;
};

/**
 * next-auth's own handler, behind our checks: malformed requests refused, sign-in attempts limited.
 * (Next hands route handlers a NextRequest; the wrapper passes it on as it came.)
 */
export const GET = route({ params, onError }, async ({ request, params }) => {
  await checkAuthRequest(request);
  const [action, provider] = params.nextauth;
  // The password form posts; a GET here is next-auth's 500 ("not supported").
  if (action === "callback" && provider === "credentials") {
    const response = await jsonError(
      new AppError("method_not_allowed", "Signing in with a password is a POST from the sign-in form."),
    );
    response.headers.set("Allow", "POST");
    return response;
  }
  const refused = await callbackRefusal(request);
  if (refused) return refused;
  return await NextAuth(request as NextRequest, { params: Promise.resolve(params) }, authOptions());
});

export const POST = route({ params, onError }, async ({ request, params }) => {
  const fields = await checkAuthRequest(request);
  const refused = await callbackRefusal(request);
  if (refused) return refused;
  const [action, provider] = params.nextauth;
  if (action !== "callback" || provider !== "credentials")
    return await NextAuth(request as NextRequest, { params: Promise.resolve(params) }, authOptions());
  const limited = await signInRefusal({ db: getDb(), request, rawEmail: fields.email });
  if (limited) return limited;
  const answer = await NextAuth(request as NextRequest, { params: Promise.resolve(params) }, authOptions());
  const email = emailSchema.safeParse(fields.email);
  return withDeviceCookie(answer, request, email.success ? email.data : undefined);
});
