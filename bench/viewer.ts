import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CredentialsClient } from "../testing/e2e/auth-api";
import type { Catalog } from "../lib/personas/catalog";
import type { SeedSummary } from "./seed-db";

const ROOT = path.resolve(import.meta.dirname, "..");

export type SeedResult = Omit<SeedSummary, "viewer">;

/**
 * Seeds the server's database (bench/seed-db.ts, in a process with the server's module conditions)
 * with marketplace stats for `catalog` and the viewer the signed-in runs sign in as.
 */
export function seedDatabase(
  databasePath: string,
  catalog: Catalog,
  tmp: string,
): { viewer: SeedSummary["viewer"]; seed: SeedResult } {
  const personasFile = path.join(tmp, "seed-personas.json");
  fs.writeFileSync(personasFile, JSON.stringify(catalog.all.map((p) => ({ id: p.id, version: p.version }))));
  const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  const run = spawnSync(
    process.execPath,
    [
      tsx,
      "--conditions=react-server",
      "--tsconfig",
      "tsconfig.json",
      "bench/seed-db.ts",
      databasePath,
      personasFile,
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (run.status !== 0) throw new Error(`seeding the bench database failed:\n${run.stderr}`);
  const { viewer, ...seed } = JSON.parse(run.stdout.trim().split("\n").pop()!) as SeedSummary;
  return { viewer, seed };
}

/**
 * Signs in through the real credentials endpoint (csrf token, then the callback next-auth's client
 * posts) and returns the Cookie header of that session, after checking that a page asked with it is
 * the viewer's own: rendered for them (their email in the header) and private, not from the page cache.
 */
export async function signIn(origin: string, viewer: SeedSummary["viewer"]): Promise<string> {
  const client = new CredentialsClient(origin, "127.0.0.1");
  const res = await client.signIn(viewer);
  const cookies = (res.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]!);
  const session = cookies.find((c) => c.startsWith("next-auth.session-token="));
  if (res.status !== 200 || !session)
    throw new Error(`sign-in answered ${res.status} without a session cookie: ${res.text.slice(0, 200)}`);
  const page = await fetch(`${origin}/`, { headers: { cookie: session } });
  const html = await page.text();
  const cacheControl = page.headers.get("cache-control") ?? "";
  if (
    page.status !== 200 ||
    !html.includes(viewer.email) ||
    !cacheControl.startsWith("private") ||
    page.headers.has("x-page-cache")
  )
    throw new Error(
      `a signed-in GET / was not the viewer's own page (status ${page.status}, Cache-Control ${cacheControl})`,
    );
  return session;
}
