/**
 * What the rules share about a persona file's text: where its lines start, where the body begins,
 * and which parts of the body are code (shown as code, never rendered as HTML or images).
 */
export type PersonaText = {
  text: string;
  /** Offset of the first character of each line. */
  lineStarts: number[];
  /** Offset where the markdown body starts (after the closing `---` line); 0 if there is none. */
  bodyStart: number;
  /** The text with every code block and code span of the body blanked out (same length, same lines). */
  withoutCode: string;
};

export function personaText(text: string): PersonaText {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const bodyStart = findBodyStart(text);
  return {
    text,
    lineStarts,
    bodyStart,
    withoutCode: text.slice(0, bodyStart) + blankCode(text.slice(bodyStart)),
  };
}

/** 1-based line of an offset. */
export function lineOf(t: PersonaText, offset: number): number {
  let lo = 0;
  let hi = t.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function findBodyStart(text: string): number {
  const start = text.startsWith("\uFEFF") ? 1 : 0;
  if (!/^---\r?\n/.test(text.slice(start, start + 5))) return 0;
  const close = text.indexOf("\n---", start + 3);
  if (close === -1) return text.length;
  const lineEnd = text.indexOf("\n", close + 1);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

const blank = (s: string) => s.replace(/[^\n]/g, " ");

/** Fenced blocks (``` or ~~~, to their closing fence or the end), indented blocks, and `code spans`. */
export function blankCode(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | undefined;
  let previousBlank = true;
  const out = lines.map((line) => {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
      return blank(line);
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1];
      return blank(line);
    }
    const indented = previousBlank && /^( {4}|\t)/.test(line);
    previousBlank = line.trim() === "" || (indented && previousBlank);
    if (indented) return blank(line);
    return line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => blank(m));
  });
  return out.join("\n");
}

/** Lowercase letters and digits only, one space between words: how people read, not how they type. */
export function plainWords(s: string): string {
  // Most prompts are ASCII: a plain pattern is five times faster than Unicode normalising.
  if (/^[\x00-\x7f]*$/.test(s))
    return s
      .toLowerCase()
      .replace(/[^a-z0-9']+/g, " ")
      .trim();
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}
