import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError } from "@/lib/http/json-error";
import { getCatalog } from "@/lib/personas";
import { personaDetail } from "@/lib/personas/detail";
import { catalogStats, publicStats, statsOf } from "@/lib/community/stats";
import { getDb } from "@/lib/db/client";

const paramsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a persona id like "backend-developer"')
    .max(64),
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
