"use client";

import { useEffect, useState } from "react";
import ReactMarkdown from "react-markdown";
import { chatMarkdownOptions, hasHighlightableCode, highlightOptions } from "./chat-markdown-options";

type Highlight = typeof import("rehype-highlight").default;

let loaded: Highlight | null = null;
let loading: Promise<Highlight> | null = null;
const loadHighlight = () =>
  (loading ??= import("rehype-highlight").then((m) => {
    loaded = m.default;
    return m.default;
  }));

/** highlight.js is most of the Markdown's weight: it is fetched when a reply first has code to colour. */
function useHighlight(needed: boolean): Highlight | null {
  const [plugin, setPlugin] = useState<Highlight | null>(loaded);
  useEffect(() => {
    if (!needed || plugin) return;
    let live = true;
    void loadHighlight().then((p) => live && setPlugin(() => p));
    return () => {
      live = false;
    };
  }, [needed, plugin]);
  return needed ? plugin : null;
}

/** A reply rendered in the browser (one that arrived after the page); see server-chat-markdown.tsx. */
export function ChatMarkdown({ children }: { children: string }) {
  const highlight = useHighlight(hasHighlightableCode(children));
  return (
    <div className="prose-persona">
      <ReactMarkdown
        {...chatMarkdownOptions}
        rehypePlugins={highlight ? [[highlight, highlightOptions]] : []}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
