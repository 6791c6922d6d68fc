import path from "node:path";

/**
 * Where a generated session secret is kept (lib/auth/secret.ts makes it; db:copy carries it): the
 * app_settings key on PostgreSQL, and a file beside the database on SQLite.
 */
export const AUTH_SECRET_SETTING = "auth_secret";

export const authSecretFile = (databasePath: string) => path.join(path.dirname(databasePath), "auth-secret");
