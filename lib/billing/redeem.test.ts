import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { setUserTier } from "@/lib/db/queries/tiers";
import { createUser } from "@/lib/db/queries/users";
import { redeemCodes, tierChanges, users } from "@/lib/db/schema";
import type { Tier } from "@/lib/tiers";
import { canonicalCode, generateCode, hashCode } from "./codes";
import { createCodes, redeemCode, type RedeemResult } from "./redeem";

let database: TestDatabase;
let db: Db;
const closers: (() => Promise<void>)[] = [];

async function open(): Promise<Db> {
  const other = await database.connect();
  closers.push(other.close);
  return other.db;
}

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await database.close();
});

let seq = 0;
async function addUser(tier: Tier = "free"): Promise<string> {
  const user = (await createUser({ db, email: `redeem-${++seq}@example.com`, passwordHash: null }))!;
  if (tier !== "free") await setUserTier({ db, userId: user.id, tier, source: "operator" });
  return user.id;
}

async function newCode(tier: Tier = "pro", days?: number, now?: Date): Promise<string> {
  return (await createCodes({ db, tier, count: 1, days, now })).codes[0]!;
}

const userRow = async (id: string) =>
  (await db
    .select()
    .from(users)
    .where(eq(users.id, id))
    .then((rows) => rows[0]))!;
const codeRow = async (code: string) =>
  (await db
    .select()
    .from(redeemCodes)
    .where(eq(redeemCodes.codeHash, hashCode(code)))
    .then((rows) => rows[0]))!;
const changesOf = async (id: string) => await db.select().from(tierChanges).where(eq(tierChanges.userId, id));

