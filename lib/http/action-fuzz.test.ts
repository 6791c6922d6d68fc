import fc from "fast-check";
import { openDatabase } from "@/lib/db/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users as usersTable } from "@/lib/db/schema";
import { onPostgres } from "@/testing/database";
import { changePasswordAction, redeemAction, signOutEverywhereAction } from "@/app/account/actions";
import { checkoutAction } from "@/app/pricing/actions";
import { signUp } from "@/app/sign-up/actions";
import { hashPassword } from "@/lib/auth/password";
import { sessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { createCodes } from "@/lib/billing/redeem";
import { createSession } from "@/lib/db/queries/sessions";
import { createOAuthUser, createUser } from "@/lib/db/queries/users";
import { PEER_HEADER, peerToken } from "@/lib/http/peer-header";
import { log } from "@/lib/log";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { resetScope, statusOfThrown } from "@/testing/request-scope";

// Every server action, called in process as Next calls it, with an arbitrary previous state and an
// arbitrary form (known and unknown fields, text of every kind, files, sizes past every limit) or no
// form at all, by a visitor, a password user, an OAuth user and a forged cookie. Each must answer as
// Next can turn into a 2xx, 3xx or 4xx: a state, a redirect or a not-found, and the database stays sound.
vi.mock("next/headers", async () => (await import("@/testing/request-scope")).nextHeadersMock);
// Outside a Next server there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
type Action = (prev: unknown, form: unknown) => Promise<unknown>;
const ACTIONS: Record<string, Action> = {
  signUp: signUp as Action,
  redeemAction: redeemAction as Action,
  changePasswordAction: changePasswordAction as Action,
  checkoutAction: checkoutAction as Action,
  signOutEverywhereAction: signOutEverywhereAction as unknown as Action,
};

let h: ChatHarness;
const cookiesFor: Record<string, Record<string, string>> = {};
let codes: string[] = [];
let cases = 0;
const outcomes = new Map<string, Record<string, number>>();

async function signedIn(userId: string) {
  const session = await createSession({ db: h.db, userId, version: 0, maxAgeMs: 3_600_000 });
  const cookie = await sessionCookie({ uid: userId, sid: session.id, sub: userId, name: null, email: null });
  return { [sessionCookieName()]: cookie.value };
}

beforeAll(async () => {
  h = await startChatHarness();
  vi.spyOn(console, "error").mockImplementation(() => {});
  for (const level of ["error", "warn", "info"] as const) vi.spyOn(log, level).mockImplementation(() => log);
  const password = (await createUser({
    db: h.db,
    email: "owner@example.com",
    passwordHash: await hashPassword("the owner's password"),
  }))!;
  const oauth = (await createOAuthUser({
    db: h.db,
    email: "oauth@example.com",
    name: null,
    provider: "github",
    providerAccountId: "7",
  }))!;
  cookiesFor.visitor = {};
  cookiesFor.password = await signedIn(password.id);
  cookiesFor.oauth = await signedIn(oauth.id);
  cookiesFor.forged = { [sessionCookieName()]: "eyJhbGciOi.forged.token" };
  codes = (await createCodes({ db: h.db, tier: "pro", count: 5 })).codes;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

const text = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.emailAddress(),
  fc.constantFrom("", " ", "\u0000", "\ud800", "a\nb", "//evil.example", "/\\evil", "the owner's password"),
  fc.constantFrom(100, 1025, 70_000).map((n) => "x".repeat(n)),
);
const value = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.constant("$code") },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => new File([b], "f.bin")) },
);
const name = fc.oneof(
  fc.constantFrom(
    "email",
    "password",
    "name",
    "callbackUrl",
    "code",
    "currentPassword",
    "newPassword",
    "tier",
  ),
  fc.string({ maxLength: 12 }),
);
const form = fc.array(fc.tuple(name, value), { maxLength: 8 }).map((entries) => {
  const data = new FormData();
  for (const [k, v] of entries)
    data.append(k, v === "$code" ? (codes[entries.length % codes.length] ?? "") : v);
  return data;
});
// A form with the fields the app's forms have, each with an arbitrary (often valid-looking) value.
const shapedForm = fc
  .record(
    {
      email: fc.oneof(
        { weight: 3, arbitrary: fc.nat().map((n) => `fuzz${n}@example.com`) },
        { weight: 1, arbitrary: fc.constantFrom("owner@example.com", "oauth@example.com") },
        { weight: 1, arbitrary: fc.emailAddress() },
        { weight: 1, arbitrary: text },
      ),
      password: fc.oneof(
        { weight: 2, arbitrary: fc.constant("a long enough password") },
        { weight: 1, arbitrary: text },
      ),
      name: text,
      callbackUrl: fc.oneof(
        fc.constantFrom("/account", "/chat", "//evil.example", "https://evil.example/"),
        text,
      ),
      code: fc.oneof(fc.constant("$code"), text),
      currentPassword: fc.oneof(fc.constant("the owner's password"), text),
      newPassword: fc.oneof(fc.constant("a brand new password"), text),
      tier: fc.oneof(fc.constantFrom("pro", "max", "free"), text),
    },
    { requiredKeys: ["email", "password", "currentPassword", "newPassword"] },
  )
  .map((fields) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v === "$code" ? (codes[0] ?? "") : v);
    return data;
  });
const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constant("203.0.113.9"));

function outcome(result: unknown): { status: number; detail: string } {
  if (result === undefined) return { status: 200, detail: "nothing" };
  const json = JSON.stringify(result);
  return { status: 200, detail: json.slice(0, 200) };
}

describe("every server action answers arbitrary forms with a state, a redirect or a not-found", () => {
  for (const [actionName, action] of Object.entries(ACTIONS)) {
    it(
      actionName,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.record({
              actor: fc.constantFrom("visitor", "password", "oauth", "forged"),
              prev: fc.oneof(fc.constant({}), fc.anything({ maxDepth: 2 })),
              form: fc.oneof(
                { weight: 5, arbitrary: shapedForm },
                { weight: 4, arbitrary: form },
                { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
              ),
              ip,
            }),
            async (input) => {
              cases++;
              resetScope({
                cookies: cookiesFor[input.actor],
                headers: { host: "localhost:3000", [PEER_HEADER]: `${peerToken()} ${input.ip}` },
              });
              let result: { status: number; detail: string };
              try {
                result = outcome(await action(input.prev, input.form));
              } catch (error) {
                result = { status: statusOfThrown(error), detail: String(error).slice(0, 300) };
              }
              const tally = outcomes.get(actionName) ?? {};
              tally[result.status] = (tally[result.status] ?? 0) + 1;
              outcomes.set(actionName, tally);
              expect(result.status, result.detail).toBeLessThan(500);
              expect(result.detail).not.toMatch(/\n\s+at .+:\d+:\d+/);
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        );
      },
      120_000,
    );
  }

  // integrity_check and foreign_key_check are SQLite's; PostgreSQL checks foreign keys on every write.
  it.skipIf(onPostgres)("leaves a sound database behind", async () => {
    const { sqlite } = openDatabase(h.database.file!);
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    } finally {
      sqlite.close();
    }
  });

  it("reports what the fuzz did: every action tried, every outcome counted, none a 5xx", async () => {
    const users = await h.db.$count(usersTable);
    console.info(
      `action fuzz: ${cases} cases; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; ${users} users`,
    );
    expect([...outcomes.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    const counted = [...outcomes.values()].flatMap((tally) => Object.entries(tally));
    expect(counted.reduce((sum, [, n]) => sum + n, 0)).toBe(cases);
    expect(counted.filter(([status]) => Number(status) >= 500)).toEqual([]);
  });
});
