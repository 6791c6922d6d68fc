/**
 * The ends of the titles of tests that run on one database engine only, so a skipped one says why
 * in the output. `npm test` without TEST_POSTGRES_URL skips every POSTGRES_ONLY test (and runs no
 * postgres project at all: testing/no-postgres-note.ts says so once).
 *
 * @example
 * describe.runIf(onPostgres)(`PostgreSQL stopped and started again ${POSTGRES_ONLY}`, () => {});
 * it.skipIf(onPostgres)(`leaves a sound database behind ${SQLITE_ONLY}`, () => {});
 */
export const POSTGRES_ONLY = "(PostgreSQL only: set TEST_POSTGRES_URL)";
export const SQLITE_ONLY = "(SQLite only: skipped on PostgreSQL)";
