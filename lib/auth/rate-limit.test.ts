import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { listWindowEventTimes, recordWindowEvents } from "@/lib/db/queries/window-events";
import { windowEvents } from "@/lib/db/schema";
import { SIGN_IN_LIMITS } from "@/lib/tiers";
import {
  checkSignInLimit,
  releaseSignInAttempt,
  reserveSignInAttempt,
  type SignInSubject,
} from "./rate-limit";

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const PAIR_MAX = SIGN_IN_LIMITS.accountAtAddress.max;
const ACCOUNT_MAX = SIGN_IN_LIMITS.account.max;
const ADDRESS_MAX = SIGN_IN_LIMITS.address.max;
const T0 = new Date("2030-06-01T12:00:00Z").getTime();
const at = (ms: number) => new Date(T0 + ms);

const EMAIL = "victim@example.com";
const IP = "203.0.113.7";
const OWNER_IP = "192.0.2.44";
const guesser: SignInSubject = { email: EMAIL, ip: IP };
const owner: SignInSubject = { email: EMAIL, ip: OWNER_IP };

let database: TestDatabase;
let db: Db;

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
  vi.spyOn(Math, "random").mockReturnValue(0.5); // no pruning unless a test asks for it
});

afterEach(async () => {
  vi.restoreAllMocks();
  await database.close();
});

/** `times` wrong passwords, each counted as the sign-in counts them; returns how many were let through. */
async function fail(times: number, subject: SignInSubject, { start = 0, step = 0 } = {}) {
  let counted = 0;
  for (let i = 0; i < times; i++)
    if (!(await reserveSignInAttempt({ db, subject, now: at(start + i * step) })).limited) counted++;
  return counted;
}
const check = async (subject: SignInSubject, ms = 0) => await checkSignInLimit({ db, subject, now: at(ms) });

describe("the limits", () => {
  it("are ten per account at one address, a hundred per account and thirty per address, in 15 minutes", () => {
    expect(SIGN_IN_LIMITS.accountAtAddress).toEqual({ max: 10, windowMs: WINDOW });
    expect(SIGN_IN_LIMITS.account).toEqual({ max: 100, windowMs: WINDOW });
    expect(SIGN_IN_LIMITS.address).toEqual({ max: 30, windowMs: WINDOW });
  });
});

describe("per account at one address", () => {
  it("nine failures do not limit; the tenth does, for the whole window when they came at once", async () => {
    await fail(PAIR_MAX - 1, guesser);
    expect(await check(guesser)).toEqual({ limited: false });
    await fail(1, guesser);
    expect(await check(guesser)).toEqual({ limited: true, retryAfterSeconds: 15 * 60 });
    expect(await check(guesser, 5 * MINUTE)).toEqual({ limited: true, retryAfterSeconds: 10 * 60 });
  });

  it("Retry-After is when the oldest counted failure leaves the window", async () => {
    await fail(PAIR_MAX, guesser, { step: MINUTE }); // at 0, 1, …, 9 minutes
    expect(await check(guesser, 9.5 * MINUTE)).toEqual({ limited: true, retryAfterSeconds: 330 });
    expect(await check(guesser, WINDOW - 1000)).toEqual({ limited: true, retryAfterSeconds: 1 });
    expect(await check(guesser, WINDOW)).toEqual({ limited: false });
  });

  it("a refused attempt is not counted", async () => {
    expect(await fail(PAIR_MAX + 5, guesser)).toBe(PAIR_MAX);
    expect(
      await listWindowEventTimes({ db, key: `sign-in:pair:${IP} ${EMAIL}`, since: at(-1) }),
    ).toHaveLength(PAIR_MAX);
  });

  it("failures older than the window do not count", async () => {
    await fail(PAIR_MAX, guesser, { start: -WINDOW - MINUTE });
    await fail(PAIR_MAX - 1, guesser);
    expect(await check(guesser)).toEqual({ limited: false });
  });

  it("a guesser at one address does not lock the owner out at theirs", async () => {
    await fail(PAIR_MAX, guesser);
    expect(await check(guesser)).toMatchObject({ limited: true });
    expect(await check(owner)).toEqual({ limited: false });
    expect(await reserveSignInAttempt({ db, subject: owner, now: at(0) })).toEqual({ limited: false });
  });

  it("an address written with a port or in brackets is the same address", async () => {
    for (let i = 1; i <= PAIR_MAX; i++) await fail(1, { email: EMAIL, ip: `${IP}:${1000 + i}` });
    expect(await check(guesser)).toMatchObject({ limited: true });
    for (let i = 1; i <= PAIR_MAX; i++) await fail(1, { email: EMAIL, ip: `[2001:db8:7:7::${i}]:443` });
    expect(await check({ email: EMAIL, ip: "2001:db8:7:7::99" })).toMatchObject({ limited: true });
  });

  it("an IPv6 guesser is counted by its /64, whatever address in it they use", async () => {
    for (let i = 1; i <= PAIR_MAX; i++)
      await fail(1, { email: EMAIL, ip: `2001:db8:1:2::${i.toString(16)}` });
    expect(await check({ email: EMAIL, ip: "2001:db8:1:2:ffff::1" })).toMatchObject({ limited: true });
    expect(await check({ email: EMAIL, ip: "2001:db8:1:3::1" })).toEqual({ limited: false });
  });
});

