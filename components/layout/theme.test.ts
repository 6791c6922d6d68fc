import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { THEME_SCRIPT, THEME_SCRIPT_PATH } from "./theme";

describe("the theme script", () => {
  it("is served from public/ exactly as written here", () => {
    const file = path.join(import.meta.dirname, "../../public", THEME_SCRIPT_PATH);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(THEME_SCRIPT);
  });
});
