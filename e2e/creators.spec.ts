import { randomBytes } from "node:crypto";
import { test, expect, newCredentials } from "../testing/e2e/accounts";
import { grantRole } from "../testing/e2e/roles";
import { ChatPage } from "./pages/chat-page";
import { SignUpPage } from "./pages/sign-up-page";
import { StudioPage } from "./pages/studio-page";

test.describe("creators publish @smoke", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a creator writes, submits and fixes a persona; a moderator approves; a visitor finds and chats with it; another user remixes it", async ({
    page,
    signUpPage,
    credentials,
    newPage,
  }) => {
    const handle = `c${randomBytes(4).toString("hex")}`;
    const word = `quokkalore${randomBytes(3).toString("hex")}`;
    const studio = new StudioPage(page);
    await signUpPage.signUp({ ...credentials, name: "Creator" });
    await studio.chooseHandle(handle);

    await page.getByRole("link", { name: "New persona" }).click();
    await expect(page).toHaveURL(/\/studio\/new$/);
    await studio.fill({
      Name: "Quokka Guide",
      Address: "quokka-guide",
      Description: "Knows everything about quokkas on Rottnest Island.",
      Tags: "animals, travel",
      Greeting: "G'day! Ask me about quokkas.",
      "Prompt (markdown)": `# Quokka Guide\n\nYou explain ${word} facts.\n\nMy key: sk-ant-api03-${"A".repeat(90)}`,
      Changelog: "First version",
    });
    // The live preview renders the prompt the way the persona page does.
    await expect(studio.preview.getByRole("heading", { name: "Quokka Guide", level: 1 })).toBeVisible();
    await studio.expectSaved();
    await expect(page).toHaveURL(/\/studio\/drafts\/[0-9a-f-]{36}$/);
    // Drafts survive a reload.
    await page.reload();
    await expect(studio.field("Name")).toHaveValue("Quokka Guide");

    await studio.submit();
    await expect(studio.report).toBeVisible();
    const id = `${handle}--quokka-guide`;

    const moderatorCredentials = newCredentials("moderator");
    const moderatorPage = await newPage();
    await new SignUpPage(moderatorPage).signUp({ ...moderatorCredentials, name: "Mod" });
    grantRole(moderatorCredentials.email, "moderator");
    await moderatorPage.goto("/moderation");
    const item = moderatorPage.locator(`[data-testid="queue-item"][data-persona="${id}"]`);
    await expect(item).toBeVisible();
    await expect(item.getByTestId("submission-diff")).toContainText("Quokka Guide");
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
    await expect(moderatorPage.getByTestId("audit-log")).toContainText(id);

    // A visitor (no cookies: the page cache answers) finds it by search within 10 s.
    const visitor = await newPage();
    await expect(async () => {
      await visitor.goto(`/?q=${word}`);
      await expect(visitor.getByTestId("persona-card")).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await visitor.getByTestId("persona-card").first().getByRole("link").first().click();
    await expect(visitor).toHaveURL(new RegExp(`/personas/${id}$`));
    await expect(visitor.getByTestId("persona-credit")).toContainText(`@${handle}`);
    const chat = new ChatPage(visitor);
    await chat.startNew(id);
    await chat.sendMessage("Quokka Guide", "Tell me one thing.");
    await chat.expectLastReplyComplete();

    // A second user remixes it: the draft records where it came from.
    const remixer = await newPage();
    await new SignUpPage(remixer).signUp({ ...newCredentials("remixer"), name: "Remixer" });
    await new StudioPage(remixer).chooseHandle(`r${randomBytes(4).toString("hex")}`);
    await remixer.goto(`/personas/${id}`);
    await remixer.getByRole("button", { name: "Remix" }).click();
    await expect(remixer).toHaveURL(/\/studio\/drafts\/[0-9a-f-]{36}$/);
    await expect(remixer.getByText(`Remixed from ${id} v1.0.0`)).toBeVisible();
  });
});
