"use client";

import { useEffect, useState } from "react";
import ReactMarkdown from "react-markdown";
import type { Pluggable, PluggableList } from "unified";
import { hasMath, holdOpenMath, normalizeMath, textBeforeMath } from "@/lib/markdown/math";
import { KatexStylesheet } from "@/components/markdown/katex-stylesheet";
import { chatMarkdownOptions, hasHighlightableCode, highlightOptions } from "./chat-markdown-options";

/** A module fetched the first time a reply needs it, then kept. */
function lazyModule<T>(load: () => Promise<T>) {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    get: () => value,
    load: () =>
      (loading ??= load().then((v) => {
        value = v;
        return v;
      })),
  };
}

const highlightModule = lazyModule(() => import("rehype-highlight").then((m) => m.default));
// KaTeX is the heaviest of all: fetched with its copy handler (a formula copies as its LaTeX)
// only when a reply has maths.
const mathModule = lazyModule(() =>
  Promise.all([import("@/components/markdown/math-plugins"), import("katex/contrib/copy-tex")]).then(
    ([m]) => m.mathPlugins,
  ),
);

function useLazy<T>(module: { get: () => T | null; load: () => Promise<T> }, needed: boolean): T | null {
  const [value, setValue] = useState<T | null>(module.get);
  useEffect(() => {
    if (!needed || value) return;
    let live = true;
    void module.load().then((v) => live && setValue(() => v));
    return () => {
      live = false;
    };
  }, [needed, value, module]);
  return needed ? value : null;
}

/**
 * A reply rendered in the browser (one that arrived after the page); see server-chat-markdown.tsx.
 * While it streams, or while KaTeX is on its way, a formula shows only once it can be typeset.
 */
export function ChatMarkdown({ children, live = false }: { children: string; live?: boolean }) {
  const highlight = useLazy(highlightModule, hasHighlightableCode(children));
  const needsMath = hasMath(children) || (live && holdOpenMath(children) !== children);
  const math = useLazy(mathModule, needsMath);
  const shown = needsMath && !math ? textBeforeMath(children) : live ? holdOpenMath(children) : children;
  const rehype: PluggableList = [
    ...(math?.rehype ?? []),
    ...(highlight ? [[highlight, highlightOptions] as Pluggable] : []),
  ];
  return (
    <div className="prose-persona">
      {needsMath && <KatexStylesheet />}
      <ReactMarkdown
        {...chatMarkdownOptions}
        remarkPlugins={[...chatMarkdownOptions.remarkPlugins, ...(math?.remark ?? [])]}
        rehypePlugins={rehype}
      >
        {math ? normalizeMath(shown) : shown}
      </ReactMarkdown>
    </div>
  );
}
