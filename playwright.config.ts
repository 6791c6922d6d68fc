import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium by default (no browser download here); PLAYWRIGHT_CHROMIUM_PATH overrides it,
// and setting it to an empty string uses Playwright's own browser.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "");
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
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
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /responsive\.spec\.ts/ },
  ],
  webServer: {
    // A production build against a database of its own, started fresh for every run.
    command: `rm -rf .data/e2e && npm run build && npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/personas?pageSize=1`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    env: { DATABASE_PATH: ".data/e2e/persona-market.db", SITE_URL: baseURL },
    stdout: "pipe",
  },
});
