import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { createOAuthUser, createUser } from "@/lib/db/queries/users";
import { resetEnvCache } from "@/lib/env";
import { hashPassword } from "./password";

// The real argon2, watched: a taken email must cost the same hash as a new account.
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
import { EMAIL_TAKEN, registerFromForm } from "./sign-up";
import { checkSignInLimit, reserveSignInAttempt } from "./rate-limit";
import { SIGN_IN_LIMITS } from "@/lib/tiers";

let database: TestDatabase;
let db: Db;
let ipSeq = 0;

beforeEach(async () => {
  delete process.env.SIGN_UPS_PER_HOUR;
  resetEnvCache();
  database = await openTestDatabase();
  db = database.db;
});

afterEach(async () => {
  await database.close();
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const freshIp = () => `198.51.100.${++ipSeq}`;
const PASSWORD = "correct horse battery";

describe("sign-up and registered emails", () => {
  it("makes an account for a new email", async () => {
    const result = await registerFromForm({
      db,
      form: form({ email: "New@Example.com", password: PASSWORD }),
      ip: freshIp(),
    });
    expect(result).toMatchObject({ ok: true, user: { email: "new@example.com" } });
  });

  it("counts as a sign-in: guessers at eleven other addresses cannot lock the owner out where they signed up", async () => {
    const home = freshIp();
    const signedUp = await registerFromForm({
      db,
      form: form({ email: "owner@example.com", password: PASSWORD }),
      ip: home,
    });
    expect(signedUp.ok).toBe(true);
    const perAddress = SIGN_IN_LIMITS.accountAtAddress.max;
    for (let a = 0; a * perAddress <= SIGN_IN_LIMITS.account.max; a++)
      for (let i = 0; i < perAddress; i++)
        await reserveSignInAttempt({ db, subject: { email: "owner@example.com", ip: `203.0.113.${a + 1}` } });
    expect(
      await checkSignInLimit({ db, subject: { email: "owner@example.com", ip: freshIp() } }),
    ).toMatchObject({
      limited: true,
    });
    expect(await checkSignInLimit({ db, subject: { email: "owner@example.com", ip: home } })).toEqual({
      limited: false,
    });
  });

  it("answers a taken email the same way whatever kind of account holds it, naming nothing about it", async () => {
    await createUser({
      db,
      email: "pw@example.com",
      passwordHash: await hashPassword("their password"),
      name: "Ada Secret",
    });
    await createOAuthUser({
      db,
      email: "gh@example.com",
      name: "Grace Hidden",
      provider: "github",
      providerAccountId: "42",
    });
    const answers = [];
    for (const email of ["pw@example.com", "gh@example.com"]) {
      const result = await registerFromForm({
        db,
        form: form({ email, password: PASSWORD, name: "Me" }),
        ip: freshIp(),
      });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.state).toEqual({ fields: { email: EMAIL_TAKEN }, email, name: "Me" });
      answers.push(JSON.stringify(result.state).replace(email, "<email>"));
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers.join()).not.toMatch(/Ada|Grace|GitHub|Google|password/i);
  });

  it("hashes the password for a taken email too, so the answer takes as long as a new account's", async () => {
    await createUser({ db, email: "taken@example.com", passwordHash: null });
    vi.mocked(hashPassword).mockClear();
    const taken = await registerFromForm({
      db,
      form: form({ email: "taken@example.com", password: PASSWORD }),
      ip: freshIp(),
    });
    expect(taken.ok).toBe(false);
    // Timing is not asserted (a shared machine is noisy); the work that sets it is.
    expect(hashPassword).toHaveBeenCalledTimes(1);
    expect(vi.mocked(hashPassword).mock.calls[0]?.[0]).toBe(PASSWORD);
  });

  it("counts a taken email against the address's sign-up limit, so probing is held to five an hour", async () => {
    await createUser({ db, email: "taken@example.com", passwordHash: null });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const result = await registerFromForm({
        db,
        form: form({ email: "taken@example.com", password: PASSWORD }),
        ip,
      });
      expect(result).toMatchObject({ ok: false, state: { fields: { email: EMAIL_TAKEN } } });
    }
    const sixth = await registerFromForm({
      db,
      form: form({ email: "unknown@example.com", password: PASSWORD }),
      ip,
    });
    expect(sixth).toMatchObject({
      ok: false,
      state: { message: expect.stringMatching(/^Too many new accounts/) },
    });
    expect(JSON.stringify(sixth)).not.toContain(EMAIL_TAKEN);
  });

  it("a malformed form is answered before anything is counted", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      const result = await registerFromForm({ db, form: form({ email: "not an email", password: "x" }), ip });
      expect(result).toMatchObject({ ok: false, state: { fields: { email: expect.any(String) } } });
    }
    expect(
      (await registerFromForm({ db, form: form({ email: "ok@example.com", password: PASSWORD }), ip })).ok,
    ).toBe(true);
  });
});
