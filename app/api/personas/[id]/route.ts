import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { personaIdSchema } from "@/lib/community/persona-param";
import { personaDetailWithStats } from "@/lib/community/persona-api";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

const params = z.object({ id: personaIdSchema });

/** GET /api/personas/:id — the body only when the viewer's tier (read from the database) unlocks it. */
export const GET = route({ params, paramsName: "persona id" }, async ({ params }) => {
  const catalog = getCatalog();
  const persona = catalog.byId.get(params.id);
  if (!persona) throw new AppError("not_found", `No persona has the id "${params.id}".`);
  const viewer = await getViewer();
  const detail = await personaDetailWithStats({
    db: getDb(),
    catalog,
    persona,
    viewerTier: viewer?.tier ?? null,
  });
  return NextResponse.json(detail, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
});
