import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signUp } from "@/app/sign-up/actions";
import { getDb, forgetDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { PEER_HEADER, peerToken } from "@/lib/http/peer-header";
import { log } from "@/lib/log";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { statusOfThrown } from "@/testing/request-scope";
import { resetScope, scope } from "@/testing/next-headers";

// The sign-up action as Next runs it (its request scope stood in for by a plain jar): the address it
// counts is the TCP peer the server stamped, and the sixth sign-up from one address in an hour is
// refused with a message saying when to try again.
vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

let h: ChatHarness;
let seq = 0;
beforeAll(async () => {
  h = await startChatHarness();
  for (const level of ["info", "warn"] as const) vi.spyOn(log, level).mockImplementation(() => log);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await forgetDb();
  delete process.env.SIGN_UPS_PER_HOUR;
  await h?.close();
});
beforeEach(() => {
  delete process.env.SIGN_UPS_PER_HOUR;
  resetEnvCache();
});

/** One sign-up from `ip` (as the server stamps the TCP peer), with whatever else the client claims. */
async function signUpFrom(ip: string, extraHeaders: Record<string, string> = {}) {
  resetScope({ headers: { host: "localhost:3000", [PEER_HEADER]: `${peerToken()} ${ip}`, ...extraHeaders } });
  const form = new FormData();
  form.set("email", `limit-${++seq}@example.com`);
  form.set("password", "a long enough password");
  try {
    return { state: await signUp({}, form), status: 200 };
  } catch (error) {
    return {
      state: undefined,
      status: statusOfThrown(error),
      signedIn: scope.cookies.has("next-auth.session-token"),
    };
  }
}
const userCount = async () => (await getDb().select().from(users)).length;

describe("sign-ups per address", () => {
  it("five from one address an hour go through; the sixth is refused, saying when to retry", async () => {
    for (let i = 0; i < 5; i++)
      expect(await signUpFrom("198.51.100.20")).toMatchObject({ status: 303, signedIn: true });
    const before = await userCount();
    const sixth = await signUpFrom("198.51.100.20");
    expect(sixth).toEqual({
      status: 200,
      state: expect.objectContaining({
        message: "Too many new accounts from your network. Try again in 1 hour.",
      }),
    });
    expect(await userCount()).toBe(before);
    // Another address is not affected.
    expect(await signUpFrom("198.51.100.21")).toMatchObject({ status: 303 });
  });

  it("a forged X-Forwarded-For does not get round it", async () => {
    for (let i = 0; i < 5; i++) await signUpFrom("198.51.100.30", { "x-forwarded-for": `203.0.113.${i}` });
    const sixth = await signUpFrom("198.51.100.30", { "x-forwarded-for": "203.0.113.99" });
    expect(sixth.state?.message).toMatch(/^Too many new accounts from your network\. Try again in /);
  });

  it("an IPv6 /64 counts as one address", async () => {
    for (let i = 1; i <= 5; i++) await signUpFrom(`2001:db8:5:6::${i}`);
    const sixth = await signUpFrom("2001:db8:5:6:aaaa::1");
    expect(sixth.state?.message).toMatch(/^Too many new accounts/);
    expect(await signUpFrom("2001:db8:5:7::1")).toMatchObject({ status: 303 });
  });

  it("the operator's SIGN_UPS_PER_HOUR sets the count", async () => {
    process.env.SIGN_UPS_PER_HOUR = "2";
    resetEnvCache();
    expect(await signUpFrom("198.51.100.40")).toMatchObject({ status: 303 });
    expect(await signUpFrom("198.51.100.40")).toMatchObject({ status: 303 });
    expect((await signUpFrom("198.51.100.40")).state?.message).toMatch(/^Too many new accounts/);
  });
});
