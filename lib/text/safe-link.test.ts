import { describe, expect, it } from "vitest";
import { safeLinkUrl } from "./safe-link";

describe("safeLinkUrl", () => {
  it.each([
    "https://example.com/a?b=1#c",
    "http://example.com",
    "HTTPS://EXAMPLE.COM",
    "mailto:someone@example.com",
    "/personas/x",
    "personas/x",
    "../up",
    "#section",
    "?tab=1",
    "/wiki/a:b",
    "#user-content-fn-1",
    "",
  ])("keeps %j", (url) => {
    expect(safeLinkUrl(url)).toBe(url);
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    " javascript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "irc://irc.example.com/chan",
    "ircs://irc.example.com/chan",
    "xmpp:someone@example.com",
    "tel:+123",
    "blob:https://example.com/x",
    "chrome://settings",
    "view-source:https://example.com",
    "1javascript:alert(1)",
    "\\\\evil.com",
    "/\\evil.com",
    "https://exa mple.com",
  ])("refuses %j", (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });
});
