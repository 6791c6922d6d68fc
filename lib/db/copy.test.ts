import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { copyDatabase, copyPlan, CopyError } from "./copy";
import { openPostgres, type PostgresHandle } from "./postgres-driver";
import { openSqlite, type SqliteHandle } from "./sqlite-driver";
import * as sqliteSchema from "./schema-sqlite";
import type { Db } from "./types";
import { POSTGRES_ONLY } from "@/testing/engine-only";

// An admin URL of a throwaway PostgreSQL (testing/postgres.sh start <dir> <port> prints one).
const admin = process.env.TEST_POSTGRES_URL?.trim();
const suite = admin ? describe : describe.skip;

/** The app's query modules, loaded for one engine (the schema is chosen when they are first imported). */
async function queries(engine: "sqlite" | "postgres", url?: string) {
  if (engine === "postgres") process.env.DATABASE_URL = url;
  else delete process.env.DATABASE_URL;
  vi.resetModules();
  return {
    users: await import("./queries/users"),
    tiers: await import("./queries/tiers"),
    sessions: await import("./queries/sessions"),
    codes: await import("./queries/codes"),
    failures: await import("./queries/window-events"),
    stripe: await import("./queries/stripe"),
    usage: await import("./queries/usage"),
    conversations: await import("./queries/conversations"),
    messages: await import("./queries/messages"),
    apiKeys: await import("./queries/api-keys"),
    favorites: await import("./queries/favorites"),
    personaUsage: await import("./queries/persona-usage"),
    reviews: await import("./queries/reviews"),
    shares: await import("./queries/shares"),
    settings: await import("./queries/settings"),
  };
}

