import path from "node:path";
import { defineConfig } from "vitest/config";

const ALL_TESTS = ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"];
// The tests that touch the database, run again on PostgreSQL when TEST_POSTGRES_URL names a server
// (an admin URL: each test makes a database of its own there; `npm run test:pg` starts a throwaway one).
const DATABASE_TESTS = [
  "lib/db/**/*.test.ts",
  "lib/auth/**/*.test.ts",
  "lib/billing/**/*.test.ts",
  "lib/chat/**/*.test.ts",
  "lib/community/**/*.test.ts",
  "lib/api/**/*.test.ts",
  "lib/limits/**/*.test.ts",
  "lib/http/**/*.test.ts",
  "lib/personas/export-route.test.ts",
  "lib/creators/routes.test.ts",
  "lib/creators/instances.test.ts",
  "lib/personas/versions*.test.ts",
];
// Left out on PostgreSQL, each about SQLite itself: the backup command (SQLite's online backup of the
// file), SIGKILL recovery and clean stop (a worker process on a file: WAL left behind, checkpoint on
// exit).
const SQLITE_ONLY_TESTS = [
  "lib/db/backup.test.ts",
  "lib/chat/crash.test.ts",
  "lib/shutdown.test.ts",
  // The SQLite driver's own lock (transactions that await on a synchronous connection).
  "lib/db/sqlite-driver.test.ts",
  // SQLite's query plans (PostgreSQL's depend on its statistics).
  "lib/db/queries/messages-plan.test.ts",
];
const postgresUrl = process.env.TEST_POSTGRES_URL?.trim();

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next enforces "server-only" at build time; in unit tests every module is server code.
      "server-only": path.resolve(import.meta.dirname, "testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    // The default reporter, and the names of the tests skipped for their database engine.
    reporters: ["default", "./testing/engine-skips-reporter.ts"],
    pool: "forks",
    projects: [
      // The engine is chosen by DATABASE_URL when lib/db/schema.ts is imported: one project per engine.
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ALL_TESTS,
          env: { DATABASE_URL: "" },
          // Without PostgreSQL the output says so once (and each PostgreSQL-only test in its title).
          ...(!postgresUrl && { globalSetup: ["testing/no-postgres-note.ts"] }),
        },
      },
      ...(postgresUrl
        ? [
            {
              extends: true,
              test: {
                name: "postgres",
                include: DATABASE_TESTS,
                exclude: SQLITE_ONLY_TESTS,
                env: { DATABASE_URL: postgresUrl, TEST_POSTGRES_URL: postgresUrl },
                globalSetup: ["testing/postgres-setup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
