import { expect, type Locator, type Page } from "@playwright/test";

export const CONVERSATION_URL = /\/chat\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Replies stream from the fake model in well under this; slow ones (directives) say their own. */
const REPLY_TIMEOUT = 15_000;
/** A server-rendered page on a busy machine. */
const PAGE_TIMEOUT = 10_000;

/** `/chat?persona=…` (a new conversation) and `/chat/:id` (a stored one), with the sidebar. */
export class ChatPage {
  readonly messages: Locator;
  readonly userMessages: Locator;
  readonly assistantMessages: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly regenerate: Locator;
  readonly continueWith: Locator;
  readonly error: Locator;
  readonly locked: Locator;
  readonly starters: Locator;
  readonly title: Locator;
  readonly exportLink: Locator;
  readonly sidebar: Locator;
  readonly conversations: Locator;

  constructor(readonly page: Page) {
    this.messages = page.getByTestId("messages");
    this.userMessages = this.messages.getByTestId("message-user");
    this.assistantMessages = this.messages.getByTestId("message-assistant");
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.stop = page.getByRole("button", { name: "Stop", exact: true });
    this.regenerate = page.getByRole("button", { name: "Regenerate", exact: true });
    this.continueWith = page.getByText("Continue with…", { exact: true });
    this.error = page.getByTestId("chat-error");
    this.locked = page.getByTestId("chat-locked");
    this.starters = page.getByRole("list", { name: "Conversation starters" }).getByRole("button");
    this.title = page.getByTestId("conversation-title");
    this.exportLink = page.getByRole("link", { name: "Export as Markdown" });
    this.sidebar = page.getByRole("navigation", { name: "Conversations" });
    this.conversations = this.sidebar.getByTestId("conversation-item");
  }

  /** The message box, labelled with the persona's name. */
  composer(personaName: string): Locator {
    return this.page.getByRole("textbox", { name: `Message ${personaName}`, exact: true });
  }

  get lastReply(): Locator {
    return this.assistantMessages.last();
  }

  noteOf(message: Locator): Locator {
    return message.getByTestId("message-note");
  }

  async startNew(personaId: string, prompt?: string) {
    await this.page.goto(
      `/chat?persona=${personaId}${prompt ? `&prompt=${encodeURIComponent(prompt)}` : ""}`,
    );
    await expect(this.messages).toBeVisible({ timeout: PAGE_TIMEOUT });
  }

  async open(conversationId: string) {
    await this.page.goto(`/chat/${conversationId}`);
    await expect(this.messages).toBeVisible({ timeout: PAGE_TIMEOUT });
  }

  /** Types a message for this persona and presses Send. */
  async sendMessage(personaName: string, text: string) {
    const box = this.composer(personaName);
    await box.fill(text);
    await this.send.click();
  }

  async expectLastReplyComplete(timeout = REPLY_TIMEOUT) {
    await expect(this.lastReply).toHaveAttribute("data-status", "complete", { timeout });
    await expect(this.stop).toHaveCount(0, { timeout: PAGE_TIMEOUT });
  }

  /** Sends a message in a new conversation, waits for the reply and for the page to move to /chat/:id. */
  async startConversation(personaId: string, personaName: string, text: string): Promise<string> {
    await this.startNew(personaId);
    await this.sendMessage(personaName, text);
    await this.expectLastReplyComplete();
    return this.waitForConversationUrl();
  }

  async waitForConversationUrl(): Promise<string> {
    await expect(this.page).toHaveURL(CONVERSATION_URL, { timeout: REPLY_TIMEOUT });
    return CONVERSATION_URL.exec(new URL(this.page.url()).pathname)![1]!;
  }

  conversationItem(title: string | RegExp): Locator {
    return this.conversations.filter({ hasText: title });
  }

  /** Statuses of the messages shown, like ["assistant:complete", "user:complete", …]. */
  async statuses(): Promise<string[]> {
    return this.messages
      .locator("> li")
      .evaluateAll((items) =>
        items.map(
          (li) =>
            `${(li.getAttribute("data-testid") ?? "").replace("message-", "")}:${li.getAttribute("data-status")}`,
        ),
      );
  }
}
