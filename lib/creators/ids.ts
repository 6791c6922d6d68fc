import { z } from "zod";

/** A creator's public handle: 3 to 20 characters, kebab-case without `--`. */
export const HANDLE_MAX = 20;
export const handleSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(3, "must be at least 3 characters")
  .max(HANDLE_MAX, `must be at most ${HANDLE_MAX} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may use a-z, 0-9 and single dashes between them");

/** Handles people would take for the site's own voice. */
const RESERVED = new Set([
  "admin",
  "moderator",
  "moderation",
  "persona-market",
  "staff",
  "support",
  "system",
]);
export const isReservedHandle = (handle: string) => RESERVED.has(handle);

/** The slug part of a creator persona's id: with the handle and `--`, at most 64 characters. */
export const SLUG_MAX = 64 - HANDLE_MAX - 2;
export const slugSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required: the last part of the persona's address")
  .max(SLUG_MAX, `must be at most ${SLUG_MAX} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may use a-z, 0-9 and single dashes between them");

/** `<handle>--<slug>`: no content file or other creator can take it (lib/personas/schema.ts). */
export const creatorPersonaId = (handle: string, slug: string) => `${handle}--${slug}`;

/** The handle of a creator persona's id, or undefined for a content file's id. */
export function handleOf(personaId: string): string | undefined {
  const at = personaId.indexOf("--");
  return at > 0 ? personaId.slice(0, at) : undefined;
}

export const slugOf = (personaId: string) => personaId.slice(personaId.indexOf("--") + 2);
