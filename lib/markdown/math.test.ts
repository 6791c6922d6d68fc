import { describe, expect, it } from "vitest";
import { hasMath, holdOpenMath, normalizeMath, proseAndCode, textBeforeMath } from "./math";

describe("normalizeMath", () => {
  it("rewrites every delimiter as remark-math's double dollars", () => {
    expect(normalizeMath("Area $\\pi r^2$ here")).toBe("Area $$\\pi r^2$$ here");
    expect(normalizeMath("So \\(x^2\\) grows")).toBe("So $$x^2$$ grows");
    expect(normalizeMath("Then \\[\\int_0^1 x^2\\,dx\\] done")).toBe(
      "Then \n$$\n\\int_0^1 x^2\\,dx\n$$\n done",
    );
    expect(normalizeMath("a $$x$$ b")).toBe("a $$x$$ b");
    expect(normalizeMath("$$\n\\frac12\n$$")).toBe("$$\n\\frac12\n$$");
  });

  it("leaves money and code alone", () => {
    for (const text of ["It costs $5 to $10.", "$5-$10", "between $3 and $4 each", "US$ 20 and $"]) {
      expect(normalizeMath(text)).toBe(text);
      expect(hasMath(text)).toBe(false);
    }
    const code = "Run `echo $HOME $PATH`\n\n```sh\nA=$x$\n```\n";
    expect(normalizeMath(code)).toBe(code);
    expect(hasMath(code)).toBe(false);
  });

  it("keeps the text whole around code", () => {
    const text = "a\n```js\nconst x = 1;\n```\nb `c` d\n~~~\nno close";
    expect(
      proseAndCode(text)
        .map((p) => p.text)
        .join(""),
    ).toBe(text);
  });

  it("finds maths outside code", () => {
    expect(hasMath("We get $x = 2$.")).toBe(true);
    expect(hasMath("\\[ a \\]")).toBe(true);
    expect(hasMath("No maths here, just \\ a slash.")).toBe(false);
  });
});

describe("holdOpenMath", () => {
  it("cuts a streaming reply where an unclosed formula opens", () => {
    expect(holdOpenMath("The integral \\[\\int_0^1 x")).toBe("The integral");
    expect(holdOpenMath("So $$x^")).toBe("So");
    expect(holdOpenMath("Done \\(x\\) and \\(y")).toBe("Done \\(x\\) and");
    expect(holdOpenMath("Done $x$ and more")).toBe("Done $x$ and more");
    expect(holdOpenMath("It costs $5")).toBe("It costs $5");
  });
});

describe("textBeforeMath", () => {
  it("stops at the first formula, closed or not", () => {
    expect(textBeforeMath("Say `$x$` then $y$ and more")).toBe("Say `$x$` then");
    expect(textBeforeMath("No maths")).toBe("No maths");
  });
});

describe("holdOpenMath and a lone dollar", () => {
  it("holds a single dollar only when LaTeX follows it", () => {
    expect(holdOpenMath("So $\\int_0^1 x")).toBe("So");
    expect(holdOpenMath("Set $HOME to")).toBe("Set $HOME to");
  });
});