let dir: string;
let file: string;
let target: string;
let dbName: string;
let closers: (() => unknown)[];

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-copy-"));
  file = path.join(dir, "app.db");
  closers = [];
  if (!admin) return;
  dbName = `copy_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  target = url.toString();
});

afterEach(async () => {
  for (const close of closers.reverse()) await close();
  delete process.env.DATABASE_URL;
  fs.rmSync(dir, { recursive: true, force: true });
  if (admin) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

function openSource(): SqliteHandle {
  const handle = openSqlite(file);
  closers.push(() => handle.sqlite.close());
  return handle;
}

async function openTarget(): Promise<PostgresHandle> {
  const handle = await openPostgres(target, { max: 2 });
  closers.push(() => handle.pool.end());
  return handle;
}

/** Writes a row into every table through the app's own query functions, on SQLite. */
/**
 * This round's tables (creators, moderation, versions, feedback) are copied by the plan like every
 * other, but the seed below does not fill them yet, so their rows are not compared: still to do.
 */
const NOT_SEEDED_YET = new Set([
  "persona_versions",
  "conversation_version_changes",
  "reply_feedback",
  "persona_api_calls",
  "persona_check_runs",
  "creators",
  "creator_drafts",
  "creator_submissions",
  "creator_personas",
  "creator_pictures",
  "user_roles",
  "role_changes",
  "moderation_events",
  "persona_reports",
]);

async function seed(db: Db) {
  const q = await queries("sqlite");
  const alice = (await q.users.createUser({
    db,
    email: "alice@example.com",
    passwordHash: "hash",
    name: "Alice",
  }))!;
  const bob = (await q.users.createOAuthUser({
    db,
    email: "bob@example.com",
    name: null,
    provider: "github",
    providerAccountId: "gh-1",
  }))!;
  const guest = await q.users.createGuestUser({ db });
  await q.tiers.setUserTier({ db, userId: alice.id, tier: "pro", source: "code", reference: "c1" });
  await q.tiers.setUserTier({ db, userId: alice.id, tier: "max", source: "stripe", reference: "evt_1" });
  const session = await q.sessions.createSession({ db, userId: alice.id, version: 0, maxAgeMs: 3_600_000 });
  await q.codes.insertRedeemCodes({
    db,
    codes: [
      { codeHash: "h1", hint: "AB12", tier: "pro", expiresAt: null },
      { codeHash: "h2", hint: "CD34", tier: "max", expiresAt: new Date(Date.now() + 86_400_000) },
    ],
  });
  await q.codes.claimRedeemCode({ db, codeHash: "h1", userId: alice.id });
  await q.failures.recordWindowEvents({ db, keys: ["email:x@example.com", "ip:1.2.3.4"], at: new Date() });
  await q.stripe.recordStripeEvent({ db, id: "evt_1", type: "customer.subscription.updated" });
  await q.stripe.setStripeCustomerId({ db, userId: alice.id, customerId: "cus_1" });
  await q.stripe.saveStripeSubscription({
    db,
    state: {
      customerId: "cus_1",
      subscriptionId: "sub_1",
      status: "active",
      tier: "max",
      eventCreated: 1_700_000_000,
    },
  });
  await q.usage.addDailyUsage({ db, userId: alice.id, day: "2026-12-01", count: 3 });
  const conversation = await q.conversations.createConversation({
    db,
    userId: alice.id,
    personaId: "writer",
    title: "Drafts",
    greeting: "Hello",
  });
  // Many messages written within the same milliseconds: only the write order can order them.
  for (let i = 0; i < 40; i++)
    await q.messages.insertMessage({
      db,
      conversationId: conversation.id,
      role: i % 2 ? "assistant" : "user",
      content: `message ${i}`,
      status: i === 39 ? "interrupted" : "complete",
    });
  await q.conversations.createConversation({
    db,
    userId: bob.id,
    personaId: "coder",
    title: "Bugs",
    greeting: "Hi",
  });
  await q.apiKeys.insertApiKey({
    db,
    id: "key1",
    userId: alice.id,
    name: "laptop",
    keyHash: "kh1",
    prefix: "pm_ab",
  });
  await q.favorites.addFavorite({ db, userId: alice.id, personaId: "writer" });
  await q.personaUsage.recordPersonaUse({ db, personaId: "writer", day: "2026-12-01", actorHash: "a1" });
  const review = await q.reviews.upsertReview({
    db,
    userId: alice.id,
    personaId: "writer",
    rating: 4,
    body: "Good",
    personaVersion: "1.0.0",
  });
  await q.reviews.addHelpfulVote({ db, reviewId: review.id, userId: bob.id });
  await q.reviews.addReport({ db, reviewId: review.id, userId: guest.id, reason: "spam" });
  await q.shares.replaceShare({
    db,
    conversationId: conversation.id,
    tokenHash: "t1",
    sharedUntil: new Date(),
    pathIds: [],
  });
  await q.settings.writeSettingOnce({ db, key: "something", value: "kept" });
  return { alice, bob, guest, session, conversation, review };
}

/** Every row of every table, as the app sees it (JavaScript values), in a stable order. */
async function dump(db: Db, tables: Record<string, unknown>) {
  const out: Record<string, unknown[]> = {};
  for (const { name } of copyPlan()) {
    const key = Object.keys(sqliteSchema).find(
      (k) => (sqliteSchema as Record<string, unknown>)[k] === copyPlan().find((p) => p.name === name)!.sqlite,
    )!;
    const rows = (await db.select().from(tables[key] as typeof sqliteSchema.users)) as Record<
      string,
      unknown
    >[];
    const plain = rows.map((row) => {
      const { seq, ...rest } = row;
      void seq;
      return rest;
    });
    out[name] = name === "messages" ? plain : plain.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

suite(`db:copy from SQLite to PostgreSQL ${POSTGRES_ONLY}`, () => {
  it("copies every table; the app reads the same users, sessions, tiers and messages in order", async () => {
    const source = openSource();
    fs.writeFileSync(path.join(dir, "auth-secret"), "s".repeat(48) + "\n");
    const seeded = await seed(source.db);
    const q = await queries("sqlite");
    const before = {
      messages: await q.messages.listMessages({ db: source.db, conversationId: seeded.conversation.id }),
      tiers: await q.tiers.listTierChanges({ db: source.db, userId: seeded.alice.id }),
      dump: await dump(source.db, sqliteSchema),
    };

    const result = await copyDatabase({ from: file, to: target });
    const counts = Object.fromEntries(result.tables.map((t) => [t.name, t.rows]));
    expect(Object.keys(counts).sort()).toEqual(
      copyPlan()
        .map((p) => p.name)
        .sort(),
    );
    for (const [name, n] of Object.entries(counts))
      if (!NOT_SEEDED_YET.has(name)) expect(n, name).toBeGreaterThan(0);
    expect(counts.messages).toBe(42); // two greetings and 40
    expect(result.authSecret).toBe("copied");

    const pgSchema = await import("./schema-pg");
    const handle = await openTarget();
    const p = await queries("postgres", target);
    const copied = await dump(handle.db, pgSchema);
    // The secret from the auth-secret file is the one row the source's tables did not have.
    copied.app_settings = copied.app_settings!.filter((r) => !String(r).includes('"auth_secret"'));
    expect(copied).toEqual(before.dump);
    const after = await p.messages.listMessages({ db: handle.db, conversationId: seeded.conversation.id });
    expect(after.map((m) => m.content)).toEqual(before.messages.map((m) => m.content));
    expect(after).toEqual(before.messages.map((m) => ({ ...m, seq: expect.any(Number) })));
    expect(await p.tiers.listTierChanges({ db: handle.db, userId: seeded.alice.id })).toEqual(before.tiers);
    expect(
      await p.users.getUserByAccount({ db: handle.db, provider: "github", providerAccountId: "gh-1" }),
    ).toEqual(seeded.bob);
    const live = await p.sessions.getLiveSession({
      db: handle.db,
      id: seeded.session.id,
      userId: seeded.alice.id,
    });
    expect(live?.user.tier).toBe("max");
    expect(await p.settings.readSetting({ db: handle.db, key: "auth_secret" })).toBe("s".repeat(48));
    expect(await p.settings.readSetting({ db: handle.db, key: "something" })).toBe("kept");

    // Sequences continue after the copied rows: a new message sorts last, a new tier change gets a new id.
    const added = await p.messages.insertMessage({
      db: handle.db,
      conversationId: seeded.conversation.id,
      role: "user",
      content: "after the move",
    });
    const list = await p.messages.listMessages({ db: handle.db, conversationId: seeded.conversation.id });
    expect(list.at(-1)?.id).toBe(added.id);
    await p.tiers.setUserTier({ db: handle.db, userId: seeded.alice.id, tier: "free", source: "operator" });
    expect((await p.tiers.listTierChanges({ db: handle.db, userId: seeded.alice.id })).length).toBe(3);
    await p.failures.recordWindowEvents({ db: handle.db, keys: ["email:y@example.com"], at: new Date() });
  });

  it("refuses a target that has data, and --replace copies over it", async () => {
    const source = openSource();
    await seed(source.db);
    await copyDatabase({ from: file, to: target });
    const refusal = await copyDatabase({ from: file, to: target }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CopyError);
    expect((refusal as CopyError).refused).toBe(true);
    expect((refusal as Error).message).toMatch(/already has data: users \(3\)/);
    const again = await copyDatabase({ from: file, to: target, replace: true });
    expect(again.tables.find((t) => t.name === "users")?.rows).toBe(3);
    const handle = await openTarget();
    const { rows } = await handle.pool.query("SELECT count(*)::int AS n FROM users");
    expect(rows[0].n).toBe(3);
  });

  it("names the table when the source has one the copy does not know", async () => {
    const source = openSource();
    source.sqlite.exec("CREATE TABLE extra_things (id INTEGER PRIMARY KEY)");
    await expect(copyDatabase({ from: file, to: target })).rejects.toThrow(/table extra_things/);
  });

  it("says which server cannot be reached", async () => {
    openSource();
    await expect(copyDatabase({ from: file, to: "postgres://nobody@127.0.0.1:1/none" })).rejects.toThrow(
      /cannot connect to postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
    );
  });

  it("the command prints counts per table; bad usage exits 2", () => {
    openSource();
    const run = (...args: string[]) =>
      spawnSync(
        "npx",
        ["tsx", "--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/db-copy.ts", ...args],
        { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
      );
    const first = run("--from", file, "--to", target);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^users\s+0$/m);
    expect(first.stdout).toMatch(/^messages\s+0$/m);
    const usage = run("--from", file);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--to/);
    const badUrl = run("--from", file, "--to", "http://127.0.0.1/db");
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toMatch(/--to must be a URL like postgres:/);
    const withData = run("--from", file, "--to", target);
    expect(withData.status).toBe(0); // the source was empty: the target still is
  }, 60_000);
});

describe("db:copy plan", () => {
  it("covers every table of the schema, each after the tables it references", () => {
    const names = copyPlan().map((p) => p.name);
    expect(names.length).toBe(
      Object.values(sqliteSchema).filter((t) => typeof t === "object" && "getSQL" in t).length,
    );
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("conversations"));
    expect(names.indexOf("conversations")).toBeLessThan(names.indexOf("messages"));
    expect(names.indexOf("reviews")).toBeLessThan(names.indexOf("review_votes"));
  });
});
