import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createUser } from "@/lib/db/queries/users";
import { apiKeys, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { API_KEYS_MAX } from "@/lib/tiers";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { createApiKey, hashApiKey, listApiKeySummaries, revokeApiKey, verifyApiKey } from "./keys";

let database: TestDatabase;
let db: Db;
const events: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  vi.spyOn(log, "info").mockImplementation(
    ((fields: Record<string, unknown>) => void events.push(fields)) as never,
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await database.close();
});

let seq = 0;
async function user(tier: "free" | "pro" | "max" = "pro") {
  const created = (await createUser({ db, email: `keys-${++seq}@example.com`, passwordHash: null }))!;
  await db.update(users).set({ tier }).where(eq(users.id, created.id));
  return created.id;
}

describe("API keys", () => {
  it("are pm_ and 256 random bits (base64url), different every time, shown once and stored only as a hash", async () => {
    const userId = await user();
    const made = await Promise.all(
      Array.from(
        { length: 5 },
        async (_, i) => await createApiKey({ db, userId, name: `k${i}`, by: "user" }),
      ),
    );
    for (const { key, summary } of made) {
      expect(key).toMatch(/^pm_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key.slice(3), "base64url")).toHaveLength(32);
      expect(summary.prefix).toBe(`${key.slice(0, 9)}…`);
      expect(summary).not.toHaveProperty("keyHash");
    }
    expect(new Set(made.map((m) => m.key)).size).toBe(5);
    const rows = await db.select().from(apiKeys).where(eq(apiKeys.userId, userId));
    const dump = JSON.stringify(rows);
    for (const { key } of made) {
      expect(dump).not.toContain(key.slice(9)); // nothing past the shown prefix is kept
      expect(rows.some((r) => r.keyHash === hashApiKey(key))).toBe(true);
    }
  });

  it("verify gives the owner and their tier as it is now, and notes the first use", async () => {
    const userId = await user("pro");
    const { key, summary } = await createApiKey({ db, userId, name: "ci", by: "user" });
    expect(summary.lastUsedAt).toBeNull();
    const at = new Date("2026-03-01T10:00:00Z");
    expect(await verifyApiKey({ db, key, now: at })).toEqual({ keyId: summary.id, userId, tier: "pro" });
    expect((await listApiKeySummaries({ db, userId }))[0]!.lastUsedAt).toEqual(at);
    // Within a minute, no write; after it, the time moves on.
    await verifyApiKey({ db, key, now: new Date(at.getTime() + 30_000) });
    expect((await listApiKeySummaries({ db, userId }))[0]!.lastUsedAt).toEqual(at);
    const later = new Date(at.getTime() + 120_000);
    await verifyApiKey({ db, key, now: later });
    expect((await listApiKeySummaries({ db, userId }))[0]!.lastUsedAt).toEqual(later);
    await db.update(users).set({ tier: "free" }).where(eq(users.id, userId));
    expect((await verifyApiKey({ db, key }))?.tier).toBe("free");
  });

  it("verify refuses what is not a live key of ours", async () => {
    const userId = await user();
    const { key } = await createApiKey({ db, userId, name: "x", by: "user" });
    const flipped = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const bad of [
      flipped,
      key.slice(0, -1),
      `${key}x`,
      key.toUpperCase(),
      "",
      "pm_",
      ` ${key}`,
      hashApiKey(key),
    ]) {
      expect(await verifyApiKey({ db, key: bad })).toBeUndefined();
    }
  });

  it("revoke ends a key at once, once; the listing keeps it, marked", async () => {
    const userId = await user();
    const { key, summary } = await createApiKey({ db, userId, name: "old laptop", by: "user" });
    expect(await verifyApiKey({ db, key })).toBeDefined();
    const first = await revokeApiKey({ db, id: summary.id, userId, by: "user" });
    expect(first.revoked).toBe(true);
    expect(first.key.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey({ db, key })).toBeUndefined();
    expect((await revokeApiKey({ db, id: summary.id, userId, by: "user" })).revoked).toBe(false);
    expect((await listApiKeySummaries({ db, userId })).map((k) => [k.name, k.revokedAt !== null])).toEqual([
      ["old laptop", true],
    ]);
  });

  it("a user cannot revoke (or learn of) another user's key; an operator can revoke any", async () => {
    const owner = await user();
    const other = await user();
    const { key, summary } = await createApiKey({ db, userId: owner, name: "mine", by: "user" });
    await expect(
      (async () => await revokeApiKey({ db, id: summary.id, userId: other, by: "user" }))(),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
    expect(await verifyApiKey({ db, key })).toBeDefined();
    expect(await listApiKeySummaries({ db, userId: other })).toEqual([]);
    expect((await revokeApiKey({ db, id: summary.id, by: "operator" })).revoked).toBe(true);
    expect(await verifyApiKey({ db, key })).toBeUndefined();
  });

  it(`holds at most ${API_KEYS_MAX} live keys per account; revoking one makes room`, async () => {
    const userId = await user();
    const made = await Promise.all(
      Array.from(
        { length: API_KEYS_MAX },
        async (_, i) => await createApiKey({ db, userId, name: `k${i}`, by: "user" }),
      ),
    );
    let error: unknown;
    try {
      await createApiKey({ db, userId, name: "one more", by: "user" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    await revokeApiKey({ db, id: made[0]!.summary.id, userId, by: "user" });
    expect((await createApiKey({ db, userId, name: "one more", by: "user" })).key).toMatch(/^pm_/);
  });

  it("names are trimmed, required and at most 60 characters", async () => {
    const userId = await user();
    expect((await createApiKey({ db, userId, name: "  my app  ", by: "user" })).summary.name).toBe("my app");
    await expect(
      (async () => await createApiKey({ db, userId, name: "   ", by: "user" }))(),
    ).rejects.toThrow();
    await expect(
      (async () => await createApiKey({ db, userId, name: "x".repeat(61), by: "user" }))(),
    ).rejects.toThrow();
  });

  it("creating and revoking are audit events with ids, never the key", async () => {
    events.length = 0;
    const userId = await user();
    const { key, summary } = await createApiKey({ db, userId, name: "audited", by: "operator" });
    await revokeApiKey({ db, id: summary.id, userId, by: "user" });
    expect(events).toEqual([
      expect.objectContaining({ event: "api_key.created", userId, keyId: summary.id, by: "operator" }),
      expect.objectContaining({ event: "api_key.revoked", userId, keyId: summary.id, by: "user" }),
    ]);
    expect(JSON.stringify(events)).not.toContain(key.slice(9));
  });

  it("go with their account", async () => {
    const userId = await user();
    const { key } = await createApiKey({ db, userId, name: "x", by: "user" });
    await db.delete(users).where(eq(users.id, userId));
    expect(await verifyApiKey({ db, key })).toBeUndefined();
    expect(await listApiKeySummaries({ db, userId })).toEqual([]);
  });
});
