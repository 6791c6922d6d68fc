import { execFileSync } from "node:child_process";
import { e2eDatabaseEnv } from "./database";

/** Grants a role the way the operator does: `npm run roles` on the e2e server's database. */
export function grantRole(email: string, role: "moderator") {
  execFileSync("npm", ["run", "--silent", "roles", "--", "grant", email, role], {
    cwd: process.cwd(),
    env: { ...process.env, ...e2eDatabaseEnv() },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
