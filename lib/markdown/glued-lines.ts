import { proseAndCode } from "./math";

const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)\S/;

/**
 * Lines Markdown glues onto the list item above them ("lazy continuation"): a closing question
 * written on the line after the last bullet renders inside that bullet. Returns each such line
 * (1-based number and text); a blank line before it, or indenting it under the item, is the fix.
 */
export function gluedToList(markdown: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let lineNo = 0;
  for (const piece of proseAndCode(markdown)) {
    const lines = piece.text.split("\n");
    if (!piece.prose) {
      lineNo += lines.length - 1;
      continue;
    }
    let contentIndent: number | null = null;
    lines.forEach((line, i) => {
      if (i > 0) lineNo += 1;
      const item = ITEM.exec(line);
      if (item) {
        contentIndent = item[1]!.length + item[2]!.length + item[3]!.length;
        return;
      }
      if (!line.trim()) {
        contentIndent = null;
        return;
      }
      const indent = line.length - line.trimStart().length;
      if (contentIndent !== null && indent < contentIndent)
        found.push({ line: lineNo + 1, text: line.trim() });
      contentIndent = null;
    });
  }
  return found;
}