describe("per account from everywhere", () => {
  const spread = async (addresses: number) => {
    for (let a = 0; a < addresses; a++) await fail(PAIR_MAX, { email: EMAIL, ip: `198.51.100.${a}` });
  };

  it("a hundred failures over ten addresses limit the account at any new address", async () => {
    await spread(ACCOUNT_MAX / PAIR_MAX - 1);
    await fail(PAIR_MAX - 1, { email: EMAIL, ip: "198.51.100.200" });
    expect(await check({ email: EMAIL, ip: "198.51.100.201" })).toEqual({ limited: false });
    await fail(1, { email: EMAIL, ip: "198.51.100.200" });
    expect(await check({ email: EMAIL, ip: "198.51.100.201" })).toEqual({
      limited: true,
      retryAfterSeconds: 15 * 60,
    });
    expect(await check({ email: "someone-else@example.com", ip: "198.51.100.201" })).toEqual({
      limited: false,
    });
  });

  it("is not applied where the owner signed in lately, so they still get in while a botnet guesses", async () => {
    expect((await reserveSignInAttempt({ db, subject: owner, now: at(-2 * 24 * 60 * MINUTE) })).limited).toBe(
      false,
    );
    await releaseSignInAttempt({ db, subject: owner, now: at(-2 * 24 * 60 * MINUTE) });
    await spread(ACCOUNT_MAX / PAIR_MAX);
    expect(await check({ email: EMAIL, ip: "198.51.100.250" })).toMatchObject({ limited: true });
    expect(await check(owner)).toEqual({ limited: false });
    // The owner's own typos there are still held to the pair's limit.
    expect(await fail(PAIR_MAX + 1, owner)).toBe(PAIR_MAX);
  });

  it("a sign-in longer ago than knownAddressMs does not exempt the address", async () => {
    const longAgo = -SIGN_IN_LIMITS.knownAddressMs - MINUTE;
    await reserveSignInAttempt({ db, subject: owner, now: at(longAgo) });
    await releaseSignInAttempt({ db, subject: owner, now: at(longAgo) });
    await spread(ACCOUNT_MAX / PAIR_MAX);
    expect(await check(owner)).toMatchObject({ limited: true });
  });
});

describe("from a browser holding the account's device cookie", () => {
  const DEVICE = "bm9uY2Utb2YtdGhlLWRldmlj";
  const spread = async (addresses: number) => {
    for (let a = 0; a < addresses; a++) await fail(PAIR_MAX, { email: EMAIL, ip: `198.51.100.${a}` });
  };

  it("the owner gets in at a new address while guessers everywhere hold the account-wide count", async () => {
    await spread(ACCOUNT_MAX / PAIR_MAX);
    const newPlace = { email: EMAIL, ip: "198.51.100.240" };
    expect(await check(newPlace)).toMatchObject({ limited: true });
    expect(await check({ ...newPlace, device: DEVICE })).toEqual({ limited: false });
  });

  it("a guesser sharing the owner's address cannot lock the owner's browser", async () => {
    expect(await fail(PAIR_MAX, guesser)).toBe(PAIR_MAX);
    expect(await check(guesser)).toMatchObject({ limited: true });
    expect(await check({ ...guesser, device: DEVICE })).toEqual({ limited: false });
  });

  it("the browser's own failures are held to the per-pair limit, and a right password forgives them", async () => {
    const fromDevice = { ...owner, device: DEVICE };
    expect(await fail(PAIR_MAX + 1, fromDevice)).toBe(PAIR_MAX);
    expect(await check(fromDevice)).toMatchObject({ limited: true });
    // Another browser of the owner's at the same address has its own count.
    expect(await check({ ...owner, device: "YW5vdGhlci1kZXZpY2UtaWRk" })).toEqual({ limited: false });
    await releaseSignInAttempt({ db, subject: fromDevice, now: at(0) });
    expect(await check(fromDevice)).toEqual({ limited: false });
  });

  it("still counts against the address across accounts", async () => {
    for (let i = 0; i < ADDRESS_MAX; i++) await fail(1, { email: `user${i}@example.com`, ip: IP });
    expect(await check({ ...guesser, device: DEVICE })).toMatchObject({ limited: true });
  });
});

