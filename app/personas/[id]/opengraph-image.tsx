import { personaOgImage, OG_SIZE } from "@/components/og/persona-og-image";
import { getCatalog } from "@/lib/personas";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "Persona Market persona card";

/** Name, description, category and tier only: never the persona's prompt. */
export default async function OpengraphImage({ params }: { params: Promise<{ id: string }> }) {
  const persona = getCatalog().byId.get((await params).id);
  return personaOgImage({
    kicker: "Persona Market",
    name: persona?.name ?? "Persona not found",
    subtitle: persona?.description ?? "",
    persona,
  });
}
