import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * NEXTAUTH_SECRET when set (at least 32 characters, checked in lib/env.ts). Otherwise a strong
 * random secret generated on the first start and kept beside the database, readable by the app
 * only, so sessions survive restarts.
 */
export function authSecret(): string {
  if (cached) return cached;
  const configured = env().authSecret;
  if (configured) return (cached = configured);
  const file = path.join(path.dirname(env().databasePath), "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return (cached = existing);
    throw new Error(
      `${file} holds a secret shorter than 32 characters: delete it to have a new one generated`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return (cached = secret);
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return (cached = fs.readFileSync(file, "utf8").trim());
    throw error;
  }
}
