/**
 * What a locked persona shows: the intro and its first `##` section in full, and only the
 * titles of the sections after it. The rest of the body never leaves the server.
 */
export function previewBody(body: string): { preview: string; lockedHeadings: string[] } {
  const lines = body.split("\n");
  let fence: string | undefined;
  let sectionsSeen = 0;
  let cut = lines.length;
  const lockedHeadings: string[] = [];
  lines.forEach((line, i) => {
    const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (line.trim().startsWith(fence)) fence = undefined;
      return;
    }
    if (fence) return;
    const heading = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) return;
    if (heading[1] === "##") sectionsSeen++;
    if (sectionsSeen >= 2) {
      if (cut === lines.length) cut = i;
      lockedHeadings.push(heading[2]!.replace(/[*_`]/g, ""));
    }
  });
  return { preview: lines.slice(0, cut).join("\n").trim(), lockedHeadings };
}
