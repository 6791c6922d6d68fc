import { defineConfig } from "drizzle-kit";

/** PostgreSQL migrations (DATABASE_URL); the SQLite ones are drizzle.config.ts's. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema-pg.ts",
  out: "./drizzle/pg",
});
