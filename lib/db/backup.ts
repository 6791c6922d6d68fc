import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** A backup that cannot be made: the message is for the operator, one line, no stack. */
export class BackupError extends Error {}

export type BackupResult = { file: string; integrity: "ok" | "fail"; problems: string[] };

/**
 * Copies a live database to `target` with SQLite's online backup API: other connections may keep
 * writing; the copy is a consistent snapshot. Then opens the copy and runs `PRAGMA integrity_check`.
 */
export async function backupDatabase({
  source,
  target,
  force = false,
}: {
  source: Database.Database;
  target: string;
  force?: boolean;
}): Promise<BackupResult> {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new BackupError(`directory does not exist: ${dir}`);
  }
  if (fs.existsSync(file)) {
    if (!force) throw new BackupError(`${file} already exists (use --force to overwrite it)`);
    if (fs.statSync(file).isDirectory()) throw new BackupError(`${file} is a directory`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  try {
    // All remaining pages in one step: in small steps, every write by another connection restarts
    // the copy, and a busy app would keep it from ever finishing. WAL lets writers go on meanwhile.
    await source.backup(file, { progress: () => 0x7fffffff });
  } catch (error) {
    throw new BackupError(
      `backup to ${file} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { file, ...checkIntegrity(file) };
}

/** Runs `PRAGMA integrity_check` on a database file; leaves it a single file (no -wal/-shm). */
export function checkIntegrity(file: string): { integrity: "ok" | "fail"; problems: string[] } {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const rows = copy.pragma("integrity_check") as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== "ok");
    return { integrity: problems.length === 0 ? "ok" : "fail", problems };
  } finally {
    copy.close();
  }
}

/** Opens the database to back up; it must already exist (a backup never creates one). */
export function openSource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new BackupError(`no database at ${file} (check DATABASE_PATH)`);
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}
