import { describe, expect, it } from "vitest";
import { hasHighlightableCode } from "./chat-markdown-options";

describe("hasHighlightableCode", () => {
  it("finds a fenced block that names its language, wherever it is", () => {
    expect(hasHighlightableCode("Here:\n\n```ts\nconst a = 1;\n```")).toBe(true);
    expect(hasHighlightableCode("~~~python\nprint(1)\n~~~")).toBe(true);
    expect(
      hasHighlightableCode("- a list\n    - nested\n        ```sql\n        select 1;\n        ```"),
    ).toBe(true);
    expect(hasHighlightableCode("> quoted\n> ```js\n> x()\n> ```")).toBe(true);
  });

  it("says no when nothing would be coloured", () => {
    expect(hasHighlightableCode("Plain text with `inline code` and ``` in a sentence.")).toBe(false);
    expect(hasHighlightableCode("```\nno language named\n```")).toBe(false);
    expect(hasHighlightableCode("    indented code\n    block")).toBe(false);
  });
});
