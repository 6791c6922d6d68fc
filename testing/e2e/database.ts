/**
 * Where the e2e server keeps its data, for the CLIs the specs run against it (codes, tier): the
 * PostgreSQL database of E2E_DATABASE_URL when the suite runs on PostgreSQL (playwright.config.ts
 * sets it), else the SQLite file.
 */
export const E2E_DATABASE = ".data/e2e/persona-market.db";

export function e2eDatabaseEnv(): Record<string, string> {
  return process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { DATABASE_PATH: E2E_DATABASE, DATABASE_URL: "" };
}
