import fc from "fast-check";
import { expect, test } from "@playwright/test";

// Shapes of request that once reached a 500 on the built server: next-auth given a callbackUrl or a
// callback-url cookie that is not a URL, a GET to the credentials callback, a POST to a page with
// multipart/form-data and no boundary, and other methods on static files. Each is fuzzed here
// (paths × methods × content types × cookies) and every answer must be below 500, with no stack.

const NO_STACK = /\n\s+at |node_modules|\.next\/server/;
const PATHS = [
  "/",
  "/sign-in",
  "/sign-up",
  "/personas/backend-developer",
  "/visitor.js",
  "/theme-init.js",
  "/icon.svg",
  "/robots.txt",
  "/api/auth/session",
  "/api/auth/csrf",
  "/api/auth/providers",
  "/api/auth/signin",
  "/api/auth/callback/credentials",
  "/api/chat",
];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"];
const TYPES = [
  undefined,
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "multipart/form-data; boundary=zz",
  "application/json",
  "application/x-www-form-urlencoded",
  "text/plain;charset=UTF-8",
  "application/octet-stream",
];
const COOKIES = [
  undefined,
  "next-auth.callback-url=abc",
  "next-auth.callback-url=javascript%3Aalert(1)",
  "__Secure-next-auth.callback-url=%%%",
  "next-auth.session-token=garbage",
  "next-auth.csrf-token=x%7Cy",
];
const QUERIES = ["", "?callbackUrl=abc", "?callbackUrl=%2Fchat", "?callbackUrl=ftp%3A%2F%2Fx", "?error=x"];
const BODIES = [
  "",
  "x",
  "a=1&b=2",
  '{"a":1}',
  '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--zz--\r\n',
];

test("paths × methods × content types × cookies: no 5xx, no stack", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const seen = new Map<number, number>();
  const failures: string[] = [];
  const send = async ([path, method, type, cookie, query, body]: [
    string,
    string,
    string | undefined,
    string | undefined,
    string,
    string,
  ]) => {
    const headers: Record<string, string> = { origin: baseURL! };
    if (type) headers["content-type"] = type;
    if (cookie) headers.cookie = cookie;
    const withBody = method !== "GET" && method !== "HEAD";
    const response = await fetch(`${baseURL}${path}${query}`, {
      method,
      headers,
      body: withBody ? body : undefined,
      redirect: "manual",
    });
    const text = method === "HEAD" ? "" : await response.text();
    seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
    if (response.status >= 500 || NO_STACK.test(text))
      failures.push(`${method} ${path}${query} [${type ?? "-"}] [${cookie ?? "-"}] -> ${response.status}`);
  };
  // Each named shape once, then random mixes of all of them.
  for (const method of METHODS)
    for (const path of ["/visitor.js", "/theme-init.js"])
      await send([path, method, undefined, undefined, "", "x"]);
  for (const path of ["/", "/sign-up"]) await send([path, "POST", "multipart/form-data", undefined, "", "x"]);
  await send(["/api/auth/session", "GET", undefined, undefined, "?callbackUrl=abc", ""]);
  await send(["/api/auth/session", "GET", undefined, "next-auth.callback-url=abc", "", ""]);
  await send(["/api/auth/callback/credentials", "GET", undefined, undefined, "", ""]);
  await fc.assert(
    fc.asyncProperty(
      fc.tuple(
        fc.constantFrom(...PATHS),
        fc.constantFrom(...METHODS),
        fc.constantFrom(...TYPES),
        fc.constantFrom(...COOKIES),
        fc.constantFrom(...QUERIES),
        fc.constantFrom(...BODIES),
      ),
      async (input) => {
        await send(input);
      },
    ),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
  );
  console.info(
    `bad-input shapes: ${[...seen.values()].reduce((a, b) => a + b, 0)} requests, statuses ${JSON.stringify(Object.fromEntries(seen))}`,
  );
  expect(failures).toEqual([]);
});
