import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, actionRequestRefusal, isActionRequest } from "./action-request";

const post = (body: BodyInit, headers: Record<string, string>) => {
  const request = new Request("http://localhost/sign-up", { method: "POST", body, headers });
  // Request computes no Content-Length of its own; a real client sends one.
  if (!("content-length" in headers) && typeof body === "string")
    request.headers.set("content-length", String(Buffer.byteLength(body)));
  return request;
};
const multipart = (parts: [string, string][]) => {
  const form = new FormData();
  for (const [k, v] of parts) form.append(k, v);
  return new Request("http://localhost/", { method: "POST", body: form });
};
/** A multipart request as a browser sends it: the encoded body with its boundary and length. */
async function asSent(request: Request, headers: Record<string, string> = {}) {
  const bytes = new Uint8Array(await request.arrayBuffer());
  return post(bytes as BodyInit, {
    "content-type": request.headers.get("content-type")!,
    "content-length": String(bytes.byteLength),
    ...headers,
  });
}

describe("isActionRequest", () => {
  it("is a POST to a page with Next-Action or a multipart form, never an API route or a GET", () => {
    const req = (method: string, headers: Record<string, string>) =>
      new Request("http://localhost/x", { method, headers });
    expect(isActionRequest(req("POST", { "next-action": "abc" }), "/sign-up")).toBe(true);
    expect(
      isActionRequest(req("POST", { "content-type": "multipart/form-data; boundary=x" }), "/sign-up"),
    ).toBe(true);
    expect(
      isActionRequest(req("POST", { "content-type": "application/x-www-form-urlencoded" }), "/sign-up"),
    ).toBe(false);
    expect(isActionRequest(req("POST", { "next-action": "abc" }), "/api/chat")).toBe(false);
    expect(isActionRequest(req("GET", { "next-action": "abc" }), "/sign-up")).toBe(false);
  });
});

describe("actionRequestRefusal", () => {
  const js = { "next-action": "abc" };

  it("lets the app's own form requests through", async () => {
    const own = await asSent(
      multipart([
        ["_1_email", "a@example.com"],
        ["0", '[{},"$K1"]'],
      ]),
      js,
    );
    expect(await actionRequestRefusal(own)).toBeUndefined();
    const noJs = await asSent(
      multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"abc","bound":"$@1"}'],
        ["$ACTION_1:1", "[{}]"],
        ["email", "a"],
      ]),
    );
    expect(await actionRequestRefusal(noJs)).toBeUndefined();
    expect(
      await actionRequestRefusal(post("[1]", { ...js, "content-type": "text/plain;charset=UTF-8" })),
    ).toBeUndefined();
  });

  it("refuses a missing or too large Content-Length before reading anything", async () => {
    const chunked = post("[]", { ...js, "content-type": "text/plain", "content-length": "" });
    chunked.headers.delete("content-length");
    expect(await actionRequestRefusal(chunked)).toMatchObject({ status: 411 });
    const big = post("[]", {
      ...js,
      "content-type": "text/plain",
      "content-length": String(ACTION_BODY_LIMIT_BYTES + 1),
    });
    expect(await actionRequestRefusal(big)).toMatchObject({ status: 413, code: "payload_too_large" });
  });

  it.each([
    ["text that is not JSON", "text/plain", "garbage{"],
    ["JSON that is not an argument list", "text/plain", '{"a":1}'],
    ["a multipart body that is not multipart", "multipart/form-data; boundary=zzz", "nope"],
  ])("refuses %s with 400", async (_, type, body) => {
    expect(await actionRequestRefusal(post(body, { ...js, "content-type": type }))).toMatchObject({
      status: 400,
    });
  });

  it("refuses a JavaScript call in a type React never sends with 415", async () => {
    expect(
      await actionRequestRefusal(post("{}", { ...js, "content-type": "application/json" })),
    ).toMatchObject({ status: 415 });
  });

  it("refuses multipart without its encoded arguments, or with bound values that are not JSON", async () => {
    expect(await actionRequestRefusal(await asSent(multipart([["_1_email", "a"]]), js))).toMatchObject({
      status: 400,
    });
    const noJs = await asSent(
      multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:1", "[{"],
      ]),
    );
    expect(await actionRequestRefusal(noJs)).toMatchObject({ status: 400 });
  });
});
