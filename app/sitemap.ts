import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { getCatalog } from "@/lib/personas";

export const dynamic = "force-dynamic";

export default function sitemap(): MetadataRoute.Sitemap {
  const base = env().siteUrl;
  return [
    { url: `${base}/`, changeFrequency: "daily", priority: 1 },
    ...getCatalog().all.map((p) => ({
      url: `${base}/personas/${p.id}`,
      ...(p.published && { lastModified: p.published }),
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
  ];
}
