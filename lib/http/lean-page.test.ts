import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./csp";
import { leanPage, VISITOR_SCRIPT_PATH } from "./lean-page";
import { storedPage } from "./page-cache";

// The shape of a page `next build` (Next 16, Turbopack) renders, cut down.
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/27vwvc.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0az8vx.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/mod.js"/>',
  '<link rel="preload" as="font" href="/_next/static/media/font.woff2"/>',
  '<script src="/_next/static/chunks/3w439a.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-077h.js" async=""></script>',
  "<title>Persona Market</title>",
  '<link rel="icon" href="/icon.svg?icon.1b23.svg" sizes="any" type="image/svg+xml"/>',
  '<script src="/theme-init.js"></script>',
  '<script src="/_next/static/chunks/0cz1d0.js" noModule=""></script></head>',
  '<body><main><h1>Find an AI persona</h1><a href="/personas/backend-developer">Backend</a>',
  '<form action="/"><select name="sort"></select><span hidden="" data-auto-submit=""></span></form></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  '<script type="application/ld+json">{"@type":"Product"}</script>',
  "</body></html>",
].join("");

describe("leanPage", () => {
  const lean = leanPage(PAGE)!;

  it("drops Next's client runtime: its chunks, their preloads and the inlined RSC payload", () => {
    expect(lean).not.toContain("/_next/static/chunks/3w439a.js");
    expect(lean).not.toContain("turbopack-077h.js");
    expect(lean).not.toContain("0az8vx.js");
    expect(lean).not.toContain("mod.js");
    expect(lean).not.toContain("noModule");
    expect(lean).not.toContain("__next_f");
    expect(lean).not.toContain("TURBOPACK");
  });

  it("keeps the document: markup, stylesheets, fonts, icons, the theme script and JSON data", () => {
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/27vwvc.css" data-precedence="next"/>',
      '<link rel="preload" as="font" href="/_next/static/media/font.woff2"/>',
      '<link rel="icon" href="/icon.svg?icon.1b23.svg" sizes="any" type="image/svg+xml"/>',
      '<script src="/theme-init.js"></script>',
      '<a href="/personas/backend-developer">Backend</a>',
      '<span hidden="" data-auto-submit=""></span>',
      '<script type="application/ld+json">{"@type":"Product"}</script>',
    ]) {
      expect(lean).toContain(kept);
    }
  });

  it("loads the visitor script once, deferred, from the head", () => {
    const tag = `<script src="${VISITOR_SCRIPT_PATH}" defer=""></script>`;
    expect(lean.split(tag)).toHaveLength(2);
    expect(lean.indexOf(tag)).toBeLessThan(lean.indexOf("</head>"));
    expect(inlineScriptHashes(lean)).toEqual({ hashes: [], unknown: [] });
  });

  it("leaves an inline script that is not the runtime's, so the cache still refuses the page", () => {
    const injected = PAGE.replace("<h1>", "<script>alert(1)</script><h1>");
    expect(leanPage(injected)).toContain("<script>alert(1)</script>");
    const page = storedPage(200, { "content-type": "text/html" }, Buffer.from(injected), 0, { lean: true });
    expect(page.storable).toBe(false);
  });

  it("returns null for what is not a whole document", () => {
    expect(leanPage("<p>fragment</p>")).toBeNull();
  });
});

describe("storedPage with lean", () => {
  const html = { "content-type": "text/html; charset=utf-8" };

  it("stores and hashes the lean page, with no inline script left to allow", () => {
    const page = storedPage(200, html, Buffer.from(PAGE), 0, { lean: true });
    expect(page.storable).toBe(true);
    expect(page.body.toString()).toBe(leanPage(PAGE));
    expect(page.scriptHashes).toEqual([]);
    expect(page.body.length).toBeLessThan(PAGE.length);
  });

  it("serves the page as rendered when lean is off, and an error page as rendered either way", () => {
    expect(storedPage(200, html, Buffer.from(PAGE), 0).body.toString()).toBe(PAGE);
    expect(storedPage(404, html, Buffer.from(PAGE), 0, { lean: true }).body.toString()).toBe(PAGE);
  });

  it("leaves images alone", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    expect(storedPage(200, { "content-type": "image/png" }, png, 0, { lean: true }).body).toEqual(png);
  });
});
