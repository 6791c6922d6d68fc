import fs from "node:fs";
import type { Download, Page } from "@playwright/test";
import { lockedSentences, personaFile } from "../testing/e2e/content-files";
import { apiGet, expect, test } from "../testing/e2e/accounts";

// Signing up (argon2) and redeeming a code on a busy machine can take longer than 30 seconds.
test.describe.configure({ timeout: 90_000 });

const FREE = personaFile("frontend-developer");
const PRO = personaFile("database-architect");

const downloads = (page: Page) => page.getByRole("region", { name: "Download" });

async function download(page: Page, name: RegExp): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    downloads(page).getByRole("link", { name }).click(),
  ]);
  return { file, bytes: fs.readFileSync((await file.path())!) };
}

/** A card's JSON from a PNG's tEXt chunk, read here without the app's code. */
function pngText(bytes: Buffer, keyword: string): string | undefined {
  let offset = 8;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "tEXt" && data.toString("latin1").startsWith(`${keyword}\0`))
      return data.toString("latin1").slice(keyword.length + 1);
    offset += 12 + length;
  }
  return undefined;
}

test("a visitor downloads a free persona as a Claude Code agent and as a card PNG from its page", async ({
  page,
}) => {
  await page.goto(`/personas/${FREE.id}`);
  await expect(downloads(page).getByRole("link")).toHaveCount(4);

  const agent = await download(page, /Claude Code agent/);
  expect(agent.file.suggestedFilename()).toBe(`${FREE.id}.md`);
  const text = agent.bytes.toString("utf8");
  expect(text).toMatch(new RegExp(`^---\\nname: ${FREE.id}\\n`));
  // The comma list, quoted or not (YAML reads both the same).
  expect(text).toMatch(new RegExp(`\\ntools: '?${FREE.tools.join(", ")}'?\\n`));
  expect(text).toContain(FREE.body.trim());

  const png = await download(page, /Character Card V3 \(\.png\)/);
  expect(png.file.suggestedFilename()).toBe(`${FREE.id}.card.png`);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const card = JSON.parse(Buffer.from(pngText(png.bytes, "ccv3")!, "base64").toString("utf8"));
  expect(card).toMatchObject({
    spec: "chara_card_v3",
    data: { name: FREE.name, creator_notes: FREE.description },
  });
  expect(card.data.description).toBe(FREE.body.trim());
  expect(JSON.parse(Buffer.from(pngText(png.bytes, "chara")!, "base64").toString("utf8")).spec).toBe(
    "chara_card_v2",
  );

  const lobehub = await download(page, /LobeHub agent/);
  expect(JSON.parse(lobehub.bytes.toString("utf8"))).toMatchObject({
    identifier: FREE.id,
    meta: { title: FREE.name },
  });
});

test("a locked persona has no download links, and its export is a 403 without the prompt", async ({
  page,
}) => {
  await page.goto(`/personas/${PRO.id}`);
  await expect(page.getByTestId("locked-body")).toBeVisible();
  await expect(downloads(page)).toHaveCount(0);
  const response = await apiGet(page.request, `/api/personas/${PRO.id}/export?format=claude-code`);
  expect(response.status()).toBe(403);
  expect(response.headers()["content-disposition"]).toBeUndefined();
  const text = await response.text();
  expect(JSON.parse(text).error.code).toBe("forbidden");
  for (const secret of lockedSentences(PRO.id)) expect(text).not.toContain(secret);
});

test("once a Pro code is redeemed, the Pro persona's page offers the downloads, with the whole prompt", async ({
  page,
  signUpPage,
  accountPage,
  credentials,
  proCodes,
}) => {
  await signUpPage.signUp(credentials);
  await accountPage.goto();
  await accountPage.redeemCode(proCodes.take());
  await accountPage.expectTier("Pro");
  await page.goto(`/personas/${PRO.id}`);
  const card = await download(page, /Character Card V3 \(\.json\)/);
  expect(card.file.suggestedFilename()).toBe(`${PRO.id}.card.json`);
  const json = JSON.parse(card.bytes.toString("utf8"));
  for (const secret of lockedSentences(PRO.id)) expect(json.data.description).toContain(secret);
  expect(json.data.extensions.persona_market).toMatchObject({ id: PRO.id, tier: "pro" });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the download links are plain links that work", async ({ page }) => {
    await page.goto(`/personas/${FREE.id}`);
    const lobehub = await download(page, /LobeHub agent/);
    expect(lobehub.file.suggestedFilename()).toBe(`${FREE.id}.lobehub.json`);
    expect(JSON.parse(lobehub.bytes.toString("utf8")).config.systemRole).toBe(FREE.body.trim());
  });
});
