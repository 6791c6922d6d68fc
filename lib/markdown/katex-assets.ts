import "server-only";
import fs from "node:fs/promises";
import path from "node:path";

const DIST = path.join(process.cwd(), "node_modules", "katex", "dist");
const TYPES = {
  css: "text/css; charset=utf-8",
  woff2: "font/woff2",
  woff: "font/woff",
  ttf: "font/ttf",
} as const;
/** Only the stylesheet and its fonts: a name outside this shape never reaches the file system. */
const ALLOWED = /^(katex\.min\.css|fonts\/KaTeX_[A-Za-z0-9_-]+\.(woff2|woff|ttf))$/;

/** One of KaTeX's stylesheet files, or null for anything else. */
export async function readKatexAsset(file: string): Promise<{ body: Buffer; type: string } | null> {
  if (!ALLOWED.test(file)) return null;
  const ext = file.slice(file.lastIndexOf(".") + 1) as keyof typeof TYPES;
  try {
    return { body: await fs.readFile(path.join(DIST, file)), type: TYPES[ext] };
  } catch {
    return null;
  }
}
