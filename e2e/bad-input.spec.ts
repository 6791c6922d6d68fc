import http from "node:http";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { expect, test } from "@playwright/test";

// Requests a browser would never send, against the real built server: each is answered with a 4xx
// (or next-auth's own redirect), never a 500 and never a stack trace.

const NO_STACK = /\n\s+at |node_modules|\.next\/server/;

async function expectRefused(response: APIResponse, status: number, code?: string) {
  const text = await response.text();
  expect(response.status(), text.slice(0, 300)).toBe(status);
  expect(text).not.toMatch(NO_STACK);
  if (code) {
    expect(JSON.parse(text)).toEqual({
      error: { code, message: expect.any(String), requestId: response.headers()["x-request-id"] },
    });
  }
}

/** Parts in the order given (a plain object would put "0" first); React sends the form's fields before "0". */
function parts(...entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

/** A POST sent in chunks (Transfer-Encoding: chunked, no Content-Length), as node:http does it. */
function postChunked(url: URL, chunks: string[], headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", agent: false, headers: { ...headers, "transfer-encoding": "chunked" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/** The sign-up form's server action id, read from the page as a no-JavaScript form carries it. */
async function signUpActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/sign-up")).text();
  const bound = /name="\$ACTION_1:0" value="([^"]+)"/.exec(html)?.[1];
  if (!bound) throw new Error("no server action on /sign-up");
  return (JSON.parse(bound.replaceAll("&quot;", '"')) as { id: string }).id;
}

