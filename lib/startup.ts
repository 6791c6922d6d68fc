import "server-only";
import { log } from "@/lib/log";

/**
 * What the operator reads when the server cannot start: the setting, file or path at fault, in
 * plain words and without a stack. Known causes say what to change; anything else names itself.
 */
export function startupFailureMessage(error: unknown, databasePath: string | undefined): string {
  if (!(error instanceof Error)) return `Cannot start: ${String(error)}`;
  if (error.name === "ContentError" || error.message.startsWith("Invalid settings")) {
    return `Cannot start: ${error.message}`;
  }
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (databasePath?.startsWith("postgres://")) {
    if (
      /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|28000|3D000|42501)$/.test(code) ||
      /connect|postgres/i.test(error.message)
    )
      return `Cannot start: the PostgreSQL database ${databasePath} cannot be used (${error.message}). Check DATABASE_URL: the server must be running and reachable, the database must exist, and the user must be allowed to create tables in it.`;
  }
  if (
    /^(SQLITE_|EACCES|EROFS|ENOTDIR|EISDIR|ENOENT|EPERM)/.test(code) ||
    /database|sqlite/i.test(error.message)
  ) {
    return `Cannot start: the database at ${databasePath ?? "DATABASE_PATH"} cannot be used (${error.message}). Check DATABASE_PATH: its directory must exist or be creatable, and be writable.`;
  }
  return `Cannot start: ${error.message}`;
}

/** Runs the start-up checks; on failure prints one clear line and exits non-zero, so no server answers 500s. */
export async function startOrExit(
  steps: () => Promise<void>,
  databasePath: () => string | undefined | Promise<string | undefined>,
) {
  try {
    await steps();
  } catch (error) {
    let where: string | undefined;
    try {
      where = await databasePath();
    } catch {
      where = undefined;
    }
    const message = startupFailureMessage(error, where);
    log.fatal({ event: "server.start_refused" }, message);
    process.stderr.write(`\n${message}\n\n`);
    process.exit(1);
  }
}
