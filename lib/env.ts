import "server-only";
import path from "node:path";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const schema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  DATABASE_PATH: optional(z.string()),
  PERSONAS_DIR: optional(z.string()),
  SITE_URL: optional(z.url({ error: "must be an absolute URL like https://personas.example.com" })),
});

export type Env = {
  databasePath: string;
  personasDir: string;
  siteUrl: string;
};

let cached: Env | undefined;

/** The only reader of process.env. Throws one message naming every bad setting. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid settings (see .env.example):\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  // Resolved against the working directory at run time, not traced into the build.
  const fromCwd = (p: string) => path.resolve(/* turbopackIgnore: true */ process.cwd(), p);
  cached = {
    databasePath: fromCwd(e.DATABASE_PATH ?? ".data/persona-market.db"),
    personasDir: fromCwd(e.PERSONAS_DIR ?? "content/personas"),
    siteUrl: (e.SITE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
  };
  return cached;
}
