import "server-only";
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import { chatMarkdownOptions, highlightOptions } from "./chat-markdown-options";

/** A reply rendered on the server, highlighted, so the page needs no Markdown code to show it. */
export function ServerChatMarkdown({ children }: { children: string }) {
  return (
    <div className="prose-persona">
      <ReactMarkdown {...chatMarkdownOptions} rehypePlugins={[[rehypeHighlight, highlightOptions]]}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
