/** KaTeX's version, in the stylesheet's address so an upgrade busts caches (a test keeps it true). */
export const KATEX_VERSION = "0.19.1";
/** Where KaTeX's stylesheet is served (app/katex/[...file]/route.ts). */
export const KATEX_CSS = `/katex/katex.min.css?v=${KATEX_VERSION}`;

/**
 * KaTeX's stylesheet, put in the page's head by React (and loaded before the maths shows) only
 * where a text has maths: a stylesheet from this origin, as the page's CSP allows.
 */
export function KatexStylesheet() {
  return <link rel="stylesheet" href={KATEX_CSS} precedence="katex" />;
}
