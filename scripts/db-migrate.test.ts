import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-migrate-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const migrate = (env: Record<string, string>) =>
  spawnSync(
    "npx",
    ["tsx", "--conditions=react-server", "--tsconfig", "tsconfig.json", "scripts/db-migrate.ts"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", ...env } },
  );

describe("npm run db:migrate", () => {
  it("brings a SQLite file up to date and exits; a second run changes nothing", () => {
    const file = path.join(dir, "app.db");
    const journal = JSON.parse(fs.readFileSync("drizzle/meta/_journal.json", "utf8")) as {
      entries: unknown[];
    };
    for (let run = 0; run < 2; run++) {
      const result = migrate({ DATABASE_PATH: file });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`sqlite at ${file}: migrations applied`);
      const sqlite = new Database(file, { readonly: true });
      const { n } = sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number };
      sqlite.close();
      expect(n).toBe(journal.entries.length);
    }
  }, 60_000);

  it("says which PostgreSQL server it cannot reach, exit 1", () => {
    const result = migrate({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/cannot connect to postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  }, 60_000);
});
