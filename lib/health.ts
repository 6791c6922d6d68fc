import "server-only";
import { chatSettings, modelLabel } from "@/lib/chat/provider";
import { getDb } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/queries/health";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/personas";

export type Readiness = {
  ready: boolean;
  database: { ok: boolean; engine: "sqlite" | "postgres"; writable: boolean; migrated: boolean };
  catalog: { ok: boolean; personas: number };
  /** Not a condition of readiness: without a model the site still serves, and chat says so. */
  model: { configured: boolean; provider: string | null; name: string | null };
};

/** What `GET /api/ready` reports: names and counts only, never paths, settings or secrets. */
export async function readiness(): Promise<Readiness> {
  const engine = env().database.engine;
  let database: Readiness["database"] = { ok: false, engine, writable: false, migrated: false };
  try {
    const { writable, migrations } = await checkDatabase({ db: getDb() });
    const migrated = migrations.applied >= migrations.expected;
    database = { ok: writable && migrated, engine, writable, migrated };
  } catch {
    // unreachable or unopenable: reported as not ok
  }
  let catalog: Readiness["catalog"] = { ok: false, personas: 0 };
  try {
    catalog = { ok: true, personas: getCatalog().all.length };
  } catch {
    // a content error: reported as not ok
  }
  const chat = chatSettings();
  return {
    ready: database.ok && catalog.ok,
    database,
    catalog,
    model: { configured: Boolean(chat), provider: chat?.provider ?? null, name: modelLabel() },
  };
}
