import { createHash, randomBytes } from "node:crypto";

/**
 * The Content-Security-Policy of every page. Scripts run only from this origin plus, for inline
 * scripts, either a per-response nonce (pages rendered for one request: Next reads the nonce from
 * the request's CSP header and puts it on its own scripts) or the hashes of the inline scripts of a
 * cached page (a cached page is served to many visitors, so a nonce in it would be public).
 * No 'unsafe-inline' or 'unsafe-eval' for scripts outside `next dev`.
 */
export type PolicyOptions = {
  nonce?: string;
  scriptHashes?: readonly string[];
  https: boolean;
  development: boolean;
};

export function contentSecurityPolicy({
  nonce,
  scriptHashes = [],
  https,
  development,
}: PolicyOptions): string {
  const scripts = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : []),
    ...scriptHashes.map((h) => `'${h}'`),
    // React's development build evaluates source maps for its error overlay.
    ...(development ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    // Inline style attributes are React's; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const newNonce = () => randomBytes(16).toString("base64");

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The inline scripts Next and React write into a page, by shape. Each takes one argument that must
 * be plain JSON (data, never code), so markup that slipped into a page cannot pass for one of them.
 */
const KNOWN_INLINE: readonly { prefix: string; suffix: RegExp }[] = [
  { prefix: "self.__next_f.push(", suffix: /\)$/ },
  { prefix: "(self.__next_f=self.__next_f||[]).push(", suffix: /\)$/ },
  { prefix: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', suffix: /\);?$/ },
];

/** How each of Next's own inline scripts begins (lib/http/lean-page.ts takes them out of a lean page). */
export const NEXT_INLINE_PREFIXES: readonly string[] = KNOWN_INLINE.map((k) => k.prefix);

function isKnownInline(source: string): boolean {
  for (const { prefix, suffix } of KNOWN_INLINE) {
    if (!source.startsWith(prefix)) continue;
    const match = suffix.exec(source);
    if (!match) return false;
    try {
      JSON.parse(source.slice(prefix.length, match.index));
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The CSP hashes of a page's inline scripts. `unknown` lists the start of any inline script that is
 * not one of Next's own: it gets no hash (the browser blocks it), and the page is not cached.
 */
export function inlineScriptHashes(html: string): { hashes: string[]; unknown: string[] } {
  const hashes = new Set<string>();
  const unknown: string[] = [];
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || body === "") continue;
    if (/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) continue;
    if (!isKnownInline(body)) {
      unknown.push(body.slice(0, 60));
      continue;
    }
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return { hashes: [...hashes], unknown };
}
