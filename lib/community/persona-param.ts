import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/http/json-error";
import type { Catalog } from "@/lib/personas/catalog";
import { PERSONA_ID, PERSONA_ID_MAX, type Persona } from "@/lib/personas/schema";

export const personaIdSchema = z
  .string()
  .regex(PERSONA_ID, 'must be a persona id like "backend-developer"')
  .max(PERSONA_ID_MAX);

/** The persona a route's `:id` names, or a 400 (malformed) / 404 (unknown). */
export function personaFromParam(catalog: Catalog, raw: unknown): Persona {
  const parsed = z.object({ id: personaIdSchema }).safeParse({ id: raw });
  if (!parsed.success) throw invalidInput(parsed.error, "persona id");
  const persona = catalog.byId.get(parsed.data.id);
  if (!persona) throw new AppError("not_found", `No persona has the id "${parsed.data.id}".`);
  return persona;
}
