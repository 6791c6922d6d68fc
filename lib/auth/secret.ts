import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { readSetting, writeSettingOnce } from "@/lib/db/queries/settings";
import { AUTH_SECRET_SETTING, authSecretFile } from "@/lib/db/secret-store";
import { env } from "@/lib/env";

// On globalThis: the server's start (instrumentation.ts) and the routes are bundled apart, so a
// module-level cache set at start would not be seen by the routes (PostgreSQL: nothing else loads it).
const globalForSecret = globalThis as unknown as { personaAuthSecret?: string };
/**
 * The server's start (instrumentation.ts) settles the secret before the first request. With
 * PostgreSQL and no NEXTAUTH_SECRET, the generated one is kept in the database (app_settings), so
 * every instance sharing it signs and reads the same sessions: the first to start writes it, the
 * others read it.
 */
export async function loadAuthSecret(db: Db): Promise<string> {
  if (globalForSecret.personaAuthSecret) return globalForSecret.personaAuthSecret;
  if (env().authSecret || env().database.engine === "sqlite") return authSecret();
  await writeSettingOnce({ db, key: AUTH_SECRET_SETTING, value: randomBytes(48).toString("base64url") });
  const stored = await readSetting({ db, key: AUTH_SECRET_SETTING });
  if (!stored || stored.length < 32)
    throw new Error("the session secret in app_settings is missing or too short");
  return (globalForSecret.personaAuthSecret = stored);
}

/**
 * NEXTAUTH_SECRET when set (at least 32 characters, checked in lib/env.ts). Otherwise a strong
 * random secret generated on the first start and kept with the data, so sessions survive restarts:
 * for SQLite in a file beside the database (readable by the app only; processes sharing the
 * database share its directory), for PostgreSQL in the database (loadAuthSecret, at start).
 */
export function authSecret(): string {
  if (globalForSecret.personaAuthSecret) return globalForSecret.personaAuthSecret;
  const configured = env().authSecret;
  if (configured) return (globalForSecret.personaAuthSecret = configured);
  if (env().database.engine === "postgres")
    throw new Error("The session secret is not loaded yet: the server loads it at start (loadAuthSecret).");
  const file = authSecretFile(env().databasePath);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return (globalForSecret.personaAuthSecret = existing);
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
    return (globalForSecret.personaAuthSecret = secret);
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return (globalForSecret.personaAuthSecret = fs.readFileSync(file, "utf8").trim());
    throw error;
  }
}
