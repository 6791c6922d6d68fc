import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { exportPersona } from "@/lib/formats/export";
import type { ExportedFile, ExportFormat } from "@/lib/formats/types";
import { readPersonaImage } from "./image-file";
import type { Persona } from "./schema";
import { audit } from "@/lib/log";
import { type Tier, TIER_LABELS, unlocks } from "@/lib/tiers";
import type { Catalog } from "./catalog";

/**
 * A persona as a file to download, for a viewer whose tier unlocks its body: the same rule as its
 * page (a visitor has the free tier's access). Anyone else gets a 403: an export is the whole prompt.
 */
export function exportForViewer({
  persona,
  format,
  viewerTier,
}: {
  persona: Persona;
  format: ExportFormat;
  viewerTier: Tier | null;
}): ExportedFile {
  if (!unlocks(viewerTier, persona.tier)) {
    throw new AppError(
      "forbidden",
      `${persona.name} is part of the ${TIER_LABELS[persona.tier]} plan: exporting it needs that plan or a higher one.`,
    );
  }
  const picture = format === "card-v3-png" ? readPersonaImage(env().personasDir, persona) : null;
  return exportPersona(persona, format, picture?.type === "png" ? picture.bytes : undefined);
}

/** The download for `GET /api/personas/:id/export`: the file, its name and type, never cached. */
export function exportResponseFor({
  catalog,
  id,
  format,
  viewer,
}: {
  catalog: Catalog;
  id: string;
  format: ExportFormat;
  viewer: { id: string; tier: Tier } | null;
}): Response {
  const persona = catalog.byId.get(id);
  if (!persona) throw new AppError("not_found", `No persona has the id "${id}".`);
  const file = exportForViewer({ persona, format, viewerTier: viewer?.tier ?? null });
  audit("persona.exported", { personaId: persona.id, format, userId: viewer?.id ?? null });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      Vary: "Cookie",
    },
  });
}