describe("per address across accounts", () => {
  it("thirty failures from one address on different accounts limit every account there", async () => {
    for (let i = 0; i < ADDRESS_MAX - 1; i++) await fail(1, { email: `user${i}@example.com`, ip: IP });
    expect(await check({ email: "fresh@example.com", ip: IP })).toEqual({ limited: false });
    await fail(1, { email: "last@example.com", ip: IP });
    expect(await check({ email: "fresh@example.com", ip: IP })).toMatchObject({ limited: true });
    expect(await check({ ip: IP })).toMatchObject({ limited: true });
    expect(await check({ email: "fresh@example.com", ip: OWNER_IP })).toEqual({ limited: false });
  });

  it("a form without an email is still counted against the address", async () => {
    await fail(ADDRESS_MAX, { ip: IP });
    expect(await check(guesser)).toMatchObject({ limited: true });
  });
});

describe("a right password", () => {
  it("takes its attempt back and forgives the pair's typos, but not the address's or account's counts", async () => {
    await fail(PAIR_MAX - 1, guesser);
    expect((await reserveSignInAttempt({ db, subject: guesser, now: at(0) })).limited).toBe(false);
    await releaseSignInAttempt({ db, subject: guesser, now: at(0) });
    expect(
      await listWindowEventTimes({ db, key: `sign-in:pair:${IP} ${EMAIL}`, since: at(-1) }),
    ).toHaveLength(0);
    expect(await listWindowEventTimes({ db, key: `sign-in:address:${IP}`, since: at(-1) })).toHaveLength(
      PAIR_MAX - 1,
    );
    expect(await listWindowEventTimes({ db, key: `sign-in:account:${EMAIL}`, since: at(-1) })).toHaveLength(
      PAIR_MAX - 1,
    );
    expect(await check(guesser)).toEqual({ limited: false });
  });
});

describe("pruning", () => {
  it("removes only sign-in events that left their window, never other limits' events", async () => {
    await recordWindowEvents({ db, keys: ["guest-message:203.0.113.7"], at: at(-2 * 60 * MINUTE) });
    await fail(3, guesser, { start: -WINDOW - MINUTE });
    await fail(2, guesser, { start: -MINUTE });
    vi.mocked(Math.random).mockReturnValue(0);
    await fail(1, guesser);
    const left = await db.select().from(windowEvents);
    expect(left.filter((r) => r.key.startsWith("guest-message:"))).toHaveLength(1);
    const signIn = left.filter((r) => r.key.startsWith("sign-in:"));
    expect(signIn).toHaveLength(3 * 3);
    expect(signIn.every((r) => r.at.getTime() >= T0 - MINUTE)).toBe(true);
  });
});

describe("attempts are counted before the password is checked", () => {
  it("40 parallel wrong attempts from one address on one account, over two connections, check at most ten passwords", async () => {
    const second = await database.connect();
    let verified = 0;
    const slowWrongPassword = async () => {
      verified++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return false;
    };
    const attempt = async (i: number) => {
      const conn = i % 2 ? second.db : db;
      if ((await reserveSignInAttempt({ db: conn, subject: guesser })).limited) return "limited";
      return (await slowWrongPassword()) ? "in" : "wrong";
    };
    try {
      const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i)));
      expect(verified).toBe(PAIR_MAX);
      expect(outcomes.filter((o) => o === "wrong")).toHaveLength(PAIR_MAX);
      expect(outcomes.filter((o) => o === "limited")).toHaveLength(40 - PAIR_MAX);
    } finally {
      await second.close();
    }
  });
});