describe("createCodes", () => {
  it("stores only hashes, with a hint, the tier and the expiry", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const { codes, expiresAt } = await createCodes({ db, tier: "max", count: 3, days: 30, now });
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect(expiresAt?.toISOString()).toBe("2030-01-31T00:00:00.000Z");
    const rows = await db.select().from(redeemCodes);
    expect(rows).toHaveLength(3);
    for (const code of codes) {
      const row = await codeRow(code);
      expect(row).toMatchObject({ tier: "max", redeemedAt: null, redeemedBy: null });
      expect(row.expiresAt?.toISOString()).toBe("2030-01-31T00:00:00.000Z");
      expect(row.hint).toBe(`${code.slice(0, 7)}…`);
      expect(JSON.stringify(row)).not.toContain(canonicalCode(code));
    }
  });

  it("without days, a code never expires", async () => {
    const code = await newCode("pro");
    expect((await codeRow(code)).expiresAt).toBeNull();
    expect(
      await redeemCode({ db, userId: await addUser(), code, now: new Date("2999-01-01") }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("redeemCode", () => {
  it("refuses an unknown code", async () => {
    const userId = await addUser();
    expect(await redeemCode({ db, userId, code: generateCode() })).toEqual({
      ok: false,
      reason: "unknown",
      message: "That code doesn't exist. Check it for typos.",
    });
    expect((await userRow(userId)).tier).toBe("free");
  });

  it("success: the tier, its source and time, one tier_changes row, and the code marked used by this user", async () => {
    const userId = await addUser();
    const code = await newCode("pro");
    const before = Date.now();
    expect(await redeemCode({ db, userId, code })).toEqual({
      ok: true,
      tier: "pro",
      message: "Code redeemed: you now have Pro.",
    });
    const user = await userRow(userId);
    expect(user).toMatchObject({ tier: "pro", tierSource: "code" });
    expect(user.tierSince.getTime()).toBeGreaterThanOrEqual(before);
    const changes = await changesOf(userId);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      fromTier: "free",
      toTier: "pro",
      source: "code",
      reference: (await codeRow(code)).hint,
    });
    expect(await codeRow(code)).toMatchObject({ redeemedBy: userId });
    expect((await codeRow(code)).redeemedAt).toBeInstanceOf(Date);
  });

  it("a code already used is refused, for anyone, and stays with its first user", async () => {
    const first = await addUser();
    const second = await addUser();
    const code = await newCode("pro");
    expect((await redeemCode({ db, userId: first, code })).ok).toBe(true);
    const used = { ok: false, reason: "used", message: "That code has already been used." };
    expect(await redeemCode({ db, userId: second, code })).toEqual(used);
    expect(await redeemCode({ db, userId: first, code })).toMatchObject({ ok: false });
    expect((await userRow(second)).tier).toBe("free");
    expect(await changesOf(second)).toHaveLength(0);
    expect((await codeRow(code)).redeemedBy).toBe(first);
  });

  it("an expired code is refused and left unused; until its expiry it works", async () => {
    const created = new Date("2030-01-01T00:00:00Z");
    const code = await newCode("pro", 1, created);
    const expiry = new Date("2030-01-02T00:00:00Z");
    const userId = await addUser();
    expect(await redeemCode({ db, userId, code, now: new Date(expiry.getTime() + 86_400_000) })).toEqual({
      ok: false,
      reason: "expired",
      message: "That code expired on 2030-01-02.",
    });
    // The expiry instant itself is already too late.
    expect(await redeemCode({ db, userId, code, now: expiry })).toMatchObject({
      ok: false,
      reason: "expired",
    });
    expect((await codeRow(code)).redeemedAt).toBeNull();
    expect((await userRow(userId)).tier).toBe("free");
    expect(await redeemCode({ db, userId, code, now: new Date(expiry.getTime() - 1) })).toMatchObject({
      ok: true,
      tier: "pro",
    });
  });

  it("never lowers a tier: a Pro code on a Max account is refused and stays unused", async () => {
    const maxUser = await addUser("max");
    const code = await newCode("pro");
    const result = await redeemCode({ db, userId: maxUser, code });
    expect(result).toMatchObject({ ok: false, reason: "not_higher" });
    expect(result.message).toBe(
      "Your Max tier already includes Pro. The code was not used: pass it on to someone else.",
    );
    expect(await userRow(maxUser)).toMatchObject({ tier: "max", tierSource: "operator" });
    expect(await codeRow(code)).toMatchObject({ redeemedAt: null, redeemedBy: null });
    expect(await changesOf(maxUser)).toHaveLength(1); // only the grant from the setup
  });

  it("is not spent on the tier already held, so someone else can still use it", async () => {
    const proUser = await addUser("pro");
    const code = await newCode("pro");
    expect(await redeemCode({ db, userId: proUser, code })).toMatchObject({
      ok: false,
      reason: "not_higher",
    });
    expect((await codeRow(code)).redeemedAt).toBeNull();
    const freeUser = await addUser();
    expect(await redeemCode({ db, userId: freeUser, code })).toMatchObject({ ok: true, tier: "pro" });
  });

  it("raises Pro to Max", async () => {
    const userId = await addUser("pro");
    expect(await redeemCode({ db, userId, code: await newCode("max") })).toMatchObject({
      ok: true,
      tier: "max",
    });
    expect(await userRow(userId)).toMatchObject({ tier: "max", tierSource: "code" });
    expect((await changesOf(userId)).map((c) => `${c.fromTier}->${c.toTier}`).sort()).toEqual([
      "free->pro",
      "pro->max",
    ]);
  });

  it("refuses a user that does not exist and leaves the code unused", async () => {
    const code = await newCode("pro");
    expect(await redeemCode({ db, userId: "no-such-user", code })).toMatchObject({
      ok: false,
      reason: "no_user",
    });
    expect((await codeRow(code)).redeemedAt).toBeNull();
  });

  it.each([
    ["lower case", (c: string) => c.toLowerCase()],
    ["no dashes", (c: string) => c.replace(/-/g, "")],
    ["no prefix", (c: string) => c.slice(3)],
    ["spaces instead of dashes", (c: string) => c.replace(/-/g, " ")],
    ["padded, lower case, without dashes", (c: string) => `  ${c.toLowerCase().replace(/-/g, "")}  `],
  ])("accepts the code typed with %s", async (_, typed) => {
    const userId = await addUser();
    const code = await newCode("pro");
    expect(await redeemCode({ db, userId, code: typed(code) })).toMatchObject({ ok: true, tier: "pro" });
    expect((await codeRow(code)).redeemedBy).toBe(userId);
  });

  it("two connections redeeming one code for two users: exactly one wins", async () => {
    const other = await open();
    const a = await addUser();
    const b = await addUser();
    const code = await newCode("pro");
    const results = [
      await redeemCode({ db, userId: a, code }),
      await redeemCode({ db: other, userId: b, code }),
    ];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results[1]).toMatchObject({ ok: false, reason: "used" });
    // Each connection sees the same single winner.
    for (const conn of [db, other]) {
      const row = (await conn
        .select()
        .from(redeemCodes)
        .where(eq(redeemCodes.codeHash, hashCode(code)))
        .then((rows) => rows[0]))!;
      expect(row.redeemedBy).toBe(a);
      expect((await conn.select().from(users).where(eq(users.tier, "pro"))).map((u) => u.id)).toEqual([a]);
      expect(await conn.select().from(tierChanges)).toHaveLength(1);
    }
  });

  it("processes racing to redeem one code for different users: exactly one wins", async () => {
    // Each process pays tsx's start-up (seconds on a busy machine): four are enough to race.
    const count = 4;
    const userIds = await Promise.all(Array.from({ length: count }, async () => await addUser()));
    const code = await newCode("pro");
    const results = await redeemInProcesses(userIds, code);
    expect(results.filter((r) => "ok" in r && r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !("ok" in r && r.ok));
    expect(losers).toHaveLength(count - 1);
    for (const r of losers) expect(r).toMatchObject({ ok: false, reason: "used" });
    const winner = userIds[results.findIndex((r) => "ok" in r && r.ok)]!;
    expect((await codeRow(code)).redeemedBy).toBe(winner);
    expect((await db.select().from(users).where(eq(users.tier, "pro"))).map((u) => u.id)).toEqual([winner]);
    expect(await db.select().from(tierChanges)).toHaveLength(1);
  }, 120_000);
});

type WorkerOutput = RedeemResult | { error: string };

/** One process per user on the same database; all say ready, then all are released at once. */
async function redeemInProcesses(userIds: string[], code: string): Promise<WorkerOutput[]> {
  const worker = path.resolve(import.meta.dirname, "../../testing/redeem-code-worker.ts");
  const children = userIds.map((userId) =>
    spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, userId, code], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, ...database.env },
      stdio: ["pipe", "pipe", "inherit"],
    }),
  );
  try {
    const lines = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
    const next = async (i: number) => {
      const line = await lines[i]!.next();
      if (line.done) throw new Error(`worker ${i} exited early`);
      return line.value;
    };
    await Promise.all(children.map(async (_, i) => expect(await next(i)).toBe("ready")));
    for (const child of children) child.stdin.write("go\n");
    const outputs = await Promise.all(children.map((_, i) => next(i)));
    return outputs.map((line) => JSON.parse(line) as WorkerOutput);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}
