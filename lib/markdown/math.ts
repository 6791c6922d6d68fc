/**
 * Maths in Markdown, before it is parsed. Models write `$…$`, `$$…$$`, `\(…\)` and `\[…\]`;
 * remark-math reads only dollars, and a single `$` is too often money ("$5 to $10"). So every
 * formula is rewritten in remark-math's double-dollar form (parsed with single dollars off):
 * `\[…\]` and a `$$` block as display maths, the rest inline. A single `$…$` counts as maths only
 * by Pandoc's rule: no space just inside either dollar, and no digit right after the closing one.
 * Code (fenced blocks and inline spans) is left as written.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const INLINE_CODE = /(`+)[\s\S]*?[^`]\1(?!`)/g;
const MATH =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$\w])\$(?=[^\s$\d])([^$\n]*?[^\s\\$])\$(?![\d$\w])|(?<![\\$\w])\$(?=\d)([^$\n]*?[^\s\\$\d,.])\$(?![\d$\w])/g;

type Piece = { text: string; prose: boolean };

/** The text cut into prose and code (fenced blocks, inline spans), in order; joined, it is the text. */
export function proseAndCode(markdown: string): Piece[] {
  const out: Piece[] = [];
  const pushProse = (text: string) => {
    let at = 0;
    for (const m of text.matchAll(INLINE_CODE)) {
      out.push({ text: text.slice(at, m.index), prose: true }, { text: m[0], prose: false });
      at = m.index + m[0].length;
    }
    out.push({ text: text.slice(at), prose: true });
  };
  const lines = markdown.split(/(?<=\n)/);
  let prose = "";
  let code = "";
  let marker: string | null = null;
  for (const line of lines) {
    const fence = FENCE.exec(line.replace(/\n$/, ""));
    if (marker !== null) {
      code += line;
      const closes =
        fence && fence[1]![0] === marker[0] && fence[1]!.length >= marker.length && !fence[2]!.trim();
      if (closes) {
        out.push({ text: code, prose: false });
        code = "";
        marker = null;
      }
    } else if (fence && !(fence[1]![0] === "`" && fence[2]!.includes("`"))) {
      pushProse(prose);
      prose = "";
      marker = fence[1]!;
      code = line;
    } else prose += line;
  }
  pushProse(prose);
  if (code) out.push({ text: code, prose: false });
  return out.filter((p) => p.text !== "");
}

function rewrite(prose: string): string {
  return prose.replace(
    MATH,
    (whole, dollars?: string, display?: string, paren?: string, single?: string, money?: string) => {
      if (display !== undefined) return `\n$$\n${display.trim()}\n$$\n`;
      const inline = dollars ?? paren ?? single ?? money ?? "";
      // A `$$` block on lines of its own stays a block; remark-math reads it as one.
      if (dollars !== undefined && /^\s*\n/.test(dollars)) return whole;
      return `$$${inline.trim()}$$`;
    },
  );
}

/** The Markdown with its maths in the form remark-math reads (see above). */
export function normalizeMath(markdown: string): string {
  return proseAndCode(markdown)
    .map((p) => (p.prose ? rewrite(p.text) : p.text))
    .join("");
}

/** Has this Markdown any maths (outside code)? Decides whether KaTeX is loaded at all. */
export function hasMath(markdown: string): boolean {
  if (!/[$\\]/.test(markdown)) return false;
  return proseAndCode(markdown).some((p) => p.prose && new RegExp(MATH.source).test(p.text));
}

// `$$`, `\[`, `\(`, and a lone `$` straight before LaTeX (a backslash, ^, _ or a brace soon after).
const OPENERS = /\$\$|\\\[|\\\(|(?<![\\$\w])\$(?=[^\s$\d][^$\n]*?[\\^_{])/g;

/**
 * While a reply streams, a formula whose closing delimiter has not arrived yet would show as raw
 * LaTeX and then jump into typeset maths: the text is shown up to where it opens, and the rest
 * appears when it closes. A lone `$` is held only when LaTeX follows it: it is usually money.
 */
export function holdOpenMath(markdown: string): string {
  const parts = proseAndCode(markdown);
  const last = parts.at(-1);
  if (!last?.prose) return markdown;
  const closed = last.text.replace(MATH, (m) => "\0".repeat(m.length));
  let cut = -1;
  for (const m of closed.matchAll(OPENERS)) {
    cut = m.index;
    break;
  }
  if (cut < 0) return markdown;
  return parts
    .slice(0, -1)
    .map((p) => p.text)
    .join("")
    .concat(last.text.slice(0, cut).trimEnd());
}

/** The text up to its first formula (closed or not): what shows while KaTeX is still on its way. */
export function textBeforeMath(markdown: string): string {
  let text = "";
  for (const p of proseAndCode(markdown)) {
    if (!p.prose) {
      text += p.text;
      continue;
    }
    const at = p.text.search(new RegExp(`${MATH.source}|${OPENERS.source}`));
    if (at >= 0) return (text + p.text.slice(0, at)).trimEnd();
    text += p.text;
  }
  return text;
}
