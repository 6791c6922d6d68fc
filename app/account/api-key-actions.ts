"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiKeyIdSchema, apiKeyNameSchema, createApiKey, revokeApiKey } from "@/lib/api/keys";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { action, type ActionState } from "@/lib/auth/action";
import { API_ACCESS_TIER, hasApiAccess, TIER_LABELS } from "@/lib/tiers";

/** A new key comes back in `key`, this once; it is never readable again. */
export type ApiKeyFormState = ActionState & { key?: string; name?: string };

const createSchema = z.object({ name: apiKeyNameSchema });
const revokeSchema = z.object({ id: apiKeyIdSchema });

export const createApiKeyAction = action(
  {
    viewer: { signedOut: "Your session has ended. Sign in again to create an API key." },
    schema: createSchema,
  },
  async ({ input, viewer }): Promise<ApiKeyFormState> => {
    if (!hasApiAccess(viewer.tier)) {
      throw new AppError(
        "forbidden",
        `API access is part of ${TIER_LABELS[API_ACCESS_TIER]} and above. Upgrade to create a key.`,
      );
    }
    const { key, summary } = await createApiKey({
      db: getDb(),
      userId: viewer.id,
      name: input.name,
      by: "user",
    });
    revalidatePath("/account");
    return { ok: true, key, name: summary.name, message: "Copy the key now: it is not shown again." };
  },
);

export const revokeApiKeyAction = action(
  {
    viewer: { signedOut: "Your session has ended. Sign in again to revoke a key." },
    schema: revokeSchema,
    invalid: "That is not one of your keys.",
  },
  async ({ input, viewer }): Promise<ActionState> => {
    try {
      const { key } = await revokeApiKey({ db: getDb(), id: input.id, userId: viewer.id, by: "user" });
      revalidatePath("/account");
      return { ok: true, message: `Revoked "${key.name}". Requests with it now fail.` };
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, "That is not one of your keys.");
      throw error;
    }
  },
);
