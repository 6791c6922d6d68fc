import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { stripeEvents, stripeSubscriptions, tierChanges, users } from "@/lib/db/schema";
import { setUserTier } from "@/lib/db/queries/tiers";
import { applyStripeEvent, stripeEventSchema, type StripeEventResult } from "./stripe-webhook";

const prices = { pro: "price_pro", max: "price_max" };
const CUSTOMER = "cus_A";

let database: TestDatabase;
let db: Db;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
});

afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await database.close();
});

let seq = 0;
async function addUser(over: Partial<typeof users.$inferInsert> = {}) {
  const id = `user_${++seq}`;
  await db.insert(users).values({ id, email: `${id}@example.com`, ...over });
  return id;
}

/** A raw event as Stripe sends it (the JSON), for the schema to parse. */
function rawEvent(type: string, object: Record<string, unknown>, created: number, id = `evt_${++seq}`) {
  return {
    id,
    object: "event",
    api_version: "2025-01-27.acacia",
    type,
    created,
    livemode: false,
    data: { object },
  };
}

function checkoutCompleted(userId: string, created = 50, customer = CUSTOMER) {
  return rawEvent(
    "checkout.session.completed",
    {
      id: "cs_1",
      object: "checkout.session",
      mode: "subscription",
      customer,
      client_reference_id: userId,
      subscription: "sub_1",
    },
    created,
  );
}

function subscriptionEvent(
  kind: "created" | "updated" | "deleted",
  {
    price,
    status = "active",
    created,
    sub = "sub_1",
    customer = CUSTOMER,
    userId,
  }: {
    price: string;
    status?: string;
    created: number;
    sub?: string;
    customer?: string;
    userId?: string;
  },
) {
  return rawEvent(
    `customer.subscription.${kind}`,
    {
      id: sub,
      object: "subscription",
      customer,
      status,
      metadata: userId ? { userId } : {},
      items: { object: "list", data: [{ id: "si_1", price: { id: price, object: "price" } }] },
    },
    created,
  );
}

async function apply(raw: unknown, on: Db = db): Promise<StripeEventResult> {
  return await applyStripeEvent({ db: on, event: stripeEventSchema.parse(raw), prices });
}

const userRow = async (id: string) =>
  (await db
    .select()
    .from(users)
    .where(eq(users.id, id))
    .then((rows) => rows[0]))!;
const changes = async (id: string) => await db.select().from(tierChanges).where(eq(tierChanges.userId, id));

describe("stripeEventSchema", () => {
  it("parses the objects of handled types and passes other types through", () => {
    const parsed = stripeEventSchema.parse(
      subscriptionEvent("updated", { price: "price_pro", created: 1, customer: "cus_X" }),
    );
    expect(parsed).toMatchObject({
      kind: "subscription",
      deleted: false,
      subscription: { customer: "cus_X", status: "active" },
    });
    expect(stripeEventSchema.parse(rawEvent("invoice.paid", { id: "in_1" }, 1))).toMatchObject({
      kind: "other",
      type: "invoice.paid",
    });
  });

  it("accepts an expanded customer object", () => {
    const raw = checkoutCompleted("u");
    raw.data.object.customer = { id: "cus_E", object: "customer" };
    expect(stripeEventSchema.parse(raw)).toMatchObject({ kind: "checkout", session: { customer: "cus_E" } });
  });

  it("refuses a bad envelope or a bad object of a handled type, naming the field", () => {
    expect(stripeEventSchema.safeParse({ ...rawEvent("invoice.paid", {}, 1), id: "nope" }).success).toBe(
      false,
    );
    expect(
      stripeEventSchema.safeParse({ ...rawEvent("invoice.paid", {}, 1), created: "yesterday" }).success,
    ).toBe(false);
    const noStatus = subscriptionEvent("updated", { price: "price_pro", created: 1 });
    delete (noStatus.data.object as { status?: string }).status;
    const result = stripeEventSchema.safeParse(noStatus);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["data", "object", "status"]);
  });
});

