import { expect } from "@playwright/test";
import { lockedSentences, sectionTitles } from "./catalog";

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

/**
 * Fails if any sentence or section title of a persona's body is in a page's HTML or its RSC
 * payload (pass "" for one not fetched). A short title ("Examples") may be a word of other text,
 * so it is looked for as a whole element's text (`>Examples<` in HTML, the string `"Examples"` in
 * the payload); a long one anywhere.
 */
export function expectNothingOfTheBody(id: string, html: string, rsc: string) {
  for (const sentence of lockedSentences(id)) {
    expect(html, sentence).not.toContain(sentence);
    expect(rsc, sentence).not.toContain(sentence);
  }
  for (const title of sectionTitles(id)) {
    expect(html, title).not.toContain(`>${escapeHtml(title)}<`);
    expect(rsc, title).not.toContain(JSON.stringify(title));
    if (title.length >= 12) {
      expect(html, title).not.toContain(escapeHtml(title));
      expect(rsc, title).not.toContain(title);
    }
  }
}
