import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes } from "./csp";

const sha = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;
const page = (...scripts: string[]) => `<html><body>${scripts.join("")}</body></html>`;

describe("contentSecurityPolicy", () => {
  it("allows scripts only from this origin and the given nonce or hashes", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", https: false, development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)'[^;]*;.*style-src/);
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(policy).toContain(d);
    expect(policy).not.toContain("upgrade-insecure-requests");
    const hashed = contentSecurityPolicy({ scriptHashes: ["sha256-x"], https: true, development: false });
    expect(hashed).toContain("script-src 'self' 'sha256-x';");
    expect(hashed).toContain("upgrade-insecure-requests");
  });

  it("allows eval only under next dev", () => {
    const script = (development: boolean) =>
      contentSecurityPolicy({ https: false, development })
        .split("; ")
        .find((d) => d.startsWith("script-src"));
    expect(script(false)).toBe("script-src 'self'");
    expect(script(true)).toBe("script-src 'self' 'unsafe-eval'");
  });
});

describe("inlineScriptHashes", () => {
  it("hashes Next's own inline scripts and skips external and JSON-LD ones", () => {
    const flight = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
    const init = "(self.__next_f=self.__next_f||[]).push([0])";
    const turbo =
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[],"runtimeModuleIds":[1]});';
    const html = page(
      `<script src="/_next/static/chunks/a.js" async=""></script>`,
      `<script>${init}</script>`,
      `<script>${flight}</script>`,
      `<script id="_R_">${turbo}</script>`,
      `<script type="application/ld+json">{"@type":"Product"}</script>`,
    );
    const { hashes, unknown } = inlineScriptHashes(html);
    expect(unknown).toEqual([]);
    expect(hashes.sort()).toEqual([sha(init), sha(flight), sha(turbo)].sort());
  });

  it("gives no hash to a script that is not pure data, even one that starts like Next's", () => {
    const cases = [
      "alert(1)",
      'self.__next_f.push([1,"x"]);alert(1)',
      "self.__next_f.push(alert(1))",
      'self.__next_f.push([1,"x"]), fetch("//evil")',
      "(self.__next_f=self.__next_f||[]).push(document.cookie)",
    ];
    for (const body of cases) {
      const { hashes, unknown } = inlineScriptHashes(page(`<script>${body}</script>`));
      expect(hashes, body).toEqual([]);
      expect(unknown, body).toHaveLength(1);
    }
  });
});
