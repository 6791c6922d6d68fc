import { z } from "zod";
import data from "@/content/categories.json";

/**
 * The catalog's categories, from one operator-editable data file (`content/categories.json`):
 * ids, labels, emoji, and the words the importer files a persona under each by. Checked when this
 * module loads, so a bad edit stops `content:check`, the build and the server with the field named.
 */
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case");
const words = z.array(z.string().trim().min(1, "must not be empty").toLowerCase());
const weight = z.number().min(0).max(100);

const fileSchema = z
  .object({
    weights: z.strictObject({
      sourceCategory: weight,
      name: weight,
      tags: weight,
      description: weight,
      body: weight,
    }),
    bodyChars: z.number().int().min(0).max(100_000),
    defaults: z.strictObject({ card: id, other: id }),
    categories: z
      .array(
        z.strictObject({
          id,
          label: z.string().trim().min(1).max(40),
          emoji: z.string().trim().min(1).max(16),
          lobehub: z.string().trim().min(1),
          sourceWords: words,
          keywords: z.record(z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code"), words),
        }),
      )
      .min(1, "must list at least one category"),
  })
  .superRefine((file, ctx) => {
    const ids = file.categories.map((c) => c.id);
    ids.forEach((c, i) => {
      if (ids.indexOf(c) !== i)
        ctx.addIssue({ code: "custom", path: ["categories", i, "id"], message: `"${c}" is listed twice` });
    });
    for (const [key, value] of Object.entries(file.defaults))
      if (!ids.includes(value))
        ctx.addIssue({ code: "custom", path: ["defaults", key], message: `"${value}" is not a category` });
  });

function readCategoriesFile(value: unknown) {
  const parsed = fileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
  throw new Error(`content/categories.json: ${problems.join("; ")}`);
}

export const CATEGORY_FILE = readCategoriesFile(data);
export type CategoryEntry = (typeof CATEGORY_FILE.categories)[number];

/** Category ids in gallery order. */
export const CATEGORY_IDS = CATEGORY_FILE.categories.map((c) => c.id) as [string, ...string[]];

/** Category id -> label, in gallery order. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  CATEGORY_FILE.categories.map((c) => [c.id, c.label]),
);

export const categoryEntry = (category: string): CategoryEntry | undefined =>
  CATEGORY_FILE.categories.find((c) => c.id === category);