test.describe("server actions", () => {
  let actionId: string;
  let origin: string;
  test.beforeAll(async ({ request, baseURL }) => {
    actionId = await signUpActionId(request);
    origin = baseURL!;
  });
  const action = (headers: Record<string, string> = {}) => ({ origin, "next-action": actionId, ...headers });

  test("a JavaScript action call whose body is not the form it expects gets a 4xx", async ({ request }) => {
    const text = (data: string) =>
      request.post("/sign-up", { headers: action({ "content-type": "text/plain;charset=UTF-8" }), data });
    await expectRefused(await text("garbage{"), 400, "bad_request");
    await expectRefused(await text('{"email":"a@example.com"}'), 400, "bad_request");
    // Arguments Next can decode, but not a form: the action itself answers with its not-found page.
    await expectRefused(await text("[1,2]"), 404);
    await expectRefused(await text('[{},"not a form"]'), 404);

    const raw = (contentType: string, data: string) =>
      request.post("/sign-up", { headers: action({ "content-type": contentType }), data });
    await expectRefused(
      await raw("application/json", '{"email":"a@example.com"}'),
      415,
      "unsupported_media_type",
    );
    await expectRefused(await raw("application/x-www-form-urlencoded", "email=a%40example.com"), 415);
    await expectRefused(
      await raw("multipart/form-data; boundary=xyz", "not multipart at all"),
      400,
      "bad_request",
    );
    // A multipart type without its boundary cannot be read: refused as unreadable, with or without JavaScript.
    await expectRefused(await raw("multipart/form-data", "no boundary"), 400, "bad_request");

    const multipart = (...entries: [string, string][]) =>
      request.post("/sign-up", { headers: action(), multipart: parts(...entries) });
    await expectRefused(await multipart(["_1_email", "a@example.com"]), 400, "bad_request");
    await expectRefused(await multipart(["0", "{not json"]), 400, "bad_request");
    await expectRefused(await multipart(["0", "[1,2]"]), 404);

    // The request as the app's own form sends it still works: a field error, not a refusal.
    const real = await multipart(["_1_email", "not an email"], ["_1_password", "x"], ["0", '[{},"$K1"]']);
    expect(real.status()).toBe(200);
    expect(await real.text()).toContain("Enter a valid email address");
  });

  test("an unknown action id gets Next's own 4xx", async ({ request }) => {
    const response = await request.post("/sign-up", {
      headers: { origin, "next-action": "00".repeat(21), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toMatch(NO_STACK);
  });

  test("a no-JavaScript form post Next cannot decode gets a 400", async ({ request }) => {
    const broken = await request.post("/sign-up", {
      headers: { origin, "content-type": "multipart/form-data; boundary=xyz" },
      data: "--xyz\r\nnot a part",
    });
    await expectRefused(broken, 400, "bad_request");
    const bound = await request.post("/sign-up", {
      headers: { origin },
      multipart: {
        $ACTION_REF_1: "",
        "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
        "$ACTION_1:1": "[{",
        email: "a@example.com",
      },
    });
    await expectRefused(bound, 400, "bad_request");
  });

  test("a form over the 1 MB limit gets a 413, with or without JavaScript; one under it is read", async ({
    request,
  }) => {
    const big = "x".repeat(1024 * 1024 + 1);
    await expectRefused(
      await request.post("/sign-up", {
        headers: action(),
        multipart: parts(["_1_name", big], ["0", '[{},"$K1"]']),
      }),
      413,
      "payload_too_large",
    );
    await expectRefused(
      await request.post("/sign-up", {
        headers: action({ "content-type": "text/plain;charset=UTF-8" }),
        data: JSON.stringify([big]),
      }),
      413,
      "payload_too_large",
    );
    await expectRefused(
      await request.post("/sign-up", {
        headers: { origin },
        multipart: {
          $ACTION_REF_1: "",
          "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
          "$ACTION_1:1": "[{}]",
          name: big,
        },
      }),
      413,
      "payload_too_large",
    );
    const under = await request.post("/sign-up", {
      headers: action(),
      multipart: parts(
        ["_1_email", "not an email"],
        ["_1_name", "x".repeat(900 * 1024)],
        ["0", '[{},"$K1"]'],
      ),
    });
    expect(under.status()).toBe(200);
    expect(await under.text()).toContain("Use at most 80 characters");
  });

  test("a form sent in chunks with no Content-Length gets a 411", async ({ baseURL }) => {
    const { status, body } = await postChunked(new URL("/sign-up", baseURL), ["[{},", '"x"]'], {
      origin,
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
    });
    expect(status, body).toBe(411);
    expect(JSON.parse(body)).toMatchObject({ error: { code: "length_required" } });
  });
});

test.describe("the credentials callback", () => {
  const url = "/api/auth/callback/credentials";
  const headers = (origin: string, contentType: string) => ({ origin, "content-type": contentType });

  test("bad JSON, a JSON array and an oversized body get a 4xx with the JSON error", async ({
    request,
    baseURL,
  }) => {
    const post = (contentType: string, data: string) =>
      request.post(url, { headers: headers(baseURL!, contentType), data });
    await expectRefused(await post("application/json", "{bad"), 400, "bad_request");
    await expectRefused(await post("application/json", '["a@example.com"]'), 400, "bad_request");
    await expectRefused(
      await post("application/x-www-form-urlencoded", `email=${"a".repeat(70_000)}`),
      413,
      "payload_too_large",
    );
  });

  test("an oversized body sent in chunks is refused at once, not left hanging", async ({ baseURL }) => {
    const started = Date.now();
    const chunk = `email=${"a".repeat(16 * 1024)}`;
    const { status, body } = await postChunked(new URL(url, baseURL), Array(8).fill(chunk), {
      origin: baseURL!,
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(status, body).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: { code: "payload_too_large" } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("a wrong content type is next-auth's CSRF redirect, not a 500", async ({ request, baseURL }) => {
    for (const [contentType, data] of [
      ["text/plain", "hello"],
      ["multipart/form-data; boundary=x", "zzz"],
      ["application/x-www-form-urlencoded", "email=%ff&password=%"],
      ["application/octet-stream", "\u0000\u0001"],
    ]) {
      const response = await request.post(url, {
        headers: headers(baseURL!, contentType!),
        data,
        maxRedirects: 0,
      });
      expect(response.status(), contentType).toBeGreaterThanOrEqual(300);
      expect(response.status(), contentType).toBeLessThan(500);
      expect(await response.text()).not.toMatch(NO_STACK);
    }
  });
});

test.describe("a callbackUrl with a newline", () => {
  test("in the sign-in form's body gets a 400", async ({ request, baseURL }) => {
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { origin: baseURL! },
      form: { email: "a@example.com", password: "whatever", callbackUrl: "\n//evil.example", json: "true" },
    });
    await expectRefused(response, 400, "bad_request");
  });

  test("in next-auth's query or cookie gets a 400", async ({ request }) => {
    const get = (path: string, cookie?: string) =>
      request.get(path, { maxRedirects: 0, ...(cookie && { headers: { cookie } }) });
    await expectRefused(await get("/api/auth/signin?callbackUrl=%0A%2F%2Fevil.example"), 400, "bad_request");
    await expectRefused(await get("/api/auth/error?error=%0Aevil"), 400, "bad_request");
    await expectRefused(
      await get("/api/auth/signin", "next-auth.callback-url=%0A%2F%2Fevil.example"),
      400,
      "bad_request",
    );
  });

  test("on the sign-in page falls back to the default", async ({ request }) => {
    const response = await request.get("/sign-in?callbackUrl=%0A%2F%2Fevil.example");
    expect(response.status()).toBe(200);
    const html = await response.text();
    // Next echoes the address in its page data (escaped); no link or form of the page goes there.
    expect(html).not.toMatch(/(href|action)="[^"]*evil/);
    expect(html).toContain('\\"callbackUrl\\":\\"/account\\"');
    expect(html).toContain("/sign-up?callbackUrl=%2Faccount");
  });
});
