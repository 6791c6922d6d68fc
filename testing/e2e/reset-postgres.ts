/**
 * The e2e server's PostgreSQL database, made afresh before a run (as the SQLite file is removed):
 *   tsx testing/e2e/reset-postgres.ts <admin url> <database name>
 */
import pg from "pg";

const [adminUrl, name] = process.argv.slice(2);
if (!adminUrl || !name || !/^[a-z_][a-z0-9_]*$/.test(name))
  throw new Error("usage: reset-postgres <admin url> <database name>");
const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
try {
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
} finally {
  await client.end();
}
