import { apiGet, expect, RETRY_RESET, test, uniqueEmail } from "../testing/e2e/accounts";
import { CredentialsClient, randomIp, type ApiResponse } from "../testing/e2e/auth-api";

// Each test signs up one or two accounts (argon2 on the server) and drives up to three browsers:
// on a busy machine that can take longer than the default 30 seconds.
test.describe.configure({ timeout: 90_000 });

// Every client here signs in from a loopback address of its own (see testing/e2e/auth-api.ts), so
// tripping the per-address limit never locks out the other tests' browsers on 127.0.0.1.

// lib/tiers.ts SIGN_IN_LIMITS: per account at one address, and per address across accounts.
const PAIR_LIMIT = 10;
const ADDRESS_LIMIT = 30;
const WINDOW_SECONDS = 15 * 60;

function expectWrongCredentials(response: ApiResponse, attempt: number) {
  expect(response.status, `attempt ${attempt}: ${response.text}`).toBe(401);
  expect((response.json() as { url: string }).url).toContain("error=CredentialsSignin");
}

function expectLimited(response: ApiResponse) {
  expect(response.status, response.text).toBe(429);
  const retryAfter = Number(response.headers["retry-after"]);
  expect(Number.isInteger(retryAfter)).toBe(true);
  // The failures were moments ago: about the whole window is left.
  expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 120);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(response.json()).toMatchObject({
    error: { code: "rate_limited", message: "Too many failed sign-in attempts. Try again in 15 minutes." },
    url: expect.stringContaining(`error=RateLimited&retryAfter=${retryAfter}`),
  });
}

test("the 11th failed sign-in for an account from one address gets 429 and Retry-After; the owner elsewhere still gets in", async ({
  baseURL,
  signUpPage,
  credentials,
}) => {
  await signUpPage.signUp(credentials);
  const guesser = new CredentialsClient(baseURL!);
  for (let i = 1; i <= PAIR_LIMIT; i++) {
    expectWrongCredentials(
      await guesser.signIn({ email: credentials.email, password: `wrong password ${i}` }),
      i,
    );
  }
  expectLimited(await guesser.signIn({ email: credentials.email, password: "wrong password 11" }));
  // Even the right password is refused at the guesser's address while the window lasts.
  const right = await guesser.signIn(credentials);
  expectLimited(right);
  expect(right.headers["set-cookie"]?.some((c) => c.startsWith("next-auth.session-token="))).toBeFalsy();

  const owner = new CredentialsClient(baseURL!);
  expect(owner.localAddress).not.toBe(guesser.localAddress);
  expectWrongCredentials(await owner.signIn({ email: credentials.email, password: "a typo" }), 1);
  const ownerIn = await owner.signIn(credentials);
  expect(ownerIn.status, ownerIn.text).toBe(200);
  expect(ownerIn.headers["set-cookie"]?.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
});

test("thirty failures from one address on different accounts limit it, whatever X-Forwarded-For says", async ({
  baseURL,
}) => {
  const client = new CredentialsClient(baseURL!);
  const forged = () => ({ "x-forwarded-for": `${randomIp()}, ${randomIp()}`, "x-real-ip": randomIp() });
  // A different account each time, so only the address can be what is counted.
  for (let i = 1; i <= ADDRESS_LIMIT; i++) {
    const response = await client.signIn(
      { email: uniqueEmail("nobody"), password: "not a password" },
      { headers: forged() },
    );
    expectWrongCredentials(response, i);
  }
  expectLimited(
    await client.signIn({ email: uniqueEmail("nobody"), password: "not a password" }, { headers: forged() }),
  );

  // Another address is not affected.
  const other = new CredentialsClient(baseURL!);
  expectWrongCredentials(await other.signIn({ email: uniqueEmail("nobody"), password: "not a password" }), 1);
});

test("a sign-in posted from another site is refused with 403", async ({
  request,
  baseURL,
  signUpPage,
  credentials,
}) => {
  await signUpPage.signUp(credentials);
  const { csrfToken } = (await (await apiGet(request, "/api/auth/csrf")).json()) as { csrfToken: string };
  const form = { ...credentials, csrfToken, callbackUrl: "/account", json: "true" };

  const evil = await request.post("/api/auth/callback/credentials", {
    ...RETRY_RESET,
    form,
    headers: { Origin: "https://evil.example" },
  });
  expect(evil.status()).toBe(403);
  expect(await evil.json()).toEqual({
    error: {
      code: "forbidden",
      message: "This request came from another site and was refused.",
      requestId: evil.headers()["x-request-id"],
    },
  });
  expect(evil.headers()["set-cookie"] ?? "").not.toContain("next-auth.session-token");
  expect((await request.storageState()).cookies.map((c) => c.name)).not.toContain("next-auth.session-token");

  // The same sign-in from the site itself goes through.
  const own = await new CredentialsClient(baseURL!).signIn(credentials);
  expect(own.status, own.text).toBe(200);
  expect(own.headers["set-cookie"]?.some((c) => c.startsWith("next-auth.session-token="))).toBe(true);
});
