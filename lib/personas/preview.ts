/**
 * What a locked persona shows: the intro and its first `##` section in full, and only the
 * titles of the sections after it. The rest of the body never leaves the server. A body with a
 * single section shows its intro only; one with no sections, its first paragraph only.
 */
export function previewBody(body: string): { preview: string; lockedHeadings: string[] } {
  const lines = body.split("\n");
  const headings: { line: number; level: number; text: string }[] = [];
  let fence: { char: string; length: number } | undefined;
  lines.forEach((line, i) => {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (!fence) fence = { char: marker[0]!, length: marker.length };
      // Only a bare run of the same character, at least as long, closes a fence ("```bash" does not).
      else if (marker[0] === fence.char && marker.length >= fence.length && fenceMatch[2]!.trim() === "")
        fence = undefined;
      return;
    }
    if (fence) return;
    const heading = /^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading)
      headings.push({ line: i, level: heading[1]!.length, text: heading[2]!.replace(/[*_`]/g, "") });
  });
  const sections = headings.filter((h) => h.level === 2);
  let cut: number;
  if (sections.length >= 2) cut = sections[1]!.line;
  else if (sections.length === 1) cut = sections[0]!.line;
  else {
    const firstParagraphEnd = lines.findIndex(
      (l, i) =>
        i > 0 && l.trim() === "" && lines.slice(0, i).some((p) => p.trim() && !p.trim().startsWith("#")),
    );
    cut = firstParagraphEnd === -1 ? Math.min(lines.length, 3) : firstParagraphEnd;
  }
  const lockedHeadings = headings
    .filter((h) => h.line >= cut && h.level >= 2 && h.level <= 3)
    .map((h) => h.text);
  return { preview: lines.slice(0, cut).join("\n").trim(), lockedHeadings };
}
