/**
 * Global setup of the sqlite project when no PostgreSQL is given (vitest.config.ts): one line saying
 * the database tests ran on SQLite only, and the PostgreSQL-only ones were skipped.
 */
export default function noPostgresNote() {
  console.info(
    "PostgreSQL: not tested in this run (database tests ran on SQLite only; tests marked " +
      "“PostgreSQL only” are skipped). Set TEST_POSTGRES_URL, or run `npm run test:pg`.",
  );
}
