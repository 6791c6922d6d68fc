import type { ReactElement } from "react";
import ReactMarkdown, { type Components, type UrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { KatexStylesheet } from "@/components/markdown/katex-stylesheet";
import { mathPlugins } from "@/components/markdown/math-plugins";
import { hasMath, normalizeMath } from "@/lib/markdown/math";
import { safeLinkUrl } from "@/lib/text/safe-link";

// Raw HTML in markdown is dropped (skipHtml), never rendered; images from elsewhere are shown
// as their alt text, and only http:, https:, mailto: and relative URLs survive (safeLinkUrl).
const urlTransform: UrlTransform = (url) => safeLinkUrl(url);
const components: Components = {
  img: ({ alt }) => (alt ? <span className="italic">[{alt}]</span> : null),
  // Code blocks and tables scroll sideways when wide: focusable, so keyboard users can scroll them.
  pre: ({ children, className }) => (
    <pre className={className} tabIndex={0}>
      {children}
    </pre>
  ),
  table: ({ children }) => <table tabIndex={0}>{children}</table>,
  // GFM task list items are read-only checkboxes (the only inputs markdown makes): each needs a name.
  input: ({ type, checked }) =>
    type === "checkbox" ? (
      <input
        type="checkbox"
        checked={Boolean(checked)}
        disabled
        readOnly
        aria-label={checked ? "Done" : "Not done"}
      />
    ) : null,
  a: ({ href, children }) => {
    // A refused URL arrives here as no href: show the link text, not a link.
    if (!href) return <span>{children}</span>;
    const external = /^https?:/i.test(href);
    return (
      <a href={href} {...(external && { rel: "nofollow noopener noreferrer", target: "_blank" })}>
        {children}
      </a>
    );
  },
};

// Persona text never changes while the server runs, and parsing plus highlighting is most of a
// persona page's cost: keep each rendered tree (React elements are immutable) for reuse.
const rendered = new Map<string, ReactElement>();
const MAX_CACHED = 2000;

export function Markdown({ children }: { children: string }) {
  const math = hasMath(children);
  let tree = rendered.get(children);
  if (!tree) {
    tree = ReactMarkdown({
      children: math ? normalizeMath(children) : children,
      remarkPlugins: [remarkGfm, ...(math ? mathPlugins.remark : [])],
      rehypePlugins: [
        ...(math ? mathPlugins.rehype : []),
        [rehypeHighlight, { detect: false, ignoreMissing: true }],
      ],
      skipHtml: true,
      urlTransform,
      components,
    });
    if (rendered.size >= MAX_CACHED) rendered.clear();
    rendered.set(children, tree);
  }
  return (
    <div className="prose-persona">
      {math && <KatexStylesheet />}
      {tree}
    </div>
  );
}
