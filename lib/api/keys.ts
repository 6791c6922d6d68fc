import "server-only";
import { lockKeys } from "@/lib/db/dialect";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import {
  countActiveApiKeys,
  getActiveApiKeyByHash,
  getApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey as revokeApiKeyRow,
  touchApiKey,
} from "@/lib/db/queries/api-keys";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/log";
import { API_KEYS_MAX, type Tier } from "@/lib/tiers";

const KEY_PREFIX = "pm_";
/** 32 random bytes = 256 bits, as 43 base64url characters. */
const KEY_BYTES = 32;
const KEY_PATTERN = /^pm_[A-Za-z0-9_-]{43}$/;
/** How many characters of a key its listing shows ("pm_" and six more: far too few to guess from). */
const SHOWN = KEY_PREFIX.length + 6;
const TOUCH_EVERY_MS = 60_000;

export const apiKeyNameSchema = z
  .string({ error: "Give the key a name." })
  .trim()
  .min(1, "Give the key a name, like the app that will use it.")
  .max(60, "Use at most 60 characters.");

export const apiKeyIdSchema = z.uuid({ error: "That is not a key id." });

/** What listings show of a key: never its hash. */
export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** Does this look like one of our keys at all? (Cheap, before any database work.) */
export const looksLikeApiKey = (value: string) => KEY_PATTERN.test(value);

/** A new key for a user. The key itself is returned once, here; only its hash is stored. */
export async function createApiKey({
  db,
  userId,
  name,
  by,
}: {
  db: Db;
  userId: string;
  name: string;
  /** Who asked: the user on /account, or an operator through the CLI (for the audit log). */
  by: "user" | "operator";
}): Promise<{ key: string; summary: ApiKeySummary }> {
  const cleanName = apiKeyNameSchema.parse(name);
  const key = `${KEY_PREFIX}${randomBytes(KEY_BYTES).toString("base64url")}`;
  const row = await db.transaction(
    async (tx) => {
      await lockKeys(tx, [`api-keys:${userId}`]);
      if ((await countActiveApiKeys({ db: tx, userId })) >= API_KEYS_MAX) {
        throw new AppError(
          "conflict",
          `You already have ${API_KEYS_MAX} API keys. Revoke one you no longer use, then create another.`,
        );
      }
      return await insertApiKey({
        db: tx,
        id: randomUUID(),
        userId,
        name: cleanName,
        keyHash: hashApiKey(key),
        prefix: `${key.slice(0, SHOWN)}…`,
      });
    },
    { behavior: "immediate" },
  );
  audit("api_key.created", { userId, keyId: row.id, by });
  return { key, summary: summarize(row) };
}

export async function listApiKeySummaries({
  db,
  userId,
}: {
  db: Db;
  userId: string;
}): Promise<ApiKeySummary[]> {
  return (await listApiKeys({ db, userId })).map(summarize);
}

/**
 * Revokes a key: the next request with it fails. Given `userId`, only that user's key (another
 * user's key id is "not found", not "forbidden"); without it, an operator's revoke of any key.
 */
export async function revokeApiKey({
  db,
  id,
  userId,
  by,
}: {
  db: Db;
  id: string;
  userId?: string;
  by: "user" | "operator";
}): Promise<{ revoked: boolean; key: ApiKeySummary }> {
  const row = await getApiKey({ db, id });
  if (!row || (userId && row.userId !== userId))
    throw new AppError("not_found", "There is no API key with that id.");
  const revoked = await revokeApiKeyRow({ db, id, userId });
  if (revoked) audit("api_key.revoked", { userId: row.userId, keyId: id, by });
  return { revoked, key: summarize((await getApiKey({ db, id })) ?? row) };
}

export type ApiCaller = { keyId: string; userId: string; tier: Tier };

/**
 * The caller a bearer key belongs to, or undefined for a key that is malformed, unknown or revoked.
 * Notes the use (at most once a minute per key). The owner's tier is read now, from the database.
 */
export async function verifyApiKey({
  db,
  key,
  now = new Date(),
}: {
  db: Db;
  key: string;
  now?: Date;
}): Promise<ApiCaller | undefined> {
  if (!looksLikeApiKey(key)) return undefined;
  const found = await getActiveApiKeyByHash({ db, keyHash: hashApiKey(key) });
  if (!found || found.owner.isGuest) return undefined;
  await touchApiKey({ db, id: found.key.id, at: now, every: TOUCH_EVERY_MS });
  return { keyId: found.key.id, userId: found.owner.id, tier: found.owner.tier };
}

function summarize(row: ApiKeySummary): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}
