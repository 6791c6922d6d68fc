"use client";

import { useState, type ReactNode } from "react";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (node && typeof node === "object" && "props" in node)
    return textOf((node.props as { children?: ReactNode }).children);
  return "";
}

/** A code block in a reply, with a button that copies its text. */
export function CodeBlock({ children }: { children?: ReactNode }) {
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
