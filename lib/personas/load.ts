import fs from "node:fs";
import path from "node:path";
import { checkPersonaImage } from "./image-file";
import { parsePersonaFile } from "./parse";
import type { ContentProblem } from "./problems";
import type { Persona } from "./schema";

export type LoadResult = { personas: Persona[]; problems: ContentProblem[] };
export type PersonaFile = { name: string; bytes: Buffer };

/** Reads and checks every `*.md` in a directory. Never throws for bad content: it reports it. */
export function loadPersonaDir(dir: string): LoadResult {
  const read = readPersonaFiles(dir);
  return read.problems.length
    ? { personas: [], problems: read.problems }
    : checkPersonaFiles(dir, read.files);
}

/** Every `*.md` in a directory, sorted by name, as bytes. */
export function readPersonaFiles(dir: string): { files: PersonaFile[]; problems: ContentProblem[] } {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(".md"))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "directory does not exist" : String(error);
    return { files: [], problems: [{ file: dir, field: "(directory)", reason }] };
  }
  return {
    files: names.map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) })),
    problems: [],
  };
}

/**
 * Parses and checks the files of one directory (as readPersonaFiles gave them). `known` may give
 * a file's persona as parsed before from the same bytes (the catalog cache): it is not parsed again.
 */
export function checkPersonaFiles(
  dir: string,
  files: readonly PersonaFile[],
  known?: (file: PersonaFile) => Persona | undefined,
): LoadResult {
  const personas: Persona[] = [];
  const problems: ContentProblem[] = [];
  for (const file of files) {
    const { name, bytes } = file;
    // A cached persona was checked before, but its picture may have gone since.
    const same = known?.(file);
    const parsed = same ? { persona: same, problems: [] } : parsePersonaFile(name, bytes);
    const imageProblem = parsed.persona && checkPersonaImage(dir, parsed.persona);
    if (imageProblem) problems.push(imageProblem);
    else if (parsed.persona) personas.push(parsed.persona);
    problems.push(...parsed.problems);
  }
  if (files.length === 0)
    problems.push({ file: dir, field: "(directory)", reason: "contains no persona files (*.md)" });
  // Links to a file that exists but failed its own checks are reported there, not here again.
  problems.push(
    ...crossCheck(
      personas,
      files.map((f) => f.name.slice(0, -3)),
    ),
  );
  return { personas, problems };
}

/** Checks that need the whole catalog: unique ids and links that point somewhere real. */
export function crossCheck(personas: Persona[], fileIds: readonly string[] = []): ContentProblem[] {
  const otherIds = new Set(fileIds);
  const problems: ContentProblem[] = [];
  const firstFileById = new Map<string, string>();
  for (const p of personas) {
    const first = firstFileById.get(p.id);
    if (first) problems.push({ file: p.file, field: "id", reason: `"${p.id}" is already used by ${first}` });
    else firstFileById.set(p.id, p.file);
  }
  for (const p of personas) {
    const seen = new Set<string>();
    p.worksWellWith.forEach((target, i) => {
      const field = `worksWellWith.${i}`;
      if (target === p.id) problems.push({ file: p.file, field, reason: "a persona cannot link to itself" });
      else if (!firstFileById.has(target) && !otherIds.has(target))
        problems.push({ file: p.file, field, reason: `no persona has the id "${target}"` });
      else if (seen.has(target))
        problems.push({ file: p.file, field, reason: `"${target}" is listed twice` });
      seen.add(target);
    });
  }
  return problems;
}
