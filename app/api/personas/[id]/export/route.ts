import type { NextRequest } from "next/server";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { EXPORT_FORMATS } from "@/lib/formats/types";
import { invalidInput, jsonError, searchParamsObject } from "@/lib/http/json-error";
import { audit } from "@/lib/log";
import { getCatalog } from "@/lib/personas";
import { exportForViewer } from "@/lib/personas/export";
import { PERSONA_ID, PERSONA_ID_MAX } from "@/lib/personas/schema";

const paramsSchema = z.object({
  id: z.string().regex(PERSONA_ID, 'must be a persona id like "backend-developer"').max(PERSONA_ID_MAX),
});
const querySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(", ")}` }),
});

/** GET /api/personas/:id/export?format=… — the persona as a file, for viewers whose tier unlocks it. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const id = paramsSchema.safeParse(await params);
    if (!id.success) throw invalidInput(id.error, "persona id");
    const query = querySchema.safeParse(searchParamsObject(request.nextUrl.searchParams));
    if (!query.success) throw invalidInput(query.error);
    const persona = getCatalog().byId.get(id.data.id);
    if (!persona) throw new AppError("not_found", `No persona has the id "${id.data.id}".`);
    const viewer = await getViewer();
    const file = exportForViewer({ persona, format: query.data.format, viewerTier: viewer?.tier ?? null });
    audit("persona.exported", {
      personaId: persona.id,
      format: query.data.format,
      userId: viewer?.id ?? null,
    });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        Vary: "Cookie",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
