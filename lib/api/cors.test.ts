import { describe, expect, it } from "vitest";
import { allowedOrigin, preflight, withCors } from "./cors";

const request = (origin?: string, method = "POST") =>
  new Request("http://localhost/v1/chat/completions", {
    method,
    headers: origin ? { origin, "access-control-request-method": "POST" } : {},
  });

describe("CORS for /v1", () => {
  it("is off when the operator lists no origins: no CORS header on answers or preflights", () => {
    expect(allowedOrigin(request("https://app.example.com"), [])).toBeNull();
    const answer = withCors(request("https://app.example.com"), new Response("{}"), []);
    expect(answer.headers.get("access-control-allow-origin")).toBeNull();
    const pre = preflight(request("https://app.example.com", "OPTIONS"), "POST", []);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a listed origin's preflight with the methods and the headers the openai clients send", () => {
    const allowed = ["https://app.example.com"];
    const pre = preflight(request("https://app.example.com", "OPTIONS"), "POST", allowed);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(pre.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(
      /Authorization.*Content-Type.*X-Stainless-Lang/,
    );
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    expect(pre.headers.get("vary")).toBe("Origin");
    const answer = withCors(request("https://app.example.com"), new Response("{}"), allowed);
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  });

  it("refuses an origin not listed (a look-alike too), and * allows any", () => {
    const allowed = ["https://app.example.com"];
    expect(allowedOrigin(request("https://app.example.com.evil.test"), allowed)).toBeNull();
    expect(allowedOrigin(request("http://app.example.com"), allowed)).toBeNull();
    expect(allowedOrigin(request(), allowed)).toBeNull();
    expect(allowedOrigin(request("https://anything.test"), ["*"])).toBe("*");
  });
});
