"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiKeyIdSchema, apiKeyNameSchema, createApiKey, revokeApiKey } from "@/lib/api/keys";
import { fieldErrors } from "@/lib/auth/validation";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { API_ACCESS_TIER, hasApiAccess, TIER_LABELS } from "@/lib/tiers";
import type { FormState } from "./actions";

/** A new key comes back in `key`, this once; it is never readable again. */
export type ApiKeyFormState = FormState & { key?: string; name?: string };

const createSchema = z.object({ name: apiKeyNameSchema });
const revokeSchema = z.object({ id: apiKeyIdSchema });

export async function createApiKeyAction(_prev: ApiKeyFormState, form: FormData): Promise<ApiKeyFormState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Your session has ended. Sign in again to create an API key." };
  if (!hasApiAccess(viewer.tier)) {
    return {
      ok: false,
      message: `API access is part of ${TIER_LABELS[API_ACCESS_TIER]} and above. Upgrade to create a key.`,
    };
  }
  const parsed = createSchema.safeParse({ name: form.get("name") });
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  try {
    const { key, summary } = await createApiKey({
      db: getDb(),
      userId: viewer.id,
      name: parsed.data.name,
      by: "user",
    });
    revalidatePath("/account");
    return { ok: true, key, name: summary.name, message: "Copy the key now: it is not shown again." };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function revokeApiKeyAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, message: "Your session has ended. Sign in again to revoke a key." };
  const parsed = revokeSchema.safeParse({ id: form.get("id") });
  if (!parsed.success) return { ok: false, message: "That is not one of your keys." };
  try {
    const { key } = await revokeApiKey({ db: getDb(), id: parsed.data.id, userId: viewer.id, by: "user" });
    revalidatePath("/account");
    return { ok: true, message: `Revoked "${key.name}". Requests with it now fail.` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: "That is not one of your keys." };
    throw error;
  }
}
