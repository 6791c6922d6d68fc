import { expect, type Page, type Request } from "@playwright/test";

/**
 * That a request the page must not make (now) does not come: waits for it, bounded by `withinMs`,
 * and fails with its address the moment it starts. The bound is for an event that, were it coming,
 * would start at once (an observer firing, a handler running), not a guess at how long work takes.
 */
export async function expectNoRequest(page: Page, match: (request: Request) => boolean, withinMs = 2_000) {
  const request = await page.waitForRequest(match, { timeout: withinMs }).catch(() => null);
  expect(request?.url() ?? null, "a request that should not have been made").toBeNull();
}
