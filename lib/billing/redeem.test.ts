import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/db/client";
import { setUserTier } from "@/lib/db/queries/tiers";
import { createUser } from "@/lib/db/queries/users";
import { redeemCodes, tierChanges, users } from "@/lib/db/schema";
import type { Tier } from "@/lib/personas/schema";
import { canonicalCode, generateCode, hashCode } from "./codes";
import { createCodes, redeemCode, type RedeemResult } from "./redeem";

let dir: string;
let file: string;
let db: Db;
const closers: (() => void)[] = [];

function open(): Db {
  const opened = openDatabase(file);
  closers.push(() => opened.sqlite.close());
  return opened.db;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "redeem-"));
  file = path.join(dir, "test.db");
  db = open();
});

afterEach(() => {
  for (const close of closers.splice(0)) close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function addUser(tier: Tier = "free"): string {
  const user = createUser({ db, email: `redeem-${++seq}@example.com`, passwordHash: null })!;
  if (tier !== "free") setUserTier({ db, userId: user.id, tier, source: "operator" });
  return user.id;
}

function newCode(tier: Tier = "pro", days?: number, now?: Date): string {
  return createCodes({ db, tier, count: 1, days, now }).codes[0]!;
}

const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!;
const codeRow = (code: string) =>
  db
    .select()
    .from(redeemCodes)
    .where(eq(redeemCodes.codeHash, hashCode(code)))
    .get()!;
const changesOf = (id: string) => db.select().from(tierChanges).where(eq(tierChanges.userId, id)).all();

describe("createCodes", () => {
  it("stores only hashes, with a hint, the tier and the expiry", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const { codes, expiresAt } = createCodes({ db, tier: "max", count: 3, days: 30, now });
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    expect(expiresAt?.toISOString()).toBe("2030-01-31T00:00:00.000Z");
    const rows = db.select().from(redeemCodes).all();
    expect(rows).toHaveLength(3);
    for (const code of codes) {
      const row = codeRow(code);
      expect(row).toMatchObject({ tier: "max", redeemedAt: null, redeemedBy: null });
      expect(row.expiresAt?.toISOString()).toBe("2030-01-31T00:00:00.000Z");
      expect(row.hint).toBe(`${code.slice(0, 7)}…`);
      expect(JSON.stringify(row)).not.toContain(canonicalCode(code));
    }
  });

  it("without days, a code never expires", () => {
    const code = newCode("pro");
    expect(codeRow(code).expiresAt).toBeNull();
    expect(redeemCode({ db, userId: addUser(), code, now: new Date("2999-01-01") })).toMatchObject({
      ok: true,
    });
  });
});

describe("redeemCode", () => {
  it("refuses an unknown code", () => {
    const userId = addUser();
    expect(redeemCode({ db, userId, code: generateCode() })).toEqual({
      ok: false,
      reason: "unknown",
      message: "That code doesn't exist. Check it for typos.",
    });
    expect(userRow(userId).tier).toBe("free");
  });

  it("success: the tier, its source and time, one tier_changes row, and the code marked used by this user", () => {
    const userId = addUser();
    const code = newCode("pro");
    const before = Date.now();
    expect(redeemCode({ db, userId, code })).toEqual({
      ok: true,
      tier: "pro",
      message: "Code redeemed: you now have Pro.",
    });
    const user = userRow(userId);
    expect(user).toMatchObject({ tier: "pro", tierSource: "code" });
    expect(user.tierSince.getTime()).toBeGreaterThanOrEqual(before);
    const changes = changesOf(userId);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      fromTier: "free",
      toTier: "pro",
      source: "code",
      reference: codeRow(code).hint,
    });
    expect(codeRow(code)).toMatchObject({ redeemedBy: userId });
    expect(codeRow(code).redeemedAt).toBeInstanceOf(Date);
  });

  it("a code already used is refused, for anyone, and stays with its first user", () => {
    const first = addUser();
    const second = addUser();
    const code = newCode("pro");
    expect(redeemCode({ db, userId: first, code }).ok).toBe(true);
    const used = { ok: false, reason: "used", message: "That code has already been used." };
    expect(redeemCode({ db, userId: second, code })).toEqual(used);
    expect(redeemCode({ db, userId: first, code })).toMatchObject({ ok: false });
    expect(userRow(second).tier).toBe("free");
    expect(changesOf(second)).toHaveLength(0);
    expect(codeRow(code).redeemedBy).toBe(first);
  });

  it("an expired code is refused and left unused; until its expiry it works", () => {
    const created = new Date("2030-01-01T00:00:00Z");
    const code = newCode("pro", 1, created);
    const expiry = new Date("2030-01-02T00:00:00Z");
    const userId = addUser();
    expect(redeemCode({ db, userId, code, now: new Date(expiry.getTime() + 86_400_000) })).toEqual({
      ok: false,
      reason: "expired",
      message: "That code expired on 2030-01-02.",
    });
    // The expiry instant itself is already too late.
    expect(redeemCode({ db, userId, code, now: expiry })).toMatchObject({ ok: false, reason: "expired" });
    expect(codeRow(code).redeemedAt).toBeNull();
    expect(userRow(userId).tier).toBe("free");
    expect(redeemCode({ db, userId, code, now: new Date(expiry.getTime() - 1) })).toMatchObject({
      ok: true,
      tier: "pro",
    });
  });

  it("never lowers a tier: a Pro code on a Max account is refused and stays unused", () => {
    const maxUser = addUser("max");
    const code = newCode("pro");
    const result = redeemCode({ db, userId: maxUser, code });
    expect(result).toMatchObject({ ok: false, reason: "not_higher" });
    expect(result.message).toBe(
      "Your Max tier already includes Pro. The code was not used: pass it on to someone else.",
    );
    expect(userRow(maxUser)).toMatchObject({ tier: "max", tierSource: "operator" });
    expect(codeRow(code)).toMatchObject({ redeemedAt: null, redeemedBy: null });
    expect(changesOf(maxUser)).toHaveLength(1); // only the grant from the setup
  });

  it("is not spent on the tier already held, so someone else can still use it", () => {
    const proUser = addUser("pro");
    const code = newCode("pro");
    expect(redeemCode({ db, userId: proUser, code })).toMatchObject({ ok: false, reason: "not_higher" });
    expect(codeRow(code).redeemedAt).toBeNull();
    const freeUser = addUser();
    expect(redeemCode({ db, userId: freeUser, code })).toMatchObject({ ok: true, tier: "pro" });
  });

  it("raises Pro to Max", () => {
    const userId = addUser("pro");
    expect(redeemCode({ db, userId, code: newCode("max") })).toMatchObject({ ok: true, tier: "max" });
    expect(userRow(userId)).toMatchObject({ tier: "max", tierSource: "code" });
    expect(
      changesOf(userId)
        .map((c) => `${c.fromTier}->${c.toTier}`)
        .sort(),
    ).toEqual(["free->pro", "pro->max"]);
  });

  it("refuses a user that does not exist and leaves the code unused", () => {
    const code = newCode("pro");
    expect(redeemCode({ db, userId: "no-such-user", code })).toMatchObject({ ok: false, reason: "no_user" });
    expect(codeRow(code).redeemedAt).toBeNull();
  });

  it.each([
    ["lower case", (c: string) => c.toLowerCase()],
    ["no dashes", (c: string) => c.replace(/-/g, "")],
    ["no prefix", (c: string) => c.slice(3)],
    ["spaces instead of dashes", (c: string) => c.replace(/-/g, " ")],
    ["padded, lower case, without dashes", (c: string) => `  ${c.toLowerCase().replace(/-/g, "")}  `],
  ])("accepts the code typed with %s", (_, typed) => {
    const userId = addUser();
    const code = newCode("pro");
    expect(redeemCode({ db, userId, code: typed(code) })).toMatchObject({ ok: true, tier: "pro" });
    expect(codeRow(code).redeemedBy).toBe(userId);
  });

  it("two connections redeeming one code for two users: exactly one wins", () => {
    const other = open();
    const a = addUser();
    const b = addUser();
    const code = newCode("pro");
    const results = [redeemCode({ db, userId: a, code }), redeemCode({ db: other, userId: b, code })];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results[1]).toMatchObject({ ok: false, reason: "used" });
    // Each connection sees the same single winner.
    for (const conn of [db, other]) {
      const row = conn
        .select()
        .from(redeemCodes)
        .where(eq(redeemCodes.codeHash, hashCode(code)))
        .get()!;
      expect(row.redeemedBy).toBe(a);
      expect(
        conn
          .select()
          .from(users)
          .where(eq(users.tier, "pro"))
          .all()
          .map((u) => u.id),
      ).toEqual([a]);
      expect(conn.select().from(tierChanges).all()).toHaveLength(1);
    }
  });

  it("processes racing to redeem one code for different users: exactly one wins", async () => {
    // Each process pays tsx's start-up (seconds on a busy machine): four are enough to race.
    const count = 4;
    const userIds = Array.from({ length: count }, () => addUser());
    const code = newCode("pro");
    const results = await redeemInProcesses(file, userIds, code);
    expect(results.filter((r) => "ok" in r && r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !("ok" in r && r.ok));
    expect(losers).toHaveLength(count - 1);
    for (const r of losers) expect(r).toMatchObject({ ok: false, reason: "used" });
    const winner = userIds[results.findIndex((r) => "ok" in r && r.ok)]!;
    expect(codeRow(code).redeemedBy).toBe(winner);
    expect(
      db
        .select()
        .from(users)
        .where(eq(users.tier, "pro"))
        .all()
        .map((u) => u.id),
    ).toEqual([winner]);
    expect(db.select().from(tierChanges).all()).toHaveLength(1);
  }, 120_000);
});

type WorkerOutput = RedeemResult | { error: string };

/** One process per user on the same file; all say ready, then all are released at once. */
async function redeemInProcesses(dbFile: string, userIds: string[], code: string): Promise<WorkerOutput[]> {
  const worker = path.resolve(import.meta.dirname, "../testing/redeem-code-worker.ts");
  const children = userIds.map((userId) =>
    spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, dbFile, userId, code], {
      cwd: path.resolve(import.meta.dirname, "../.."),
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
