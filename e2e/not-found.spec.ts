import { expect, test } from "./fixtures";

type ErrorBody = { error: { code: string; message: string } };

function expectErrorShape(body: unknown, code: string) {
  expect(body).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  expect((body as ErrorBody).error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(js|ts):\d+/);
}

test.describe("not found", () => {
  test("an unknown persona shows the not-found page with HTTP 404 and a way back", async ({
    page,
    gallery,
  }) => {
    const response = await page.goto("/personas/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await expect(page).toHaveTitle(/not found/i);
    await page.getByRole("main").getByRole("link", { name: "Browse all personas" }).click();
    await expect(page).toHaveURL("/");
    await expect(gallery.cards.first()).toBeVisible();
  });

  test("an unknown route shows the same page with HTTP 404", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });

  test("chat with an unknown persona is a 404", async ({ request }) => {
    expect((await request.get("/chat?persona=does-not-exist")).status()).toBe(404);
  });
});

test.describe("API errors", () => {
  test("an unknown persona id is a 404 with a JSON error", async ({ request }) => {
    const response = await request.get("/api/personas/does-not-exist");
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expectErrorShape(await response.json(), "not_found");
  });

  test("a malformed persona id is a 400 with a JSON error", async ({ request }) => {
    const response = await request.get("/api/personas/NOT_AN_ID");
    expect(response.status()).toBe(400);
    expectErrorShape(await response.json(), "bad_request");
  });

  for (const [query, field] of [
    ["tier=gold", "tier"],
    ["page=0", "page"],
    ["page=abc", "page"],
    ["pageSize=1000", "pageSize"],
    ["category=cooking", "category"],
    ["tier=free&tier=pro", "tier"],
    ["colour=blue", "colour"],
  ] as const) {
    test(`?${query} is a 400 with a JSON error naming ${field}`, async ({ request }) => {
      const response = await request.get(`/api/personas?${query}`);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = (await response.json()) as ErrorBody;
      expectErrorShape(body, "bad_request");
      expect(body.error.message).toContain(field);
    });
  }

  test("a good query is a 200 with summaries only", async ({ request }) => {
    const response = await request.get("/api/personas?tier=max&pageSize=100");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Record<string, unknown>[]; total: number };
    expect(body.items).toHaveLength(body.total);
    for (const item of body.items) {
      expect(item.tier).toBe("max");
      expect(item).not.toHaveProperty("body");
    }
  });
});
