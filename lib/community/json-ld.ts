import type { PublicStats } from "./stats";

/**
 * schema.org data for a persona page, as the text of a `<script type="application/ld+json">`
 * (a data block, not a script, so the CSP allows it). `<` is escaped so no text can close the tag.
 */
export function personaJsonLd(
  persona: { id: string; name: string; description: string; version: string },
  stats: PublicStats,
  siteUrl: string,
): string {
  const data = {
    "@context": "https://schema.org",
    "@type": "SoftwareApplication",
    name: persona.name,
    description: persona.description,
    applicationCategory: "AI persona",
    softwareVersion: persona.version,
    url: new URL(`/personas/${persona.id}`, siteUrl).toString(),
    ...(stats.ratingCount > 0 &&
      stats.rating !== null && {
        aggregateRating: {
          "@type": "AggregateRating",
          ratingValue: stats.rating,
          ratingCount: stats.ratingCount,
          bestRating: 5,
          worstRating: 1,
        },
      }),
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
