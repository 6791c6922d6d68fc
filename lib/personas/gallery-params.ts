import { galleryQuerySchema, type GalleryQuery } from "./query";

type RawParams = Record<string, string | string[] | undefined>;

/**
 * The gallery page is forgiving where the API is strict: a bad value is dropped and explained,
 * and the rest of the filters still apply.
 */
export function parseGalleryParams(raw: RawParams): { query: GalleryQuery; notices: string[] } {
  const known = Object.keys(galleryQuerySchema.shape).filter((k) => k !== "pageSize");
  const input: RawParams = Object.fromEntries(known.map((k) => [k, raw[k]]));
  const notices: string[] = [];
  for (;;) {
    const result = galleryQuerySchema.safeParse(input);
    if (result.success) return { query: result.data, notices };
    for (const issue of result.error.issues) {
      const key = String(issue.path[0]);
      const shown = Array.isArray(input[key]) ? (input[key] as string[]).join(", ") : String(input[key]);
      notices.push(`Ignored ${key} "${shown.slice(0, 60)}": ${issue.message}.`);
      delete input[key];
    }
  }
}
