import { NEXT_INLINE_PREFIXES } from "./csp";

/**
 * A page the cache serves to visitors, without Next.js and React's client runtime.
 *
 * A cached page is the same for every visitor and works with JavaScript off: its links are links,
 * its filters and search are GET forms, its actions for a signed-in viewer are links to sign in.
 * What hydration would add for a visitor is client-side navigation (every link is a cached page
 * already) and three small behaviours, which `VISITOR_SCRIPT_PATH` (public/visitor.js) gives
 * without React: filters that apply on change, the theme picker, the phone header's menu.
 * So the page keeps its HTML, its stylesheets and its own scripts, and loses the runtime's chunks,
 * their preloads and the RSC payload inlined for hydration (about 130 KB of gzipped JavaScript and
 * more than half the HTML). Signed-in viewers never get a cached page: they get the full app.
 */
export const VISITOR_SCRIPT_PATH = "/visitor.js";

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;
const RUNTIME_SRC = /\bsrc\s*=\s*"\/_next\/static\//i;

function isRuntimePreload(tag: string): boolean {
  if (!/\bhref\s*=\s*"\/_next\/static\//i.test(tag)) return false;
  return (
    /\brel\s*=\s*"modulepreload"/i.test(tag) ||
    (/\brel\s*=\s*"preload"/i.test(tag) && /\bas\s*=\s*"script"/i.test(tag))
  );
}

/**
 * The page without the client runtime, with the visitor script in its head; null when the HTML is
 * not a whole document (no `</head>`), which the cache then serves as Next rendered it.
 */
export function leanPage(html: string): string | null {
  const head = html.indexOf("</head>");
  if (head < 0) return null;
  const withoutScripts = html.replace(SCRIPT, (tag: string, attributes: string, body: string) => {
    if (RUNTIME_SRC.test(attributes)) return "";
    if (!/\bsrc\s*=/i.test(attributes) && NEXT_INLINE_PREFIXES.some((prefix) => body.startsWith(prefix)))
      return "";
    return tag;
  });
  const lean = withoutScripts.replace(LINK, (tag: string) => (isRuntimePreload(tag) ? "" : tag));
  const at = lean.indexOf("</head>");
  return `${lean.slice(0, at)}<script src="${VISITOR_SCRIPT_PATH}" defer=""></script>${lean.slice(at)}`;
}
