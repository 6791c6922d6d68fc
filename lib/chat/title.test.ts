import { describe, expect, it } from "vitest";
import { TITLE_MAX, titleFrom } from "./title";

describe("titleFrom", () => {
  it("keeps a short plain message as it is", () => {
    expect(titleFrom("How do I paginate a table?")).toBe("How do I paginate a table?");
  });

  it("leaves out Markdown: headings, emphasis, code, links, lists", () => {
    expect(titleFrom("# Help with **SQL** and `JOIN`s")).toBe("Help with SQL and JOINs");
    expect(titleFrom("See [the docs](https://example.com/x) _please_")).toBe("See the docs please");
    expect(titleFrom("- first\n- second")).toBe("first second");
    expect(titleFrom("```sql\nSELECT 1;\n```")).toBe("SELECT 1;");
  });

  it("makes a table plain words, not pipes and rules", () => {
    const title = titleFrom("x | a | b |\n|---|---|---|\n| 1 | 2 | 3 |");
    expect(title).not.toMatch(/[|]|---/);
    expect(title).toBe("x a b 1 2 3");
  });

  it(`is at most ${TITLE_MAX} characters, cut at a word, on one line`, () => {
    const title = titleFrom(`${"word ".repeat(40)}\nsecond line`);
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title.endsWith("word…")).toBe(true);
    expect(title).not.toContain("\n");
    const unbroken = titleFrom("x".repeat(500));
    expect(unbroken).toHaveLength(TITLE_MAX);
  });

  it("falls back when nothing is left", () => {
    expect(titleFrom("   ")).toBe("New conversation");
    expect(titleFrom("|---|---|")).toBe("New conversation");
  });
});
