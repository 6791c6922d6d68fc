import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { exportPersona } from "@/lib/formats/export";
import type { ExportedFile, ExportFormat } from "@/lib/formats/types";
import { TIER_LABELS, unlocks } from "@/lib/tiers";
import { readPersonaImage } from "./image-file";
import type { Persona } from "./schema";
import { type Tier } from "@/lib/tiers";

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
