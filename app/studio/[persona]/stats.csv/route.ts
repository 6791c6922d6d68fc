import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";
import { personaStats, statsCsv } from "@/lib/personas/versions-stats";
import { studioAccess } from "@/lib/personas/versions-studio-access";

/** GET /studio/:persona/stats.csv — the daily figures, for the persona's creator and moderators only. */
export const GET = route({}, async ({ params }) => {
  const id = String(params.persona);
  const db = getDb();
  const access =
    getCatalog().byId.has(id) && (await studioAccess({ db, viewer: await getViewer(), personaId: id }));
  if (!access) throw new AppError("not_found", "There is no persona with that id.");
  const stats = await personaStats({ db, personaId: id, exclude: access.exclude });
  return new Response(statsCsv(stats), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${id}-figures.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
