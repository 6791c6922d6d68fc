import type { Components, Options, UrlTransform } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeLinkUrl } from "@/lib/text/safe-link";
import { CodeBlock } from "./code-block";

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

/** How a reply's Markdown renders, on the server and in the browser alike. */
export const chatMarkdownOptions = {
  remarkPlugins: [remarkGfm],
  skipHtml: true,
  urlTransform,
  components,
} satisfies Options;

/** Highlighting colours fenced blocks that name their language, and nothing else. */
export const highlightOptions = { detect: false, ignoreMissing: true };

/**
 * A fenced code block that names its language: the only thing highlighting changes. Generous on
 * purpose (any indent, in quotes and lists): a false yes only fetches highlight.js for nothing.
 */
export const hasHighlightableCode = (markdown: string) =>
  /^[ \t>]*(`{3,}|~{3,})[ \t]*[^\s`~]/m.test(markdown);
