import { expect, test } from "./fixtures";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test.describe("operations", () => {
  test("every response carries a fresh X-Request-Id, and a client-sent one is replaced", async ({
    request,
  }) => {
    const ids = new Set<string>();
    for (const url of [
      "/",
      "/personas/backend-developer",
      "/api/personas?pageSize=1",
      "/no/such/page",
      "/icon.svg",
    ]) {
      const response = await request.get(url, { headers: { "X-Request-Id": "forged-by-client" } });
      const id = response.headers()["x-request-id"] ?? "";
      expect(id, url).toMatch(UUID);
      ids.add(id);
    }
    expect(ids.size).toBe(5);
  });

  test("an error body carries the same requestId as the X-Request-Id header", async ({ request }) => {
    for (const url of ["/api/personas/no-such-persona", "/api/personas?page=-1", "/api/conversations/nope"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBeGreaterThanOrEqual(400);
      expect(response.status(), url).toBeLessThan(500);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.requestId, url).toBe(response.headers()["x-request-id"]);
    }
  });

  test("GET /api/health says the process is alive", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = (await response.json()) as { status: string; uptimeSeconds: number };
    expect(body.status).toBe("ok");
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  test("GET /api/ready reports database, catalog and model without secrets or paths", async ({ request }) => {
    const response = await request.get("/api/ready");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: "ready",
      ready: true,
      database: { ok: true, engine: "sqlite", writable: true, migrated: true },
      catalog: { ok: true },
      model: { configured: true, provider: "openai-compatible", name: "local-model via openai-compatible" },
    });
    expect(body.catalog.personas).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/127\.0\.0\.1|\.db|\/|secret|key/i);
  });
});

test.describe("malformed requests get a 4xx, never a 500", () => {
  for (const path of [
    "/personas/%ff",
    "/api/conversations/%ff/export",
    "/chat/%ff",
    "/api/auth/%ff",
    "/api/personas/%E0%A4%A",
  ]) {
    test(`GET ${path}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      const text = await response.text();
      expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });
  }

  test("a server action posted from another site is a 403", async ({ request }) => {
    const response = await request.post("/sign-up", {
      headers: { "Next-Action": "0123456789abcdef0123456789abcdef01234567", Origin: "https://evil.example" },
      multipart: { email: "x@example.com", password: "correct horse battery staple" },
    });
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.requestId).toBe(response.headers()["x-request-id"]);
  });

  test("a server action with an unknown id or a body that is not its form is a 4xx", async ({
    request,
    baseURL,
  }) => {
    const response = await request.post("/sign-up", {
      headers: { "Next-Action": "not-an-action", Origin: baseURL!, "Content-Type": "text/plain" },
      data: "\u0000garbage{",
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  });
});
