import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { personaIdSchema } from "@/lib/community/persona-param";
import { EXPORT_FORMATS } from "@/lib/formats/types";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";
import { exportResponseFor } from "@/lib/personas/export";

const params = z.object({ id: personaIdSchema });
const query = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(", ")}` }),
});

/** GET /api/personas/:id/export?format=… — the persona as a file, for viewers whose tier unlocks it. */
export const GET = route({ params, paramsName: "persona id", query }, async ({ params, query }) => {
  const viewer = await getViewer();
  return exportResponseFor({ catalog: getCatalog(), id: params.id, format: query.format, viewer });
});
