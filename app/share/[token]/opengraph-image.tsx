import { personaOgImage, OG_SIZE } from "@/components/og/persona-og-image";
import { sharedView } from "@/lib/community/shares";
import { getDb } from "@/lib/db/client";
import { getCatalog } from "@/lib/personas";

export const size = OG_SIZE;
export const contentType = "image/png";
export const alt = "A conversation shared on Persona Market";

/** The shared title and the persona: never the prompt, never the owner. */
export default async function OpengraphImage({ params }: { params: Promise<{ token: string }> }) {
  let shared: { title: string; personaId: string } | null = null;
  try {
    const v = await sharedView({
      db: getDb(),
      catalog: getCatalog(),
      token: (await params).token,
      viewerTier: null,
    });
    shared = { title: v.title, personaId: v.persona.id };
  } catch {
    shared = null;
  }
  const persona = shared ? getCatalog().byId.get(shared.personaId) : undefined;
  return personaOgImage({
    kicker: "Persona Market · shared conversation",
    name: persona?.name ?? "Shared conversation",
    subtitle: shared ? `“${shared.title}”` : "This link is no longer shared.",
    persona,
  });
}
