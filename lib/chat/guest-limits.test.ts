import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { ADDRESS_LIMITS } from "@/lib/tiers";
import type { ChatActor } from "@/lib/auth/actor";
import { startReply } from "./service";
import { chatRequestSchema } from "./validation";

const FREE = "backend-developer";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});
beforeEach(() => h.configureModel(h.llmBaseUrl));

const send = async (actor: ChatActor, group: string, message = "hello", now?: Date) =>
  await startReply({
    db: h.db,
    catalog: h.catalog,
    actor,
    clientGroup: group,
    request: chatRequestSchema.parse({ personaId: FREE, message }),
    now,
  });

async function refusal(fn: () => unknown): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

const countUsers = async (db: ChatHarness["db"]) =>
  (await db
    .select({ n: count() })
    .from(users)
    .then((rows) => rows[0]))!.n;
const group = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

describe("guests are limited per client address, not per cookie", () => {
  it(`a visitor who drops the cookie gets at most ${ADDRESS_LIMITS.newGuests.max} guests an hour, then a 429 with Retry-After`, async () => {
    const address = group();
    const before = await countUsers(h.db);
    for (let i = 0; i < ADDRESS_LIMITS.newGuests.max; i++) {
      expect(await (await send(h.visitor(), address)).run.done).toBe("complete");
    }
    const error = await refusal(async () => await send(h.visitor(), address));
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/Sign up for a free account/);
    const retry = error.retryAfterSeconds()!;
    expect(retry).toBeGreaterThan(50 * 60);
    expect(retry).toBeLessThanOrEqual(60 * 60);
    expect(await countUsers(h.db)).toBe(before + ADDRESS_LIMITS.newGuests.max);
    // Another address is not affected.
    expect(await (await send(h.visitor(), group())).run.done).toBe("complete");
  });

  it("guest messages are counted across every guest from the address", async () => {
    const address = group();
    const guests: ChatActor[] = [];
    let sent = 0;
    for (let i = 0; i < ADDRESS_LIMITS.newGuests.max; i++) {
      const started = await send(h.visitor(), address);
      expect(await started.run.done).toBe("complete");
      guests.push({ kind: "guest", userId: started.newGuestId!, tier: "free" });
      sent++;
    }
    while (sent < ADDRESS_LIMITS.guestMessages.max) {
      expect(await (await send(guests[sent % guests.length]!, address)).run.done).toBe("complete");
      sent++;
    }
    for (const guest of guests) {
      const error = await refusal(async () => await send(guest, address));
      expect(error.status).toBe(429);
      expect(error.message).toMatch(/messages allowed a day/);
    }
  });

  it("a reply that fails before any text gives the address its message back", async () => {
    const address = group();
    const first = await send(h.visitor(), address);
    expect(await first.run.done).toBe("complete");
    const guest: ChatActor = { kind: "guest", userId: first.newGuestId!, tier: "free" };
    for (let i = 0; i < 2; i++) {
      expect(await (await send(guest, address, "[[fail:500]] again?")).run.done).toBe("interrupted");
    }
    let sent = 1;
    while (sent < ADDRESS_LIMITS.guestMessages.max) {
      expect(await (await send(guest, address)).run.done).toBe("complete");
      sent++;
    }
    expect(await (await refusal(async () => await send(guest, address))).status).toBe(429);
  }, 30_000);

  it("signed-in users are not limited by address", async () => {
    const address = group();
    for (let i = 0; i < ADDRESS_LIMITS.newGuests.max + 1; i++) {
      expect(await (await send(await h.user("free"), address)).run.done).toBe("complete");
    }
  });
});
