/**
 * Another app instance for the catalog refresh test, minus HTTP: the app's database client
 * (DATABASE_PATH or DATABASE_URL, shared with the test process) and the catalog with its database
 * source, refreshed by the same poll a server installs. Prints `ready`, then `seen <id> <ms>` once
 * the persona named in argv[2] is in its catalog (ms since `ready`). Run with tsx and
 * `--conditions=react-server`.
 */
import { installCatalogPoll, refreshCatalog } from "@/lib/creators/catalog-refresh";
import { startDatabase } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

const id = process.argv[2] ?? "";
const db = await startDatabase();
await refreshCatalog({ db });
installCatalogPoll(db);
const ready = performance.now();
process.stdout.write(`ready ${getCatalog().byId.has(id) ? "present" : "absent"}\n`);
const timer = setInterval(() => {
  if (!getCatalog().byId.has(id)) return;
  process.stdout.write(`seen ${id} ${Math.round(performance.now() - ready)}\n`);
  clearInterval(timer);
  process.exit(0);
}, 50);
