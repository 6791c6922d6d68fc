import { gluedToList } from "@/lib/markdown/glued-lines";
import type { Persona } from "./schema";
import type { ContentProblem } from "./problems";

/**
 * Markdown that would not render as written: a line glued onto the list item above it (a closing
 * question shown inside the last bullet). Checked by `npm run content:check`, so by the build.
 */
export function markdownProblems(personas: readonly Persona[]): ContentProblem[] {
  return personas.flatMap((p) =>
    (["greeting", "body"] as const).flatMap((field) =>
      gluedToList(p[field]).map(({ line, text }) => ({
        file: p.file,
        field,
        reason: `line ${line} ("${text.slice(0, 40)}") is glued to the list item above it: put a blank line before it`,
      })),
    ),
  );
}
