import type http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { loadAuthSecret } from "@/lib/auth/secret";
import type { ChatActor } from "@/lib/auth/actor";
import { resetChatProvider } from "@/lib/chat/provider";
import { forgetDb, startDatabase, type Db } from "@/lib/db/client";
import { listMessages } from "@/lib/db/queries/messages";
import { createGuestUser, createUser } from "@/lib/db/queries/users";
import { users } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { buildCatalog, type Catalog } from "@/lib/personas/catalog";
import { loadPersonaDir } from "@/lib/personas/load";
import type { Tier } from "@/lib/tiers";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { startFakeLlm } from "@/testing/llm-fake";

/** Settings a chat test changes; restored as they were by close(). */
const CHAT_VARS = [
  "CHAT_PROVIDER",
  "OPENAI_COMPATIBLE_BASE_URL",
  "OPENAI_COMPATIBLE_API_KEY",
  "ANTHROPIC_API_KEY",
  "OPENAI_API_KEY",
  "DATABASE_PATH",
  "DATABASE_URL",
  "CHAT_MODEL_DEFAULT",
] as const;

export type ChatHarness = {
  db: Db;
  /** The test's own database (SQLite file or PostgreSQL database), with the settings that reach it. */
  database: TestDatabase;
  catalog: Catalog;
  /** The fake model server's base URL (…/v1), as the provider sees it. */
  llmBaseUrl: string;
  /** How many chat completions the fake model server has been asked for so far. */
  completions(): Promise<number>;
  /** Points the provider at the fake server (the default) or at nothing (`null`: no model configured). */
  configureModel(baseUrl: string | null): void;
  visitor(): ChatActor;
  guest(): Promise<ChatActor & { userId: string }>;
  user(tier?: Tier): Promise<ChatActor & { userId: string }>;
  messagesOf(
    conversationId: string,
  ): Promise<{ id: string; role: string; content: string; status: string }[]>;
  close(): Promise<void>;
};

/**
 * Everything the chat service runs against, for real: the test engine's database (testing/database.ts), the
 * catalog from content/personas, and the fake OpenAI-compatible server on a random loopback port,
 * reached through the real provider code.
 */
export async function startChatHarness(): Promise<ChatHarness> {
  const saved = Object.fromEntries(CHAT_VARS.map((k) => [k, process.env[k]]));
  const server: http.Server = await startFakeLlm({ port: 0 });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const llmBaseUrl = `${origin}/v1`;

  const configureModel = (baseUrl: string | null) => {
    for (const k of [
      "ANTHROPIC_API_KEY",
      "OPENAI_API_KEY",
      "OPENAI_COMPATIBLE_API_KEY",
      "CHAT_MODEL_DEFAULT",
    ] as const)
      delete process.env[k];
    if (baseUrl) {
      process.env.CHAT_PROVIDER = "openai-compatible";
      process.env.OPENAI_COMPATIBLE_BASE_URL = baseUrl;
    } else {
      delete process.env.CHAT_PROVIDER;
      delete process.env.OPENAI_COMPATIBLE_BASE_URL;
    }
    resetEnvCache();
    resetChatProvider();
  };
  configureModel(llmBaseUrl);

  const database = await openTestDatabase();
  const db = database.db;
  // Code under test that opens the process's database through getDb() reaches this same one.
  Object.assign(process.env, database.env);
  resetEnvCache();
  if (database.engine === "postgres") {
    await forgetDb();
    // As the server's start does (instrumentation.ts): open the database, settle the session secret.
    await loadAuthSecret(await startDatabase());
  }
  const { personas, problems } = loadPersonaDir(path.resolve(process.cwd(), "content/personas"));
  if (problems.length) throw new Error(`content/personas has problems: ${JSON.stringify(problems[0])}`);
  const catalog = buildCatalog(personas);
  let seq = 0;

  return {
    db,
    database,
    catalog,
    llmBaseUrl,
    configureModel,
    async completions() {
      const response = await fetch(`${origin}/__stats`);
      return ((await response.json()) as { completions: number }).completions;
    },
    visitor: () => ({ kind: "visitor", userId: null, tier: "free" }),
    guest: async () => ({
      kind: "guest" as const,
      userId: (await createGuestUser({ db })).id,
      tier: "free" as const,
    }),
    async user(tier: Tier = "free") {
      const created = await createUser({
        db,
        email: `chat-${++seq}-${Date.now()}@example.com`,
        passwordHash: null,
      });
      if (!created) throw new Error("could not create a test user");
      await db.update(users).set({ tier }).where(eq(users.id, created.id));
      return { kind: "user" as const, userId: created.id, tier };
    },
    messagesOf: async (conversationId) =>
      (await listMessages({ db, conversationId })).map((m) => ({
        id: m.id,
        role: m.role,
        content: m.content,
        status: m.status,
      })),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      // The process database code under test opened through getDb(): closed here, on either engine.
      await forgetDb();
      await database.close();
      for (const k of CHAT_VARS) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
      resetEnvCache();
      resetChatProvider();
    },
  };
}
