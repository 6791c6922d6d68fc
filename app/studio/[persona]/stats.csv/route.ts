import type { NextRequest } from "next/server";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";
import { personaStats, statsCsv } from "@/lib/personas/versions-stats";
import { studioAccess } from "@/lib/personas/versions-studio-access";

/** GET /studio/:persona/stats.csv — the daily figures, for the persona's creator and moderators only. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ persona: string }> }) {
  try {
    const { persona: id } = await params;
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
  } catch (error) {
    return jsonError(error);
  }
}
