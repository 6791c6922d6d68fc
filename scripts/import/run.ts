import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readSource } from "../../lib/formats/detect";
import { finishDraft, type FinishOptions } from "../../lib/formats/finish";
import type { ImageExt, ImportFormat } from "../../lib/formats/types";
import { personaFileText } from "../../lib/formats/import-file";
import { IMPORT_LIMITS } from "../../lib/formats/limits";
import { readPngChunks, withoutTextChunks, writePngChunks } from "../../lib/formats/png";
import { IMAGE_MAX_BYTES, imageType } from "../../lib/personas/image-file";
import { parsePersonaFile } from "../../lib/personas/parse";

export type ImportRequest = FinishOptions & { inputs: string[]; out: string; force: boolean };

export type Outcome =
  | { file: string; status: "imported"; id: string; format: ImportFormat; written: string[]; notes: string[] }
  | { file: string; status: "skipped"; why: "duplicate" | "exists" | "not-a-persona"; reason: string }
  | { file: string; status: "failed"; reason: string };

/** Every file named, and every file under every directory named (dot files left out), in order. */
export function expandInputs(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const input of inputs) {
    const full = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      missing.push(full);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else files.push(full);
  }
  return { files: [...new Set(files)], missing };
}

type Pending = {
  file: string;
  id: string;
  format: ImportFormat;
  data: Record<string, unknown>;
  body: string;
  image?: { bytes: Uint8Array; ext: ImageExt };
  notes: string[];
};

/**
 * Reads every source, makes each a persona file in `out` that passes content:check, and says what
 * happened to each file. Two passes: first every source is read (so ids are unique and duplicates
 * known across the whole run), then links are checked against what exists and files are written.
 */
export function importPersonas(request: ImportRequest): Outcome[] {
  const out = path.resolve(request.out);
  fs.mkdirSync(out, { recursive: true });
  const existing = new Set(
    fs
      .readdirSync(out)
      .filter((n) => n.endsWith(".md"))
      .map((n) => n.slice(0, -3)),
  );
  const { files, missing } = expandInputs(request.inputs);
  const outcomes: Outcome[] = missing.map((file) => ({ file, status: "failed", reason: "does not exist" }));
  const taken = new Set<string>();
  const seen = new Map<string, string>();
  const pending: Pending[] = [];

  for (const file of files) {
    if (path.dirname(file) === out) continue; // the output of this run (or an earlier one), not a source
    let bytes: Buffer;
    try {
      if (fs.statSync(file).size > IMPORT_LIMITS.sourceBytes) {
        outcomes.push({
          file,
          status: "failed",
          reason: `refused: larger than ${IMPORT_LIMITS.sourceBytes / 1024 / 1024} MB`,
        });
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (error) {
      outcomes.push({
        file,
        status: "failed",
        reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
      });
      continue;
    }
    const read = readSource(bytes);
    if (!read.ok) {
      outcomes.push(
        read.kind === "malformed"
          ? { file, status: "failed", reason: read.reason }
          : { file, status: "skipped", why: "not-a-persona", reason: read.reason },
      );
      continue;
    }
    if (read.draft.imageFile && !read.draft.image)
      read.draft.image = pictureBeside(file, read.draft.imageFile, read.draft.notes);
    const finished = finishDraft(read.draft, request);
    const key = createHash("sha256")
      .update(`${finished.data.name}\0${finished.body}\0${finished.data.greeting}`)
      .digest("hex");
    const first = seen.get(key);
    if (first) {
      outcomes.push({
        file,
        status: "skipped",
        why: "duplicate",
        reason: `duplicate of ${first} (same name, prompt and greeting)`,
      });
      continue;
    }
    seen.set(key, file);
    const id = uniqueId(finished.baseId, taken);
    if (id !== finished.baseId)
      finished.notes.push(`id "${finished.baseId}" already taken in this import: "${id}" used`);
    if (existing.has(id) && !request.force) {
      outcomes.push({
        file,
        status: "skipped",
        why: "exists",
        reason: `${path.join(out, `${id}.md`)} exists (pass --force to overwrite it)`,
      });
      continue;
    }
    taken.add(id);
    pending.push({
      file,
      id,
      format: read.draft.format,
      data: { ...finished.data, id },
      body: finished.body,
      image: read.draft.image,
      notes: finished.notes,
    });
  }

  const known = new Set([...existing, ...taken]);
  for (const p of pending) outcomes.push(writeSafely(p, out, known));
  const order = new Map([...missing, ...files].map((f, i) => [f, i]));
  return outcomes.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
}

/** A persona file's picture, read from beside the source file (only a plain file name, checked by type). */
function pictureBeside(
  file: string,
  name: string,
  notes: string[],
): { bytes: Uint8Array; ext: ImageExt } | undefined {
  try {
    const bytes = fs.readFileSync(path.join(path.dirname(file), name));
    const type = imageType(bytes);
    if (type)
      return {
        bytes: type === "png" ? writePngChunks(withoutTextChunks(readPngChunks(bytes))) : bytes,
        ext: type,
      };
    notes.push(`image "${name}" is not a PNG, JPEG or WebP picture: left out`);
  } catch {
    notes.push(`image "${name}" could not be read beside the source: left out`);
  }
  return undefined;
}

function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = base.slice(0, 64 - suffix.length).replace(/-+$/, "") + suffix;
    if (!taken.has(id)) return id;
  }
}

