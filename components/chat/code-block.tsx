"use client";

import { isValidElement, useState, type ReactNode } from "react";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (node && typeof node === "object" && "props" in node)
    return textOf((node.props as { children?: ReactNode }).children);
  return "";
}

/** The language a fenced block names (` ```ts `), from its code element's `language-…` class. */
function languageOf(node: ReactNode): string | null {
  if (!isValidElement(node)) return null;
  const className = (node.props as { className?: unknown }).className;
  const match = typeof className === "string" ? /\blanguage-([\w+#.-]+)/.exec(className) : null;
  return match ? match[1]! : null;
}

/**
 * A code block in a reply: a bar above the code with its language and a "Copy code" button, so the
 * button never sits on the code (a long first line scrolls under nothing).
 */
export function CodeBlock({ children }: { children?: ReactNode }) {
  const [copied, setCopied] = useState(false);
  const language = languageOf(children);
  return (
    <div className="min-w-0 overflow-hidden rounded-xl bg-zinc-100 dark:bg-zinc-900" data-testid="code-block">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-1 text-xs dark:border-zinc-800">
        <span className="font-mono text-zinc-700 dark:text-zinc-300" data-testid="code-language">
          {language ?? "text"}
        </span>
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(textOf(children).replace(/\n$/, ""));
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
          className="min-h-6 rounded-md px-2 py-0.5 text-zinc-700 hover:bg-zinc-200 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          {copied ? "Copied" : "Copy code"}
        </button>
      </div>
      <pre tabIndex={0}>{children}</pre>
    </div>
  );
}
