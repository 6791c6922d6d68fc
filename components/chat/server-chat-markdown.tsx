import "server-only";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import { KatexStylesheet } from "@/components/markdown/katex-stylesheet";
import { mathPlugins } from "@/components/markdown/math-plugins";
import { hasMath, normalizeMath } from "@/lib/markdown/math";
import { chatMarkdownOptions, highlightOptions } from "./chat-markdown-options";

/** A reply rendered on the server, highlighted and typeset, so the page needs no Markdown code to show it. */
export function ServerChatMarkdown({ children }: { children: string }) {
  const math = hasMath(children);
  return (
    <div className="prose-persona">
      {math && <KatexStylesheet />}
      <ReactMarkdown
        {...chatMarkdownOptions}
        remarkPlugins={[...chatMarkdownOptions.remarkPlugins, ...(math ? mathPlugins.remark : [])]}
        rehypePlugins={[...(math ? mathPlugins.rehype : []), [rehypeHighlight, highlightOptions]]}
      >
        {math ? normalizeMath(children) : children}
      </ReactMarkdown>
    </div>
  );
}
