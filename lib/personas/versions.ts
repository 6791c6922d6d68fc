/** Persona versions: semver order, `id@version` references, and a version's persona from its stored text. */
import { LRUCache } from "lru-cache";
import { parsePersonaFile } from "./parse";
import type { Persona } from "./schema";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Semantic-version order (build metadata ignored, a pre-release before its release); NaN-free. */
export function compareVersions(a: string, b: string): number {
  const x = SEMVER.exec(a);
  const y = SEMVER.exec(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d) return Math.sign(d);
  }
  const [pa, pb] = [x[4], y[4]];
  if (pa === pb) return 0;
  if (pa === undefined) return 1;
  if (pb === undefined) return -1;
  const sa = pa.split(".");
  const sb = pb.split(".");
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const [u, v] = [sa[i], sb[i]];
    if (u === undefined) return -1;
    if (v === undefined) return 1;
    const [nu, nv] = [/^\d+$/.test(u), /^\d+$/.test(v)];
    if (nu && nv && Number(u) !== Number(v)) return Math.sign(Number(u) - Number(v));
    if (nu !== nv) return nu ? -1 : 1;
    if (u !== v) return u < v ? -1 : 1;
  }
  return 0;
}

export const isSemver = (v: string) => SEMVER.test(v);

/** `backend-developer@1.2.0` → id and version; a plain id means the latest. */
export function parseModelRef(model: string): { id: string; version?: string } {
  const at = model.lastIndexOf("@");
  if (at <= 0) return { id: model };
  return { id: model.slice(0, at), version: model.slice(at + 1) };
}

/** A version's identity as stored: id, version number and the hash of its persona-file text. */
export type VersionRef = { personaId: string; version: string; textHash: string };

export const versionRefOf = (p: Persona): VersionRef | undefined =>
  p.textHash ? { personaId: p.id, version: p.version, textHash: p.textHash } : undefined;

/**
 * Parsed personas of stored versions, for conversations and API calls pinned to a version the
 * catalog no longer holds. Bounded: a parse is cheap, the text is in the database, and a few
 * hundred old versions in use at once is far more than a busy instance sees.
 */
const parsedVersions = new LRUCache<string, Persona>({ max: 300 });

/** The persona a stored persona-file text describes (undefined if it no longer passes the checks). */
export function personaFromStoredText(
  personaId: string,
  textHash: string,
  text: string,
): Persona | undefined {
  const key = `${personaId}\0${textHash}`;
  const hit = parsedVersions.get(key);
  if (hit) return hit;
  const parsed = parsePersonaFile(`${personaId}.md`, Buffer.from(text, "utf8")).persona;
  if (parsed) parsedVersions.set(key, parsed);
  return parsed;
}
