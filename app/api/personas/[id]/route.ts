import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";
import { personaDetail } from "@/lib/personas/detail";
import { catalogStats, publicStats, statsOf } from "@/lib/community/stats";
import { getDb } from "@/lib/db/client";
import { PERSONA_ID, PERSONA_ID_MAX } from "@/lib/personas/schema";

const paramsSchema = z.object({
  id: z.string().regex(PERSONA_ID, 'must be a persona id like "backend-developer"').max(PERSONA_ID_MAX),
});

/** GET /api/personas/:id — the body only when the viewer's tier (read from SQLite) unlocks it. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw invalidInput(parsed.error, "persona id");
    const catalog = getCatalog();
    const persona = catalog.byId.get(parsed.data.id);
    if (!persona) throw new AppError("not_found", `No persona has the id "${parsed.data.id}".`);
    const viewer = await getViewer();
    const stats = publicStats(statsOf(await catalogStats({ db: getDb() }), persona.id));
    return NextResponse.json(
      { ...personaDetail(catalog, persona, viewer?.tier ?? null), stats },
      {
        headers: { "Cache-Control": "private, no-store", Vary: "Cookie" },
      },
    );
  } catch (error) {
    return jsonError(error);
  }
}
