/**
 * The one stand-in for `next/headers` in tests: Next's request scope is a plain cookie jar and a
 * header map the test fills in, so getViewer(), guest cookies and request ids read them as they do
 * in production. In a test file:
 *
 *   vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);
 *
 * then set cookies with `jar` (or `signInJar` from testing/community-session.ts) or `resetScope()`.
 */

/** The browser's cookies for the request being handled (one jar, cleared and refilled, never replaced). */
export const jar = new Map<string, string>();

/** The request scope: the cookie jar and the request's headers. */
export const scope = { cookies: jar, headers: new Headers() };

/** A fresh request scope with these cookies and headers (none by default). */
export function resetScope({
  cookies = {},
  headers = {},
}: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}) {
  jar.clear();
  for (const [name, value] of Object.entries(cookies)) jar.set(name, value);
  scope.headers = new Headers(headers);
}

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "object") jar.set(name.name, name.value);
      else jar.set(name, value ?? "");
    },
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => scope.headers,
};