describe("applyStripeEvent", () => {
  it("checkout links the customer, then an active subscription gives its tier", async () => {
    const userId = await addUser();
    expect(await apply(checkoutCompleted(userId))).toMatchObject({
      outcome: "linked",
      userId,
      tier: "free",
      tierChanged: false,
    });
    expect((await userRow(userId)).stripeCustomerId).toBe(CUSTOMER);
    const event = subscriptionEvent("created", { price: "price_pro", created: 100 });
    expect(await apply(event)).toEqual({
      duplicate: false,
      outcome: "applied",
      userId,
      tier: "pro",
      tierChanged: true,
    });
    expect(await userRow(userId)).toMatchObject({ tier: "pro", tierSource: "stripe" });
    expect(await changes(userId)).toMatchObject([
      { fromTier: "free", toTier: "pro", source: "stripe", reference: event.id },
    ]);
  });

  it("a replayed event has no second effect", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const event = subscriptionEvent("created", { price: "price_pro", created: 100 });
    expect(await apply(event)).toMatchObject({ duplicate: false, tierChanged: true });
    expect(await apply(event)).toEqual({ duplicate: true });
    expect(await apply(structuredClone(event))).toEqual({ duplicate: true });
    expect(await changes(userId)).toHaveLength(1);
  });

  it("a replay stays a no-op even after a later event moved the tier", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const toPro = subscriptionEvent("created", { price: "price_pro", created: 100 });
    await apply(toPro);
    await apply(subscriptionEvent("deleted", { price: "price_pro", status: "canceled", created: 200 }));
    expect(await apply(toPro)).toEqual({ duplicate: true });
    expect((await userRow(userId)).tier).toBe("free");
  });

  it("5 concurrent copies in one process: one effect", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const event = subscriptionEvent("created", { price: "price_max", created: 100 });
    const results = await Promise.all(Array.from({ length: 5 }, async () => apply(event)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await changes(userId)).toHaveLength(1);
  });

  it("the same event through two connections to the same database: one effect", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const second = await database.connect();
    closers.push(second.close);
    const event = subscriptionEvent("created", { price: "price_pro", created: 100 });
    const results = [await apply(event, db), await apply(event, second.db), await apply(event, second.db)];
    expect(results.map((r) => r.duplicate)).toEqual([false, true, true]);
    expect(await changes(userId)).toHaveLength(1);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toHaveLength(1);
  });

  it("5 copies released at once in 5 processes, each with its own connection: one effect", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const event = subscriptionEvent("created", { price: "price_pro", created: 100 });
    const results = await runInProcesses(5, event);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(results.filter((r) => r.duplicate)).toHaveLength(4);
    expect(await changes(userId)).toHaveLength(1);
    expect((await userRow(userId)).tier).toBe("pro");
  }, 60_000);

  it("out of order: a newer upgrade arriving before the older creation ends at the newer tier", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    expect(await apply(subscriptionEvent("updated", { price: "price_max", created: 200 }))).toMatchObject({
      tier: "max",
    });
    expect(await apply(subscriptionEvent("created", { price: "price_pro", created: 100 }))).toMatchObject({
      outcome: "stale",
      tierChanged: false,
    });
    expect((await userRow(userId)).tier).toBe("max");
    expect(
      await db
        .select()
        .from(stripeSubscriptions)
        .then((rows) => rows[0]),
    ).toMatchObject({ tier: "max", eventCreated: 200 });
  });

  it("a cancellation followed by a late active update ends free", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    await apply(subscriptionEvent("created", { price: "price_pro", created: 100 }));
    expect(
      await apply(subscriptionEvent("deleted", { price: "price_pro", status: "canceled", created: 300 })),
    ).toMatchObject({ tier: "free" });
    expect(await apply(subscriptionEvent("updated", { price: "price_pro", created: 200 }))).toMatchObject({
      outcome: "stale",
    });
    expect((await userRow(userId)).tier).toBe("free");
  });

  it("at the same second, the end of a subscription wins over an active state, in either order", async () => {
    const a = await addUser();
    await apply(checkoutCompleted(a, 50, "cus_1"));
    await apply(
      subscriptionEvent("deleted", {
        price: "price_pro",
        status: "canceled",
        created: 100,
        customer: "cus_1",
      }),
    );
    await apply(subscriptionEvent("updated", { price: "price_pro", created: 100, customer: "cus_1" }));
    expect((await userRow(a)).tier).toBe("free");

    const b = await addUser();
    await apply(checkoutCompleted(b, 50, "cus_2"));
    await apply(subscriptionEvent("updated", { price: "price_pro", created: 100, customer: "cus_2" }));
    await apply(
      subscriptionEvent("deleted", {
        price: "price_pro",
        status: "canceled",
        created: 100,
        customer: "cus_2",
      }),
    );
    expect((await userRow(b)).tier).toBe("free");
  });

  it("at the same second, an active state wins over the incomplete one it follows", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    await apply(subscriptionEvent("updated", { price: "price_pro", created: 100 }));
    await apply(subscriptionEvent("created", { price: "price_pro", status: "incomplete", created: 100 }));
    expect((await userRow(userId)).tier).toBe("pro");
  });

  it("statuses: trialing and past_due keep the paid tier; unpaid, incomplete, paused give free", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const expectations: [string, string][] = [
      ["trialing", "max"],
      ["past_due", "max"],
      ["unpaid", "free"],
      ["active", "max"],
      ["paused", "free"],
    ];
    for (const [i, [status, tier]] of expectations.entries()) {
      await apply(subscriptionEvent("updated", { price: "price_max", status, created: 100 + i }));
      expect((await userRow(userId)).tier, status).toBe(tier);
    }
  });

  it("a price that is not configured grants nothing", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    expect(await apply(subscriptionEvent("created", { price: "price_other", created: 100 }))).toMatchObject({
      tier: "free",
    });
  });

  it("a subscription event before the checkout link is stored, then applied when the checkout links", async () => {
    const userId = await addUser();
    expect(await apply(subscriptionEvent("created", { price: "price_max", created: 100 }))).toMatchObject({
      outcome: "pending",
    });
    expect((await userRow(userId)).tier).toBe("free");
    const checkout = checkoutCompleted(userId, 90);
    expect(await apply(checkout)).toMatchObject({
      outcome: "linked",
      userId,
      tier: "max",
      tierChanged: true,
    });
    expect(await changes(userId)).toMatchObject([
      { toTier: "max", source: "stripe", reference: checkout.id },
    ]);
  });

  it("a subscription carrying our userId metadata finds (and links) its user without the checkout event", async () => {
    const userId = await addUser();
    expect(
      await apply(subscriptionEvent("created", { price: "price_pro", created: 100, userId })),
    ).toMatchObject({
      outcome: "applied",
      tier: "pro",
    });
    expect((await userRow(userId)).stripeCustomerId).toBe(CUSTOMER);
    await apply(subscriptionEvent("deleted", { price: "price_pro", status: "canceled", created: 200 }));
    expect((await userRow(userId)).tier).toBe("free");
  });

  it("a Stripe cancellation does not lower a tier granted by a code or an operator", async () => {
    for (const source of ["code", "operator"] as const) {
      const userId = await addUser({ stripeCustomerId: `cus_${source}` });
      await setUserTier({ db, userId, tier: "max", source, reference: "grant" });
      await apply(
        subscriptionEvent("created", { price: "price_pro", created: 100, customer: `cus_${source}` }),
      );
      expect(await userRow(userId)).toMatchObject({ tier: "max", tierSource: source });
      await apply(
        subscriptionEvent("deleted", {
          price: "price_pro",
          status: "canceled",
          created: 200,
          customer: `cus_${source}`,
        }),
      );
      expect(await userRow(userId)).toMatchObject({ tier: "max", tierSource: source });
      expect(await changes(userId)).toHaveLength(1);
    }
  });

  it("a Stripe subscription may raise a code-granted tier", async () => {
    const userId = await addUser({ stripeCustomerId: CUSTOMER });
    await setUserTier({ db, userId, tier: "pro", source: "code" });
    await apply(subscriptionEvent("created", { price: "price_max", created: 100 }));
    expect(await userRow(userId)).toMatchObject({ tier: "max", tierSource: "stripe" });
  });

  it("the old subscription ending after a switch to a new one leaves the new one's tier", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    await apply(subscriptionEvent("created", { price: "price_pro", created: 100, sub: "sub_old" }));
    await apply(subscriptionEvent("created", { price: "price_max", created: 200, sub: "sub_new" }));
    await apply(
      subscriptionEvent("deleted", { price: "price_pro", status: "canceled", created: 300, sub: "sub_old" }),
    );
    expect((await userRow(userId)).tier).toBe("max");
  });

  it("a checkout does not take a customer already linked to someone else", async () => {
    const owner = await addUser({ stripeCustomerId: CUSTOMER });
    const other = await addUser();
    expect(await apply(checkoutCompleted(other))).toMatchObject({ outcome: "conflict" });
    expect((await userRow(other)).stripeCustomerId).toBeNull();
    expect((await userRow(owner)).stripeCustomerId).toBe(CUSTOMER);
  });

  it("an unknown event type is recorded with no effect; so is a checkout naming no known user", async () => {
    const userId = await addUser();
    const unknown = rawEvent("invoice.paid", { id: "in_1" }, 100);
    expect(await apply(unknown)).toEqual({
      duplicate: false,
      outcome: "ignored",
      userId: null,
      tier: null,
      tierChanged: false,
    });
    expect(await apply(unknown)).toEqual({ duplicate: true });
    expect(await apply(checkoutCompleted("user_missing"))).toMatchObject({ outcome: "ignored" });
    expect(await db.select().from(stripeEvents)).toHaveLength(2);
    expect((await userRow(userId)).tier).toBe("free");
  });

  it("a failure inside the transaction leaves the event unrecorded, so Stripe's retry is applied", async () => {
    const userId = await addUser();
    await apply(checkoutCompleted(userId));
    const event = stripeEventSchema.parse(subscriptionEvent("created", { price: "price_pro", created: 100 }));
    const broken = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== "transaction") return Reflect.get(target, key, receiver);
        return (fn: Parameters<Db["transaction"]>[0], config: Parameters<Db["transaction"]>[1]) =>
          target.transaction(async (tx) => {
            await fn(tx);
            throw new Error("disk full");
          }, config);
      },
    });
    await expect((async () => await applyStripeEvent({ db: broken, event, prices }))()).rejects.toThrow(
      "disk full",
    );
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toHaveLength(0);
    expect((await userRow(userId)).tier).toBe("free");
    expect(await applyStripeEvent({ db, event, prices })).toMatchObject({ duplicate: false, tier: "pro" });
  });
});

/** Starts `count` processes on the same database, waits until all are ready, then releases them together. */
async function runInProcesses(count: number, event: unknown): Promise<StripeEventResult[]> {
  const worker = path.resolve(import.meta.dirname, "../../testing/stripe-event-worker.ts");
  const children = Array.from({ length: count }, () =>
    spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", worker, JSON.stringify(event), JSON.stringify(prices)],
      {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: { ...process.env, ...database.env },
        stdio: ["pipe", "pipe", "inherit"],
      },
    ),
  );
  const lines = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
  const next = async (i: number) => {
    const line = await lines[i]!.next();
    if (line.done) throw new Error(`worker ${i} exited early`);
    return line.value;
  };
  await Promise.all(children.map(async (_, i) => expect(await next(i)).toBe("ready")));
  for (const child of children) child.stdin.write("go\n");
  const outputs = await Promise.all(children.map((_, i) => next(i)));
  return outputs.map((line) => JSON.parse(line) as StripeEventResult);
}
