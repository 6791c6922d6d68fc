import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SERVER_LOG } from "./testing/e2e/server-log-reporter";

// Debian's Chromium by default (no browser download here); PLAYWRIGHT_CHROMIUM_PATH overrides it,
// and setting it to an empty string uses Playwright's own browser.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "");
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// The fake OpenAI-compatible model server chat talks to (testing/llm-fake.ts); testing/e2e/llm.ts reads the same port.
const llmPort = Number(process.env.E2E_LLM_PORT ?? 3211);
// E2E_ENGINE=postgres: the app runs on a database of its own (pm_e2e, made afresh) on the server of
// TEST_POSTGRES_URL, and only the smoke set (@smoke) runs. The fixtures' CLIs read E2E_DATABASE_URL
// (testing/e2e/database.ts); set here, so every worker process loading this config sees it too.
const onPostgres = process.env.E2E_ENGINE === "postgres";
const adminUrl = process.env.TEST_POSTGRES_URL?.trim() ?? "";
if (onPostgres && !adminUrl) throw new Error("E2E_ENGINE=postgres needs TEST_POSTGRES_URL (an admin URL)");
const E2E_PG_DATABASE = "pm_e2e";
if (onPostgres) {
  const url = new URL(adminUrl);
  url.pathname = `/${E2E_PG_DATABASE}`;
  process.env.E2E_DATABASE_URL = url.toString();
}
// E2E_SKIP_BUILD=1 reuses the build already in .next (the PostgreSQL smoke run right after the SQLite one).
const build = process.env.E2E_SKIP_BUILD ? "true" : "npm run build";
const resetDatabase = onPostgres
  ? `npx tsx testing/e2e/reset-postgres.ts ${adminUrl} ${E2E_PG_DATABASE}`
  : "rm -rf .data/e2e";

export default defineConfig({
  testDir: "e2e",
  // After the run, the app server's whole log is searched for the run's secrets and messages.
  globalTeardown: "./testing/e2e/log-grep-teardown.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  ...(onPostgres && { grep: /@smoke/ }),
  // The app server's log goes to a file, shown only for a failing test (testing/e2e/server-log-reporter.ts).
  reporter: [
    ["list"],
    ["./testing/e2e/server-log-reporter.ts"],
    ...(process.env.CI ? [] : [["html", { open: "never" }] as const]),
  ],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromiumPath && { executablePath: chromiumPath }),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    ...(onPostgres
      ? []
      : [
          {
            name: "phone",
            use: { ...devices["Pixel 7"] },
            testMatch:
              /(responsive|chat-ux|chat-phone|chat-look|chat-maths|chat-tree|chat-titles|chat-small)\.spec\.ts/,
          },
        ]),
  ],
  webServer: [
    {
      command: `npx tsx testing/llm-fake.ts --port ${llmPort}`,
      url: `http://127.0.0.1:${llmPort}/v1/models`,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "pipe",
    },
    {
      // A production build against a database of its own, started fresh for every run.
      command: `${resetDatabase} && mkdir -p .data && ${build} && NEXT_MANUAL_SIG_HANDLE=true npx next start -H 127.0.0.1 -p ${port} > ${SERVER_LOG}`,
      url: `${baseURL}/api/personas?pageSize=1`,
      // A cold production build on a busy machine can take minutes.
      timeout: 600_000,
      reuseExistingServer: !process.env.CI,
      env: {
        DATABASE_PATH: ".data/e2e/persona-market.db",
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        SITE_URL: baseURL,
        CHAT_PROVIDER: "openai-compatible",
        OPENAI_COMPATIBLE_BASE_URL: `http://127.0.0.1:${llmPort}/v1`,
        // Every browser here is 127.0.0.1: per-address limits (tested in lib/chat and lib/auth) set high.
        GUEST_SESSIONS_PER_HOUR: "100000",
        GUEST_MESSAGES_PER_DAY: "100000",
        SIGN_UPS_PER_HOUR: "100000",
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
