import { expect, PERSONAS, test } from "../testing/e2e/chat";

const { backend } = PERSONAS;

test.describe.configure({ timeout: 90_000 });

test.describe("searching your own conversations from /chat", () => {
  test("finds a message by its words, shows the matching line, and opens the chat at it", async ({
    page,
    chat,
    browser,
  }) => {
    const id = await chat.startConversation(
      backend.id,
      backend.name,
      "How do I paginate a zebracorn ledger?",
    );
    await page.goto(`/chat/${id}`);
    const form = page.getByRole("search", { name: "Search your conversations" });
    await form.getByRole("searchbox").fill("zebracorn LEDG");
    await form.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/chat\/search\?q=zebracorn\+LEDG$/);

    // The title (taken from the first message) may match too; the message's own hit says "You:".
    const hit = page.getByTestId("chat-search-hit").filter({ hasText: "You:" });
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText("You: How do I paginate a zebracorn ledger?");
    await expect(hit.locator("mark")).toHaveText(["zebracorn", "ledger"]);
    const href = await hit.getAttribute("href");
    expect(href).toMatch(new RegExp(`^/chat/${id}#m-[\\w-]+$`));

    await hit.click();
    await expect(page).toHaveURL(new RegExp(`/chat/${id}#m-`));
    const target = page.locator(`[id="${href!.split("#")[1]}"]`);
    await expect(target).toContainText("zebracorn ledger");
    await expect(target).toBeInViewport();

    // Another visitor (a guest of their own) never sees it.
    const other = await browser.newContext();
    try {
      const theirs = await other.newPage();
      await theirs.goto("/chat/search?q=zebracorn");
      await expect(theirs.getByTestId("chat-search-hit")).toHaveCount(0);
      await expect(theirs.getByRole("heading", { level: 1, name: "Search conversations" })).toBeVisible();
    } finally {
      await other.close();
    }
  });

  test("a search with no match says so, and works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto("/chat/search?q=nothing+like+this");
      await expect(page.getByRole("heading", { level: 1, name: "Search conversations" })).toBeVisible();
      await expect(page.getByTestId("chat-search-hit")).toHaveCount(0);
      const box = page.getByRole("search", { name: "Search your conversations" }).getByRole("searchbox");
      await expect(box).toHaveValue("nothing like this");
    } finally {
      await context.close();
    }
  });
});
