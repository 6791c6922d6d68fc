import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { test, expect, newCredentials } from "../testing/e2e/accounts";
import { grantRole } from "../testing/e2e/roles";
import { ChatPage } from "./pages/chat-page";
import { SignUpPage } from "./pages/sign-up-page";
import { StudioPage } from "./pages/studio-page";

/** A catalog persona whose prompt the creator copies (and the review must notice). */
const COPIED = "backend-developer";
const ORIGINAL_PROMPT = (word: string) =>
  [
    "# Quokka Guide",
    "",
    `You are a cheerful island ranger who explains ${word} facts about quokkas to visitors.`,
    "",
    "## How you answer",
    "",
    "- Keep to what rangers on Rottnest Island actually say: never feed them, never touch them.",
    "- Describe where quokkas shelter during hot afternoons and why they are mostly nocturnal.",
    "- When asked for photos, remind people to keep a respectful distance and use a zoom lens.",
  ].join("\n");

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
    const key = `sk-ant-api03-${randomBytes(30).toString("base64url")}`;
    await studio.fill({
      Name: "Quokka Guide",
      Address: "quokka-guide",
      Description: "Knows everything about quokkas on Rottnest Island.",
      Tags: "animals, travel",
      Greeting: "G'day! Ask me about quokkas.",
      "Prompt (markdown)": `# Quokka Guide\n\nYou explain ${word} facts.\n\nUse this key: ${key}`,
      Changelog: "First version",
    });
    // The live preview renders the prompt the way the persona page does.
    await expect(studio.preview.getByRole("heading", { name: "Quokka Guide", level: 1 })).toBeVisible();
    await studio.expectSaved();
    await expect(page).toHaveURL(/\/studio\/drafts\/[0-9a-f-]{36}$/);
    // Drafts survive a reload.
    await page.reload();
    await expect(studio.field("Name")).toHaveValue("Quokka Guide");

    // A planted API key is refused, with its line.
    await studio.submit();
    await expect(studio.report).toHaveAttribute("data-verdict", "refused");
    const secret = studio.report.locator('[data-rule="secret"]');
    await expect(secret).toContainText(/line \d+/i);

    // Fixed, but the prompt is a catalog persona's: flagged as a near-duplicate, for a moderator.
    const copied = fs
      .readFileSync(path.join("content", "personas", `${COPIED}.md`), "utf8")
      .split(/\n---\n/)[1]!;
    await studio.field("Prompt (markdown)").fill(`${copied.trim()}\n\nAlso about ${word}.`);
    await studio.submit();
    await expect(studio.report).toHaveAttribute("data-verdict", "needs_moderator");
    await expect(studio.report.locator('[data-rule="near-duplicate"]')).toContainText(COPIED);
    // A second submission while one waits is refused with a clear message.
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("already has a submission waiting")).toBeVisible();
    const id = `${handle}--quokka-guide`;

    const moderatorCredentials = newCredentials("moderator");
    const moderatorPage = await newPage();
    await new SignUpPage(moderatorPage).signUp({ ...moderatorCredentials, name: "Mod" });
    grantRole(moderatorCredentials.email, "moderator");
    await moderatorPage.goto("/moderation");
    const item = moderatorPage.locator(`[data-testid="queue-item"][data-persona="${id}"]`);
    await expect(item).toBeVisible();
    await expect(item.getByTestId("review-report")).toHaveAttribute("data-verdict", "needs_moderator");
    await item.getByLabel("Reason (the creator sees it)").fill("This is a copy of a catalog persona.");
    await item.getByRole("button", { name: "Reject" }).click();
    await expect(item).toHaveCount(0);

    // Edited into its own words: submitted clean.
    await page.reload();
    await expect(page.getByTestId("submission-status")).toContainText("This is a copy of a catalog persona.");
    await studio.field("Prompt (markdown)").fill(ORIGINAL_PROMPT(word));
    await studio.submit();
    await expect(studio.report).toHaveAttribute("data-verdict", "clean");

    // A visitor (new context, no cookies: the page cache answers) searches before it is approved.
    const visitor = await newPage();
    const searched = await visitor.goto(`/?q=${word}`);
    expect(searched?.headers()["x-page-cache"]).toBeDefined();
    await expect(visitor.getByTestId("persona-card")).toHaveCount(0);

    await moderatorPage.reload();
    await expect(item).toBeVisible();
    await expect(item.getByTestId("submission-diff")).toContainText("Quokka Guide");
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
    await expect(moderatorPage.getByTestId("audit-log")).toContainText(id);

    // The visitor finds it by search within 10 s: the cached search page was dropped.
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
    // The editor is the studio's heaviest page: its code may take a while to load on a busy machine.
    await expect(remixer).toHaveURL(/\/studio\/drafts\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await expect(remixer.getByText(`Remixed from ${id} v1.0.0`)).toBeVisible();
  });

  test("a free user cannot reach moderation: the page and its routes answer 403 with no data", async ({
    page,
    signUpPage,
    credentials,
  }) => {
    await signUpPage.signUp({ ...credentials, name: "Free" });
    const response = await page.goto("/moderation");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const queue = await page.request.get("/api/moderation/queue");
    expect(queue.status()).toBe(403);
    expect(Object.keys(await queue.json())).toEqual(["error"]);
    const decision = await page.request.post("/api/moderation/decisions", {
      data: {
        decision: "approve",
        submissionId: "00000000-0000-4000-8000-000000000000",
        tier: "max",
        reason: "",
      },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(decision.status()).toBe(403);
  });
});
