import type { PluggableList } from "unified";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";

/**
 * remark-math and KaTeX for Markdown that has maths (lib/markdown/math.ts rewrites it first, so
 * single dollars are off here). A formula KaTeX cannot read shows as its source, never an error.
 */
export const mathPlugins = {
  remark: [[remarkMath, { singleDollarTextMath: false }]] as PluggableList,
  rehype: [
    [rehypeKatex, { strict: "ignore", throwOnError: false, output: "htmlAndMathml" }],
  ] as PluggableList,
};
