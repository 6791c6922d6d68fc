import fs from "node:fs";
import { SERVER_LOG } from "./server-log-reporter";

/**
 * After the whole browser run: the app server's log holds none of the secrets and user text the run
 * used. Every spec makes its secrets in known shapes (testing/e2e/accounts.ts passwords and emails,
 * API keys, share links) and sends the fake model its directives inside the messages, so a shape
 * found in the log is a leak, whichever spec caused it. (e2e/log-secrets.spec.ts checks the same on
 * a server of its own at the trace level, with values it knows one by one.)
 */
const LEAKS: [string, RegExp][] = [
  ["a test account's password", /pass [0-9a-f]{12}/],
  ["an email address (every test account's is at example.com)", /[A-Za-z0-9._%+-]+@example\.com\b/],
  ["an API key", /\bpm_[A-Za-z0-9_-]{16,}/],
  ["a share link's token", /\/share\/[A-Za-z0-9_-]{16,}/],
  [
    "a chat message (the fake model's directives travel in messages)",
    /\[\[(body|drop|fail|flaky|long|slow)\b/,
  ],
];

export default function globalTeardown() {
  if (!fs.existsSync(SERVER_LOG)) return;
  const lines = fs.readFileSync(SERVER_LOG, "utf8").split("\n");
  const found: string[] = [];
  for (const [what, pattern] of LEAKS) {
    const hits = lines.filter((line) => pattern.test(line));
    if (hits.length)
      found.push(
        `${what}: ${hits.length} line(s), e.g. ${hits[0]!.replace(pattern, "<HERE>").slice(0, 300)}`,
      );
  }
  if (found.length)
    throw new Error(`The app server's log (${SERVER_LOG}) holds what it must not:\n- ${found.join("\n- ")}`);
}
