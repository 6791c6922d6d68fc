import "server-only";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_LOCAL_MODEL } from "@/lib/local-model/default-model";
import { chatSettings, type ChatSettings } from "./env-chat";

export type { ChatProviderName, ChatSettings } from "./env-chat";

const DEFAULT_LOCAL_MODEL_FILE = DEFAULT_LOCAL_MODEL.file;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const schema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  DATABASE_PATH: optional(z.string()),
  DATABASE_URL: optional(
    z
      .url({ error: "must be a PostgreSQL URL like postgres://user:password@host:5432/persona_market" })
      .refine(
        (v) => /^postgres(ql)?:\/\//.test(v),
        "must start with postgres:// (or leave it unset for SQLite)",
      ),
  ),
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(200, "must be at most 200")),
  PERSONAS_DIR: optional(z.string()),
  SITE_URL: optional(z.url({ error: "must be an absolute URL like https://personas.example.com" })),
  NEXTAUTH_SECRET: optional(
    z.string().min(32, "must be at least 32 characters (or leave it unset to have one generated)"),
  ),
  SESSION_MAX_AGE_DAYS: optional(z.coerce.number().int().min(1).max(30, "must be at most 30 days")),
  SESSION_IDLE_HOURS: optional(z.coerce.number().min(0.01).max(720, "must be at most 720 hours (30 days)")),
  // Next's documented switch: with it, `next start` leaves SIGTERM/SIGINT to the app (lib/chat/runs.ts).
  NEXT_MANUAL_SIG_HANDLE: optional(z.string()),
  INSTANCE_ID: optional(z.string().max(100, "must be at most 100 characters")),
  // Set by `next start` to the port it listens on, before the instrumentation hook runs.
  PORT: optional(z.coerce.number().int().min(0).max(65_535, "must be a port number")),
  PAGE_CACHE_SECONDS: optional(z.coerce.number().int().min(0).max(86_400, "must be at most 86400 (a day)")),
  API_CORS_ORIGINS: optional(
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((o) => o.trim().replace(/\/$/, ""))
          .filter(Boolean),
      )
      .refine(
        (list) => list.every((o) => o === "*" || /^https?:\/\/[^/\s]+$/.test(o)),
        "must be origins like https://app.example.com, separated by commas (or *)",
      ),
  ),
  VISITOR_PAGES: optional(z.enum(["lean", "full"], { error: "must be lean or full" })),
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(5)),
  GUEST_SESSIONS_PER_HOUR: optional(z.coerce.number().int().min(1).max(1_000_000)),
  GUEST_MESSAGES_PER_DAY: optional(z.coerce.number().int().min(1).max(1_000_000)),
  SIGN_UPS_PER_HOUR: optional(z.coerce.number().int().min(1).max(1_000_000)),
  GITHUB_ID: optional(z.string()),
  GITHUB_SECRET: optional(z.string()),
  GOOGLE_CLIENT_ID: optional(z.string()),
  GOOGLE_CLIENT_SECRET: optional(z.string()),
  CHAT_PROVIDER: optional(
    z.enum(["anthropic", "openai", "openai-compatible", "local"], {
      error: "must be anthropic, openai, openai-compatible or local",
    }),
  ),
  LOCAL_MODEL_PATH: optional(z.string()),
  LOCAL_MODEL_THREADS: optional(z.coerce.number().int().min(1).max(256, "must be at most 256")),
  LOCAL_MODEL_QUEUE: optional(z.coerce.number().int().min(0).max(64, "must be at most 64")),
  LOCAL_MODEL_CONTEXT: optional(z.coerce.number().int().min(256).max(131_072, "must be at most 131072")),
  ANTHROPIC_API_KEY: optional(z.string()),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_COMPATIBLE_BASE_URL: optional(z.url({ error: "must be a URL like http://127.0.0.1:11434/v1" })),
  OPENAI_COMPATIBLE_API_KEY: optional(z.string()),
  CHAT_MODEL_SONNET: optional(z.string()),
  CHAT_MODEL_OPUS: optional(z.string()),
  CHAT_MODEL_HAIKU: optional(z.string()),
  CHAT_MODEL_DEFAULT: optional(z.string()),
  STRIPE_SECRET_KEY: optional(z.string().regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_…)")),
  STRIPE_WEBHOOK_SECRET: optional(z.string().regex(/^whsec_/, "must be a Stripe webhook secret (whsec_…)")),
  STRIPE_PRICE_PRO: optional(z.string().regex(/^price_/, "must be a Stripe price id (price_…)")),
  STRIPE_PRICE_MAX: optional(z.string().regex(/^price_/, "must be a Stripe price id (price_…)")),
});

type Pair = { id: string; secret: string } | null;

