import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://app.test/api/x", { method: "POST", headers });

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvCache();
});

describe("assertSameOrigin", () => {
  it("accepts the site's own Origin and refuses another", () => {
    expect(() => assertSameOrigin(post({ host: "app.test", origin: "http://app.test" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ host: "app.test", origin: "http://evil.test" }))).toThrow(
      /another site/,
    );
  });

  it("ignores X-Forwarded-Host without a trusted proxy", () => {
    const forged = post({ host: "app.test", origin: "http://evil.test", "x-forwarded-host": "evil.test" });
    expect(() => assertSameOrigin(forged)).toThrow(/another site/);
  });

  it("believes X-Forwarded-Host when TRUSTED_PROXY_HOPS is set", () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    resetEnvCache();
    const proxied = post({
      host: "10.0.0.5:3000",
      origin: "https://personas.example",
      "x-forwarded-host": "personas.example",
    });
    expect(() => assertSameOrigin(proxied)).not.toThrow();
  });

  it("refuses a cross-site request without Origin by Fetch Metadata, and a malformed Origin", () => {
    expect(() => assertSameOrigin(post({ host: "app.test", "sec-fetch-site": "cross-site" }))).toThrow();
    expect(() => assertSameOrigin(post({ host: "app.test", origin: "null" }))).toThrow();
  });
});
