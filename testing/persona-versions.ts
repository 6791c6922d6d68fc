import fs from "node:fs";
import path from "node:path";
import { buildCatalog, type Catalog } from "@/lib/personas/catalog";
import { parsePersonaFile } from "@/lib/personas/parse";
import type { Persona } from "@/lib/personas/schema";

/** A content file's text as another version: new version number, changelog and first body line. */
export function versionText(
  text: string,
  { version, changelog, firstLine }: { version: string; changelog?: string; firstLine?: string },
): string {
  let out = text.replace(/^version: .*$/m, `version: ${version}`);
  if (changelog) out = out.replace(/^version: .*$/m, (l) => `${l}\nchangelog: ${JSON.stringify(changelog)}`);
  if (firstLine) {
    const end = out.indexOf("\n---", 4);
    const close = out.indexOf("\n", end + 1);
    out = `${out.slice(0, close + 1)}\n${firstLine}\n${out.slice(close + 1)}`;
  }
  return out;
}

export const contentText = (id: string) =>
  fs.readFileSync(path.join(process.cwd(), "content/personas", `${id}.md`), "utf8");

/** The catalog with one persona replaced by the one this text describes. */
export function catalogWith(
  catalog: Catalog,
  text: string,
  id: string,
): { catalog: Catalog; persona: Persona } {
  const parsed = parsePersonaFile(`${id}.md`, Buffer.from(text, "utf8"));
  if (!parsed.persona) throw new Error(JSON.stringify(parsed.problems));
  const persona = parsed.persona;
  return { catalog: buildCatalog(catalog.all.map((p) => (p.id === id ? persona : p))), persona };
}