export type Env = {
  /** PostgreSQL when DATABASE_URL is set; otherwise the SQLite file at databasePath. */
  /** PostgreSQL: connections each server process keeps at most (DATABASE_POOL_SIZE, default 10). */
  database: { engine: "postgres"; url: string; poolSize: number } | { engine: "sqlite"; path: string };
  databasePath: string;
  personasDir: string;
  siteUrl: string;
  /** Undefined: generate one and keep it with the data (lib/auth/secret.ts). */
  authSecret: string | undefined;
  sessionMaxAgeDays: number;
  /** A session unused this long ends (SESSION_IDLE_HOURS, default 24). */
  sessionIdleHours: number;
  /** NEXT_MANUAL_SIG_HANDLE is set: the app drains on SIGTERM (without it Next closes the listener at once). */
  appHandlesSignals: boolean;
  /** INSTANCE_ID: this instance's name among those sharing the database (lib/instance.ts). */
  instanceId: string | undefined;
  trustedProxyHops: number;
  /** How long a visitor's page is served from memory before it is rendered again; 0 turns the cache off. */
  pageCacheSeconds: number;
  /** Browser origins allowed to call /v1 (CORS); empty: none (the default). */
  apiCorsOrigins: string[];
  /**
   * Cached pages served without Next's client runtime (lib/http/lean-page.ts): VISITOR_PAGES=lean,
   * the default; `full` serves them as rendered, hydrated like a signed-in viewer's.
   */
  leanVisitorPages: boolean;
  /** The port this server listens on, when Next says so (the start-up warm-up asks it for pages). */
  listenPort: number | undefined;
  development: boolean;
  /** Per-address overrides of lib/tiers.ts ADDRESS_LIMITS (undefined: the default). */
  addressLimits: { newGuests?: number; guestMessages?: number; signUps?: number };
  github: Pair;
  google: Pair;
  stripe: { secretKey: string; webhookSecret: string; prices: { pro?: string; max?: string } } | null;
  chat: ChatSettings | null;
  /** The model the app runs itself (lib/local-model): used when chosen, or when no provider is set and the file exists. */
  localModel: LocalModelSettings;
};

export type LocalModelSettings = {
  /** The GGUF file: LOCAL_MODEL_PATH, or the default model's file in the data directory's `models/`. */
  path: string;
  /** CHAT_PROVIDER=local: chat uses it even when a provider key is set. */
  chosen: boolean;
  /** Threads for inference; the default leaves one core to the pages. */
  threads: number | undefined;
  /** Replies that may wait for the one being written; past it a new one gets 503 with Retry-After. */
  queue: number;
  contextSize: number;
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
  const pair = (id: string | undefined, secret: string | undefined, name: string): Pair => {
    if (!id && !secret) return null;
    if (!id || !secret) throw new Error(`Invalid settings: ${name} sign-in needs both its id and its secret`);
    return { id, secret };
  };
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    throw new Error("Invalid settings: Stripe needs both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
  }
  // Resolved against the working directory at run time, not traced into the build.
  const fromCwd = (p: string) => path.resolve(/* turbopackIgnore: true */ process.cwd(), p);
  const databasePath = fromCwd(e.DATABASE_PATH ?? ".data/persona-market.db");
  cached = {
    database: e.DATABASE_URL
      ? { engine: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE ?? 10 }
      : { engine: "sqlite", path: databasePath },
    databasePath,
    personasDir: fromCwd(e.PERSONAS_DIR ?? "content/personas"),
    siteUrl: (e.SITE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    authSecret: e.NEXTAUTH_SECRET,
    sessionMaxAgeDays: e.SESSION_MAX_AGE_DAYS ?? 7,
    sessionIdleHours: e.SESSION_IDLE_HOURS ?? 24,
    appHandlesSignals: Boolean(e.NEXT_MANUAL_SIG_HANDLE),
    instanceId: e.INSTANCE_ID,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS ?? 0,
    pageCacheSeconds: e.PAGE_CACHE_SECONDS ?? 60,
    apiCorsOrigins: e.API_CORS_ORIGINS ?? [],
    leanVisitorPages: e.VISITOR_PAGES !== "full",
    listenPort: e.PORT,
    development: e.NODE_ENV === "development",
    addressLimits: {
      newGuests: e.GUEST_SESSIONS_PER_HOUR,
      guestMessages: e.GUEST_MESSAGES_PER_DAY,
      signUps: e.SIGN_UPS_PER_HOUR,
    },
    github: pair(e.GITHUB_ID, e.GITHUB_SECRET, "GitHub"),
    google: pair(e.GOOGLE_CLIENT_ID, e.GOOGLE_CLIENT_SECRET, "Google"),
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            prices: { pro: e.STRIPE_PRICE_PRO, max: e.STRIPE_PRICE_MAX },
          }
        : null,
    chat: chatSettings(e),
    localModel: {
      path: e.LOCAL_MODEL_PATH
        ? fromCwd(e.LOCAL_MODEL_PATH)
        : path.join(path.dirname(databasePath), "models", DEFAULT_LOCAL_MODEL_FILE),
      chosen: e.CHAT_PROVIDER === "local",
      threads: e.LOCAL_MODEL_THREADS,
      queue: e.LOCAL_MODEL_QUEUE ?? 4,
      contextSize: e.LOCAL_MODEL_CONTEXT ?? 8192,
    },
  };
  return cached;
}

/**
 * Which engine this process's tables are built for. Read on its own (not through env()) because the
 * schema module needs it when first imported, before the rest of the settings are checked.
 */
export function databaseEngine(): "postgres" | "sqlite" {
  return process.env.DATABASE_URL?.trim() ? "postgres" : "sqlite";
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * What the logger needs, read on its own (not through env()): the logger must work to report that
 * the other settings are bad. An unknown LOG_LEVEL is the default, not a crash.
 */
export function logSettings(): { level: (typeof LOG_LEVELS)[number]; development: boolean } {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase();
  const level = LOG_LEVELS.find((l) => l === wanted) ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
  return { level, development: process.env.NODE_ENV === "development" };
}

/** next-auth builds its URLs from NEXTAUTH_URL (it reads process.env itself); ours is SITE_URL. */
export function applySiteUrlToNextAuth(siteUrl: string) {
  process.env.NEXTAUTH_URL ??= siteUrl;
}

/** For tests that change settings between cases. */
export function resetEnvCache() {
  cached = undefined;
}
