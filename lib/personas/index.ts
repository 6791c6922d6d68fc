import "server-only";
import { env } from "@/lib/env";
import { buildCatalog, type Catalog } from "./catalog";
import { loadPersonaDir } from "./load";
import { ContentError } from "./problems";

const globalForCatalog = globalThis as unknown as { personaCatalog?: Catalog };

/**
 * The catalog, built once per server process: content never changes while it runs
 * (edit a file, restart the server).
 */
export function getCatalog(): Catalog {
  if (globalForCatalog.personaCatalog) return globalForCatalog.personaCatalog;
  const { personas, problems } = loadPersonaDir(env().personasDir);
  if (problems.length) throw new ContentError(problems);
  return (globalForCatalog.personaCatalog = buildCatalog(personas));
}
