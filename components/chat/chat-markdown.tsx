"use client";

import { useState, type ReactNode } from "react";
import ReactMarkdown, { type Components, type UrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { safeLinkUrl } from "@/lib/text/safe-link";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (node && typeof node === "object" && "props" in node)
    return textOf((node.props as { children?: ReactNode }).children);
  return "";
}

function CodeBlock({ children }: { children?: ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="group relative min-w-0">
      <button
        type="button"
        onClick={async () => {
          await navigator.clipboard.writeText(textOf(children).replace(/\n$/, ""));
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
        className="absolute right-2 top-2 min-h-6 rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs text-zinc-700 opacity-80 hover:opacity-100 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-200"
      >
        {copied ? "Copied" : "Copy"}
      </button>
      <pre>{children}</pre>
    </div>
  );
}

// Model output: no raw HTML (skipHtml), no images from other sites (alt text instead), and links
// only to http:, https:, mailto: or relative URLs (safeLinkUrl); a refused link shows as its text.
const urlTransform: UrlTransform = (url) => safeLinkUrl(url);

const components: Components = {
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
  img: ({ alt }) => (alt ? <span className="italic">[image: {alt}]</span> : null),
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow noopener noreferrer" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
};

export function ChatMarkdown({ children }: { children: string }) {
  return (
    <div className="prose-persona">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeHighlight, { detect: false, ignoreMissing: true }]]}
        skipHtml
        urlTransform={urlTransform}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
