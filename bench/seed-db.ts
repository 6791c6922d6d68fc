/**
 * Fills the page benchmark's database before any server starts: marketplace stats for the catalog
 * (90 days of usage per persona, stars and reviews from 300 community accounts, all skewed so a few
 * personas are popular and most are not) and the signed-in viewer the benchmark signs in as.
 *   tsx --conditions=react-server --tsconfig tsconfig.json bench/seed-db.ts <database> <personas.json>
 * <personas.json>: [{ id, version }] of the catalog the server loads. Prints a JSON summary with the
 * viewer's credentials on stdout.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/client";
import { addFavorite } from "@/lib/db/queries/favorites";
import { upsertReview } from "@/lib/db/queries/reviews";
import { createUser } from "@/lib/db/queries/users";

export type SeedSummary = {
  viewer: { email: string; password: string };
  usageDays: number;
  usageRows: number;
  communityUsers: number;
  favorites: number;
  reviews: number;
  ms: number;
};

const DAYS = 90;
const dayOf = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const COMMUNITY_USERS = 300;

/** A small seeded generator: the same database on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function main() {
  const [file, personasFile] = process.argv.slice(2);
  if (!file || !personasFile) throw new Error("usage: seed-db.ts <database> <personas.json>");
  const personas = JSON.parse(fs.readFileSync(personasFile, "utf8")) as { id: string; version: string }[];
  const started = performance.now();
  const { sqlite, db } = openDatabase(file);
  const rand = random(8);
  // Popularity by rank, shuffled over the catalog: daily users ≈ 400 / (1 + rank / 10).
  const byPopularity = [...personas].sort(() => rand() - 0.5);
  const insertDay = sqlite.prepare(
    "INSERT INTO persona_usage_days (persona_id, day, users) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
  );
  let usageRows = 0;
  sqlite.exec("BEGIN");
  try {
    const now = new Date();
    byPopularity.forEach((p, rank) => {
      const mean = 400 / (1 + rank / 10);
      for (let d = 0; d < DAYS; d++) {
        const users = Math.floor(mean * (0.5 + rand()) * (rand() < 0.2 ? 0 : 1));
        if (users === 0) continue;
        insertDay.run(p.id, dayOf(now, -d), users);
        usageRows++;
      }
    });
    // Community accounts with no password (nobody signs in as them): their stars and reviews.
    const pick = () => byPopularity[Math.floor(byPopularity.length * rand() ** 3)]!;
    for (let u = 0; u < COMMUNITY_USERS; u++) {
      const user = await createUser({ db, email: `community-${u}@bench.example`, passwordHash: null });
      if (!user) throw new Error("the bench database already has community accounts");
      for (let i = 0; i < 20; i++) {
        await addFavorite({ db, userId: user.id, personaId: pick().id });
      }
      for (let i = 0; i < 5; i++) {
        const p = pick();
        const rating = Math.min(5, 2 + Math.floor(rand() * 4) + (rand() < 0.3 ? 1 : 0));
        await upsertReview({
          db,
          userId: user.id,
          personaId: p.id,
          rating,
          body: null,
          personaVersion: p.version,
        });
      }
    }
    sqlite.exec("COMMIT");
  } catch (error) {
    sqlite.exec("ROLLBACK");
    throw error;
  }
  const viewer = { email: "bench-viewer@bench.example", password: randomBytes(12).toString("hex") };
  const user = await createUser({
    db,
    email: viewer.email,
    passwordHash: await hashPassword(viewer.password),
  });
  if (!user) throw new Error("the bench database already has the viewer");
  // A viewer with a few stars of their own: the gallery and persona page look them up.
  for (const p of byPopularity.slice(0, 8)) await addFavorite({ db, userId: user.id, personaId: p.id });
  const rows = (table: string) =>
    (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const favorites = rows("favorites");
  const reviews = rows("reviews");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  const summary: SeedSummary = {
    viewer,
    usageDays: DAYS,
    usageRows,
    communityUsers: COMMUNITY_USERS,
    favorites,
    reviews,
    ms: performance.now() - started,
  };
  process.stdout.write(JSON.stringify(summary) + "\n");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
