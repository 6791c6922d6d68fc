/**
 * How the usage counts hold up at 10,000 personas × 365 days, every persona used every day (the
 * worst case for persona_usage_days): time for the gallery's stats sums, and for counting a message.
 *   npx tsx --conditions=react-server --tsconfig tsconfig.json bench/usage-stats.ts
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { recordPersonaUse, usageTotals } from "@/lib/db/queries/persona-usage";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usage-bench-"));
const { sqlite, db } = openDatabase(path.join(dir, "b.db"));
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const insert = sqlite.prepare("INSERT INTO persona_usage_days (persona_id, day, users) VALUES (?, ?, ?)");
const t = performance.now();
sqlite.transaction(() => {
  for (let d = 0; d < 365; d++)
    for (let p = 0; p < 10_000; p++) insert.run(`persona-${p}`, day(d), (p * 7 + d) % 50);
})();
console.log(`seeded 3,650,000 day rows in ${Math.round(performance.now() - t)} ms`);
const time = async (label: string, f: () => Promise<unknown>, runs = 5) => {
  await f();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await f();
  console.log(`${label}: ${((performance.now() - start) / runs).toFixed(1)} ms`);
};
await time(
  "7-day sums, all personas",
  async () => await usageTotals({ db, fromDay: day(358), toDay: day(364) }),
);
await time(
  "30-day sums, all personas",
  async () => await usageTotals({ db, fromDay: day(335), toDay: day(364) }),
);
let n = 0;
await time(
  "count one message (new actor)",
  async () => await recordPersonaUse({ db, personaId: "persona-1", day: day(364), actorHash: `a${n++}` }),
  1000,
);
await time(
  "count one message (same actor again)",
  async () => await recordPersonaUse({ db, personaId: "persona-1", day: day(364), actorHash: "a1" }),
  1000,
);
console.log(
  "plan:",
  sqlite
    .prepare(
      "EXPLAIN QUERY PLAN SELECT persona_id, sum(users) FROM persona_usage_days WHERE day >= ? AND day <= ? GROUP BY persona_id",
    )
    .all("a", "b")
    .map((r) => (r as { detail: string }).detail)
    .join("; "),
);
console.log(`file: ${(fs.statSync(path.join(dir, "b.db")).size / 1e6).toFixed(0)} MB`);
sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });
