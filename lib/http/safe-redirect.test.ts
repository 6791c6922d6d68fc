import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-redirect";

// Open-redirect payloads in the style of PayloadsAllTheThings' list, written out here.
const PAYLOADS = [
  "//evil.com",
  "///evil.com",
  "////evil.com",
  "https://evil.com",
  "http://evil.com",
  "https:evil.com",
  "http:/evil.com",
  "//evil.com/%2f..",
  "/\\evil.com",
  "\\evil.com",
  "\\\\evil.com",
  "/\\/evil.com",
  "/.//evil.com",
  "/./..//evil.com",
  "/../..//evil.com",
  "/%2f%2fevil.com",
  "/%2F%2Fevil.com",
  "%2f%2fevil.com",
  "/%5cevil.com",
  "/%5Cevil.com",
  "/%252f%252fevil.com",
  "/%25252f%25252fevil.com",
  "/%2e%2f%2fevil.com",
  "/%09/evil.com",
  "/%0a/evil.com",
  "/%0d/evil.com",
  "/%00/evil.com",
  "/%20/evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r/evil.com",
  " /evil.com",
  "/ /evil.com",
  "/\u3000/evil.com",
  "/\u00a0/evil.com",
  "/\x7f/evil.com",
  "/%7f/evil.com",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "java%0ascript:alert(1)",
  "/javascript:alert(1)%0a",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "evil.com",
  "@evil.com",
  "/%E0%A4%A",
  "/%",
  "/%zz",
  "https://x.invalid@evil.com",
  "//x.invalid@evil.com",
  "/%2f/evil.com",
  "/" + "a".repeat(600),
  "",
];

describe("safeCallbackPath", () => {
  it.each(PAYLOADS)("refuses %j", (payload) => {
    expect(safeCallbackPath(payload)).toBe("/");
  });

  it("has a long payload list", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each([undefined, null, 42, ["/chat"], { href: "/chat" }])("refuses non-strings (%j)", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it.each(["/", "/personas/x?tab=1#a", "/chat/abc", "/chat?persona=threat-modeler", "/account?welcome=1"])(
    "keeps %j",
    (path) => {
      expect(safeCallbackPath(path)).toBe(path);
    },
  );

  it("keeps harmless encoding and resolves dot segments", () => {
    expect(safeCallbackPath("/chat%3Fx")).toBe("/chat%3Fx");
    expect(safeCallbackPath("/a/../chat")).toBe("/chat");
  });

  it("uses the caller's fallback", () => {
    expect(safeCallbackPath("//evil.com", "/account")).toBe("/account");
  });
});

describe("safeRedirectUrl", () => {
  const site = "https://personas.example.com";

  it("makes paths absolute on the site", () => {
    expect(safeRedirectUrl("/chat/abc", site)).toBe(`${site}/chat/abc`);
  });

  it("keeps absolute URLs on the site's own origin", () => {
    expect(safeRedirectUrl(`${site}/personas/x?tab=1#a`, site)).toBe(`${site}/personas/x?tab=1#a`);
    expect(safeRedirectUrl(`${site}/sign-in?error=OAuthNoEmail`, site)).toBe(
      `${site}/sign-in?error=OAuthNoEmail`,
    );
  });

  it.each([
    ...PAYLOADS,
    "http://personas.example.com/chat",
    "https://personas.example.com.evil.com/",
    "https://personas.example.com:8443/",
    `${site}//evil.com`,
    `${site}/\\evil.com`,
    `${site}/%2f%2fevil.com`,
    `${site}/\t/evil.com`,
  ])("sends %j home", (payload) => {
    expect(safeRedirectUrl(payload, site)).toBe(`${site}/`);
  });
});
