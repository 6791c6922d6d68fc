/**
 * Next's request scope for in-process tests: `next/headers` reads cookies and headers from a plain
 * jar and header map that the test fills in. Use it as the factory of `vi.mock("next/headers")`.
 */
export const scope = { cookies: new Map<string, string>(), headers: new Headers() };

export function resetScope({
  cookies = {},
  headers = {},
}: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}) {
  scope.cookies = new Map(Object.entries(cookies));
  scope.headers = new Headers(headers);
}

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (scope.cookies.has(name) ? { name, value: scope.cookies.get(name)! } : undefined),
    getAll: () => [...scope.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => scope.cookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === "object") scope.cookies.set(name.name, name.value);
      else scope.cookies.set(name, value ?? "");
    },
    delete: (name: string) => scope.cookies.delete(name),
  }),
  headers: async () => scope.headers,
};

/** What Next would answer for an action that threw: a redirect, a not-found, or (anything else) a 500. */
export function statusOfThrown(error: unknown): number {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string") {
    if (digest.startsWith("NEXT_REDIRECT")) return 303;
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
    if (fallback) return Number(fallback[1]);
  }
  return 500;
}
