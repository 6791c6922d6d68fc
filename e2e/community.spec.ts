import { test, expect } from "../testing/e2e/accounts";
import { ChatPage, CONVERSATION_URL } from "./pages/chat-page";

const P = { id: "backend-developer", name: "Backend Developer" };

test.describe("community: stars, reviews, trending, sharing", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a visitor's star asks to sign in and comes back; a signed-in star sticks and filters the gallery", async ({
    page,
    signUpPage,
    credentials,
  }) => {
    await page.goto(`/personas/${P.id}`);
    const signIn = page.getByTestId("favorite-sign-in");
    await expect(signIn).toHaveAttribute(
      "href",
      `/sign-in?callbackUrl=${encodeURIComponent(`/personas/${P.id}`)}`,
    );

    await signUpPage.signUp({ ...credentials, name: "Star Gazer" });
    await page.goto(`/personas/${P.id}`);
    const star = page.getByTestId("favorite-button");
    await expect(star).toHaveAttribute("aria-pressed", "false");
    await star.click();
    await expect(star).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(page.getByTestId("favorite-button")).toHaveAttribute("aria-pressed", "true");

    await page.goto("/?favorites=1");
    const cards = page.getByTestId("persona-card");
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText(P.name);
  });

  test("three messages earn a review; trending sorts by use; a shared chat is read-only and can be continued", async ({
    page,
    signUpPage,
    credentials,
    newPage,
  }) => {
    await signUpPage.signUp({ ...credentials, name: "Reviewer" });
    const chat = new ChatPage(page);
    await chat.startNew(P.id);
    await chat.sendMessage(P.name, "first question");
    await chat.expectLastReplyComplete();
    await expect(page).toHaveURL(CONVERSATION_URL);
    const conversationUrl = page.url();
    // The first message moves the chat to its own URL; open it there before sending more.
    await chat.open(CONVERSATION_URL.exec(conversationUrl)![1]!);
    for (const text of ["second question", "third question"]) {
      await chat.sendMessage(P.name, text);
      await chat.expectLastReplyComplete();
    }

    await page.goto(`/personas/${P.id}`);
    const form = page.getByRole("form", { name: "Your review" });
    await form.getByLabel("4★").check();
    await form.getByLabel("What was it like? (optional)").fill("Clear answers <b>not bold</b>");
    await form.getByRole("button", { name: "Post review" }).click();
    await expect(form.getByRole("status")).toHaveText("Review saved.");
    const review = page.getByTestId("review").filter({ hasText: "Reviewer" });
    await expect(review).toContainText("Clear answers <b>not bold</b>");
    await expect(review).toContainText("for version");
    await expect(page.getByTestId("rating-summary")).toContainText("out of 5");

    await page.goto("/");
    await page.getByLabel("Sort").selectOption("trending");
    await expect(page).toHaveURL(/sort=trending/);
    await expect(page.getByTestId("persona-card").first().getByTestId("persona-stats")).toContainText(
      /this week/,
    );

    await page.goto(conversationUrl);
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const shareUrl = await page.getByTestId("share-url").inputValue();
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

    const visitor = await newPage();
    await visitor.goto(new URL(shareUrl).pathname);
    await expect(visitor.getByTestId("shared-messages")).toContainText("third question");
    await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(visitor.getByText(credentials.email)).toHaveCount(0);
    await visitor.getByRole("button", { name: "Continue this chat" }).click();
    await expect(visitor).toHaveURL(CONVERSATION_URL);
    const copy = new ChatPage(visitor);
    await expect(copy.userMessages).toHaveCount(3);
    await copy.sendMessage(P.name, "a fourth, from the visitor");
    await copy.expectLastReplyComplete();
    expect(visitor.url()).not.toBe(conversationUrl);
  });
});
