import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/lib/db/client";
import { listSignInFailureTimes } from "@/lib/db/queries/sign-in-failures";
import { signInFailures } from "@/lib/db/schema";
import {
  accountKey,
  addressKey,
  checkSignInLimit,
  noteSignInFailure,
  noteSignInSuccess,
  releaseSignInAttempt,
  reserveSignInAttempt,
  SIGN_IN_LIMIT,
} from "./rate-limit";

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const T0 = new Date("2030-06-01T12:00:00Z").getTime();
const at = (ms: number) => new Date(T0 + ms);

const EMAIL = "victim@example.com";
const IP = "203.0.113.7";
const keys = [accountKey(EMAIL), addressKey(IP)];

let dir: string;
let db: Db;
let close: () => void;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rate-limit-"));
  const opened = openDatabase(path.join(dir, "test.db"));
  db = opened.db;
  close = () => opened.sqlite.close();
});

afterEach(() => {
  vi.restoreAllMocks();
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function fail(
  times: number,
  { start = 0, step = 0, with: k = keys }: { start?: number; step?: number; with?: string[] } = {},
) {
  for (let i = 0; i < times; i++) noteSignInFailure({ db, keys: k, now: at(start + i * step) });
}

describe("the sign-in limit", () => {
  it("is ten failures in fifteen minutes", () => {
    expect(SIGN_IN_LIMIT).toEqual({ maxFailures: 10, windowMs: WINDOW });
  });

  it("nine failures do not limit", () => {
    fail(9);
    expect(checkSignInLimit({ db, keys, now: at(0) })).toEqual({ limited: false });
  });

  it("ten failures limit, with a Retry-After of the whole window when they came at once", () => {
    fail(10);
    expect(checkSignInLimit({ db, keys, now: at(0) })).toEqual({ limited: true, retryAfterSeconds: 15 * 60 });
    expect(checkSignInLimit({ db, keys, now: at(5 * MINUTE) })).toEqual({
      limited: true,
      retryAfterSeconds: 10 * 60,
    });
  });

  it("Retry-After is when the oldest counted failure leaves the window", () => {
    fail(10, { step: MINUTE }); // at 0, 1, …, 9 minutes
    // At 9:30 the first failure (at 0) leaves the window at 15:00: 5.5 minutes to wait.
    expect(checkSignInLimit({ db, keys, now: at(9.5 * MINUTE) })).toEqual({
      limited: true,
      retryAfterSeconds: 330,
    });
    expect(checkSignInLimit({ db, keys, now: at(WINDOW - 1000) })).toEqual({
      limited: true,
      retryAfterSeconds: 1,
    });
    expect(checkSignInLimit({ db, keys, now: at(WINDOW) })).toEqual({ limited: false });
  });

  it("with more than ten failures, waits until only nine are left in the window", () => {
    fail(12, { step: MINUTE }); // at 0 … 11 minutes
    // The 10th newest is the one at 2 minutes: free again at 17:00.
    expect(checkSignInLimit({ db, keys, now: at(11 * MINUTE) })).toEqual({
      limited: true,
      retryAfterSeconds: 6 * 60,
    });
  });

  it("failures older than fifteen minutes do not count", () => {
    fail(10, { start: -WINDOW - MINUTE });
    expect(checkSignInLimit({ db, keys, now: at(0) })).toEqual({ limited: false });
    fail(9);
    expect(checkSignInLimit({ db, keys, now: at(0) })).toEqual({ limited: false });
    fail(1);
    expect(checkSignInLimit({ db, keys, now: at(0) })).toMatchObject({ limited: true });
  });

  it("counts per account across addresses and per address across accounts", () => {
    for (let i = 0; i < 10; i++)
      noteSignInFailure({ db, keys: [accountKey(EMAIL), addressKey(`198.51.100.${i}`)], now: at(0) });
    expect(
      checkSignInLimit({ db, keys: [accountKey(EMAIL), addressKey("192.0.2.1")], now: at(0) }),
    ).toMatchObject({ limited: true });
    expect(checkSignInLimit({ db, keys: [addressKey("198.51.100.0")], now: at(0) })).toEqual({
      limited: false,
    });

    for (let i = 0; i < 10; i++)
      noteSignInFailure({ db, keys: [accountKey(`user${i}@example.com`), addressKey(IP)], now: at(0) });
    expect(
      checkSignInLimit({ db, keys: [accountKey("fresh@example.com"), addressKey(IP)], now: at(0) }),
    ).toMatchObject({ limited: true });
    expect(checkSignInLimit({ db, keys: [accountKey("fresh@example.com")], now: at(0) })).toEqual({
      limited: false,
    });
  });

  it("a success clears the account's failures but not the address's", () => {
    fail(10);
    noteSignInSuccess({ db, email: EMAIL });
    expect(checkSignInLimit({ db, keys: [accountKey(EMAIL)], now: at(0) })).toEqual({ limited: false });
    expect(checkSignInLimit({ db, keys: [addressKey(IP)], now: at(0) })).toMatchObject({ limited: true });
    // Signing in from that address is still refused: the address key alone limits it.
    expect(checkSignInLimit({ db, keys, now: at(0) })).toEqual({ limited: true, retryAfterSeconds: 15 * 60 });
    expect(listSignInFailureTimes({ db, key: accountKey(EMAIL), since: at(-WINDOW) })).toHaveLength(0);
    expect(listSignInFailureTimes({ db, key: addressKey(IP), since: at(-WINDOW) })).toHaveLength(10);
  });

  it("pruning removes only failures that left the window", () => {
    fail(3, { start: -WINDOW - MINUTE });
    fail(2, { start: -MINUTE });
    vi.spyOn(Math, "random").mockReturnValue(0);
    noteSignInFailure({ db, keys, now: at(0) });
    const left = db.select().from(signInFailures).all();
    expect(left).toHaveLength(3 * keys.length);
    expect(left.every((r) => r.at.getTime() >= T0 - MINUTE)).toBe(true);
  });
});

describe("attempts are counted before the password is checked", () => {
  it("40 parallel wrong attempts over two connections check at most ten passwords", async () => {
    const second = openDatabase(path.join(dir, "test.db"));
    let verified = 0;
    const slowWrongPassword = async () => {
      verified++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return false;
    };
    const attempt = async (i: number) => {
      const conn = i % 2 ? second.db : db;
      if (reserveSignInAttempt({ db: conn, keys }).limited) return "limited";
      return (await slowWrongPassword()) ? "in" : "wrong";
    };
    try {
      const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i)));
      expect(verified).toBe(SIGN_IN_LIMIT.maxFailures);
      expect(outcomes.filter((o) => o === "wrong")).toHaveLength(SIGN_IN_LIMIT.maxFailures);
      expect(outcomes.filter((o) => o === "limited")).toHaveLength(40 - SIGN_IN_LIMIT.maxFailures);
    } finally {
      second.sqlite.close();
    }
  });

  it("a right password takes its attempt back, on the account and the address", () => {
    for (let i = 0; i < SIGN_IN_LIMIT.maxFailures - 1; i++)
      reserveSignInAttempt({ db, keys: [addressKey(IP)] });
    expect(reserveSignInAttempt({ db, keys }).limited).toBe(false);
    releaseSignInAttempt({ db, keys });
    expect(checkSignInLimit({ db, keys: [addressKey(IP)] })).toEqual({ limited: false });
    expect(reserveSignInAttempt({ db, keys }).limited).toBe(false);
    expect(checkSignInLimit({ db, keys: [addressKey(IP)] })).toMatchObject({ limited: true });
  });
});
