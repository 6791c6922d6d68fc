import { privateJson, requireAccount } from "@/lib/creators/http";
import { importDraftFile } from "@/lib/creators/uploads";
import { getDb } from "@/lib/db/client";
import { readBodyBytes } from "@/lib/http/read-body";
import { route } from "@/lib/http/route";
import { CREATOR_LIMITS } from "@/lib/tiers";

/**
 * POST /api/studio/import — the body is a file `npm run content:import` reads; it opens as a new
 * draft (read by the same code as the CLI). What the import changed comes back as notes.
 */
export const POST = route({}, async ({ request }) => {
  const viewer = await requireAccount("import personas");
  const bytes = new Uint8Array(await readBodyBytes(request, CREATOR_LIMITS.importBytes));
  return privateJson(await importDraftFile({ db: getDb(), userId: viewer.id, bytes }));
});
