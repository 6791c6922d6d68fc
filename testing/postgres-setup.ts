import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgres } from "@/lib/db/postgres-driver";

/**
 * Vitest global setup for the postgres project: one migrated template database per run, which
 * openTestDatabase() copies (CREATE DATABASE … TEMPLATE) for every test database; dropped afterwards.
 */
export default async function setup() {
  const adminUrl = process.env.TEST_POSTGRES_URL?.trim();
  if (!adminUrl) throw new Error("the postgres project needs TEST_POSTGRES_URL (an admin URL)");
  const name = `pm_template_${randomBytes(6).toString("hex")}`;
  const run = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 1 });
  await handle.pool.end();
  process.env.TEST_POSTGRES_TEMPLATE = name;
  return async () => {
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