function write(p: Pending, out: string, known: Set<string>): Outcome {
  const links = (p.data.worksWellWith as string[]).filter((id) => id !== p.id);
  const kept = links.filter((id) => known.has(id));
  if (kept.length !== links.length)
    p.notes.push(
      `worksWellWith: left out ${links.filter((id) => !known.has(id)).join(", ")} (not in ${out})`,
    );
  const imageName = p.image ? `${p.id}.${p.image.ext}` : undefined;
  const data: Record<string, unknown> = {
    ...p.data,
    worksWellWith: kept,
    ...(imageName && { image: imageName }),
  };
  const text = personaFileText(data, p.body);
  const parsed = parsePersonaFile(`${p.id}.md`, Buffer.from(text, "utf8"));
  if (!parsed.persona) {
    const problems = parsed.problems.map((x) => `${x.field}: ${x.reason}`).join("; ");
    return { file: p.file, status: "failed", reason: `would not pass content:check: ${problems}` };
  }
  const written: string[] = [];
  const temps: string[] = [];
  // Each file is written under a temporary name and renamed into place only when all are written
  // and checked: a failure (a bad picture, a full disk) leaves nothing of this persona in `out`.
  const stage = (name: string, bytes: Uint8Array) => {
    const temp = path.join(out, `.${name}.${process.pid}.tmp`);
    temps.push(temp);
    fs.writeFileSync(temp, bytes);
    return temp;
  };
  try {
    const staged: [string, string][] = [];
    if (imageName && p.image) {
      const problem = pictureProblem(p.image);
      if (problem) return { file: p.file, status: "failed", reason: `its picture: ${problem}` };
      staged.push([stage(imageName, p.image.bytes), imageName]);
    }
    staged.push([stage(`${p.id}.md`, Buffer.from(text, "utf8")), `${p.id}.md`]);
    for (const [temp, name] of staged) fs.renameSync(temp, path.join(out, name));
    written.push(...staged.map(([, name]) => name).reverse());
  } finally {
    for (const temp of temps) fs.rmSync(temp, { force: true });
  }
  return { file: p.file, status: "imported", id: p.id, format: p.format, written, notes: p.notes };
}

/** What content:check would say of the picture (checkPersonaImage's rules, on the bytes before they are written). */
function pictureProblem(image: { bytes: Uint8Array; ext: ImageExt }): string | undefined {
  if (image.bytes.length > IMAGE_MAX_BYTES) return "larger than 5 MB";
  if (imageType(image.bytes) !== image.ext) return `not a ${image.ext} picture`;
  return undefined;
}

function writeSafely(p: Pending, out: string, known: Set<string>): Outcome {
  try {
    return write(p, out, known);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { file: p.file, status: "failed", reason: `could not be written (${code ?? "error"})` };
  }
}
