import AxeBuilder from "@axe-core/playwright";
import { apiGet, expect, RETRY_RESET, test } from "../testing/e2e/accounts";
import { personaFile } from "../testing/e2e/catalog";
import { ApiKeysSection } from "./pages/api-keys-section";

// Signs up (argon2 on the server) and redeems a code: slower than the default on a busy machine.
test.describe.configure({ timeout: 90_000 });

const PRO = personaFile("database-architect");

test("a Pro account creates an API key on /account, calls the API with it, and revokes it", async ({
  page,
  signUpPage,
  accountPage,
  credentials,
  proCodes,
  playwright,
  baseURL,
}) => {
  await signUpPage.signUp(credentials);
  await accountPage.goto();
  await accountPage.redeemCode(proCodes.take());
  await expect(accountPage.redeemStatus).toHaveText("Code redeemed: you now have Pro.");
  await accountPage.goto();

  const keys = new ApiKeysSection(page);
  await expect(keys.section).toContainText("Your plan includes the API.");
  const key = await keys.createKey("e2e laptop");
  await expect(keys.copy).toBeVisible();
  await expect(keys.row("e2e laptop")).toContainText(key.slice(0, 9));
  await expect(keys.row("e2e laptop")).toContainText("Never");
  const axe = await new AxeBuilder({ page })
    .include('section[aria-labelledby="api-keys"]')
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A client of its own: no cookies, no Origin; only the bearer key.
  const client = await playwright.request.newContext({ baseURL });
  const auth = { headers: { authorization: `Bearer ${key}` }, ...RETRY_RESET };
  // Another site's page calling with the key is fine too: a bearer key is not a cookie a browser adds by itself.
  const models = await client.get("/v1/models", {
    ...auth,
    headers: { ...auth.headers, origin: "https://elsewhere.example" },
  });
  expect(models.status()).toBe(200);
  const ids = ((await models.json()) as { data: { id: string }[] }).data.map((m) => m.id);
  expect(ids).toContain(PRO.id);
  const completion = await client.post("/v1/chat/completions", {
    ...auth,
    data: { model: PRO.id, stream: true, messages: [{ role: "user", content: "Hello from e2e" }] },
  });
  expect(completion.status()).toBe(200);
  const events = await completion.text();
  expect(events).toContain('"object":"chat.completion.chunk"');
  expect(events).toContain(`[persona:${PRO.id}]`);
  expect(events.trimEnd().endsWith("data: [DONE]")).toBe(true);
  const unknown = await client.post("/v1/embeddings", { ...auth, data: {} });
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("unknown_url");

  // Shown once: a fresh page has the key's prefix and when it was used, never the key.
  await accountPage.goto();
  await expect(keys.newKey).toHaveCount(0);
  await expect(keys.row("e2e laptop")).not.toContainText("Never");
  expect(await (await apiGet(page.request, "/account")).text()).not.toContain(key.slice(9));

  await keys.revoke("e2e laptop");
  await expect(keys.section.getByText("Revoked keys (1)")).toBeVisible();
  const refused = await client.get("/v1/models", auth);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
  await client.dispose();
});

test("a Free account is told the API is part of Pro, with no way to create a key", async ({
  page,
  signUpPage,
  credentials,
}) => {
  await signUpPage.signUp(credentials);
  const keys = new ApiKeysSection(page);
  await page.goto("/account");
  await expect(keys.section).toContainText("The API is part of Pro and above.");
  await expect(keys.createForm).toHaveCount(0);
  await expect(keys.section.getByRole("link", { name: "Compare plans" })).toHaveAttribute("href", "/pricing");
});
