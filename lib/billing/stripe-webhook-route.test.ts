import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/billing/webhook/route";
import { getDb, forgetDb, startDatabase } from "@/lib/db/client";
import { stripeEvents, users } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import Stripe from "stripe";
import { openTestDatabase, type TestDatabase } from "@/testing/database";

const SECRET = "whsec_route_test_secret";
const STRIPE_VARS = {
  STRIPE_SECRET_KEY: "sk_test_123",
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_PRICE_PRO: "price_pro",
  STRIPE_PRICE_MAX: "price_max",
};
const saved = { ...process.env };
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  // The route opens the process's database (getDb()): point it at the test's.
  Object.assign(process.env, database.env);
  resetEnvCache();
  await startDatabase();
});

beforeEach(() => {
  Object.assign(process.env, STRIPE_VARS);
  resetEnvCache();
});

afterAll(async () => {
  await forgetDb();
  process.env = saved;
  resetEnvCache();
  await database.close();
});

let seq = 0;
function event(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)) {
  return JSON.stringify({ id: `evt_route_${++seq}`, object: "event", type, created, data: { object } });
}

const sign = (payload: string, secret = SECRET, timestamp?: number) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp && { timestamp }) });

function post(body: string, signature: string | null = sign(body)) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  return POST(new Request("http://localhost/api/billing/webhook", { method: "POST", headers, body }));
}

async function addUser() {
  const id = `route_user_${++seq}`;
  await getDb()
    .insert(users)
    .values({ id, email: `${id}@example.com` });
  return id;
}

const tierOf = async (id: string) =>
  (
    await getDb()
      .select()
      .from(users)
      .where(eq(users.id, id))
      .then((rows) => rows[0])
  )?.tier;
const eventCount = async () => (await getDb().select().from(stripeEvents)).length;

function subscription(customer: string, price = "price_pro", status = "active") {
  return {
    id: `sub_${customer}`,
    object: "subscription",
    customer,
    status,
    metadata: {},
    items: { data: [{ price: { id: price } }] },
  };
}

describe("POST /api/billing/webhook", () => {
  it("is a 404 when Stripe is not configured", async () => {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvCache();
    const response = await post(event("invoice.paid", {}));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "Stripe is not configured" },
    });
  });

  it("applies signed events and acknowledges a replay as a duplicate", async () => {
    const userId = await addUser();
    const checkout = event("checkout.session.completed", {
      id: "cs_1",
      customer: "cus_route1",
      client_reference_id: userId,
    });
    expect(await (await post(checkout)).json()).toEqual({ received: true, duplicate: false });
    const sub = event("customer.subscription.created", subscription("cus_route1", "price_max"));
    const first = await post(sub);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    expect(await tierOf(userId)).toBe("max");
    const replay = await post(sub);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
  });

  it("acknowledges an event type it does not handle", async () => {
    const response = await post(event("invoice.paid", { id: "in_1" }));
    expect(await response.json()).toEqual({ received: true, duplicate: false });
  });

  describe("refuses, with a 400 and nothing written,", () => {
    let userId: string;
    let before: number;
    beforeEach(async () => {
      userId = await addUser();
      await post(
        event("checkout.session.completed", {
          id: "cs_2",
          customer: `cus_${userId}`,
          client_reference_id: userId,
        }),
      );
      before = await eventCount();
    });

    const cases: [string, (body: string) => Promise<Response>][] = [
      ["a tampered body", (body) => post(body.replace("price_pro", "price_max"), sign(body))],
      ["a wrong secret", (body) => post(body, sign(body, "whsec_wrong"))],
      ["a stale signature", (body) => post(body, sign(body, SECRET, Math.floor(Date.now() / 1000) - 301))],
      ["a future signature", (body) => post(body, sign(body, SECRET, Math.floor(Date.now() / 1000) + 301))],
      ["a missing signature", (body) => post(body, null)],
      ["a malformed signature", (body) => post(body, "t=now,v1=zzz")],
    ];
    for (const [name, send] of cases) {
      it(name, async () => {
        const response = await send(event("customer.subscription.created", subscription(`cus_${userId}`)));
        expect(response.status).toBe(400);
        expect((await response.json()).error.code).toBe("bad_request");
        expect(await eventCount()).toBe(before);
        expect(await tierOf(userId)).toBe("free");
      });
    }

    it("a signed body that is not JSON", async () => {
      const response = await post("{not json");
      expect(response.status).toBe(400);
      expect(await eventCount()).toBe(before);
    });

    it("a signed event that fails the schema", async () => {
      const bad = JSON.stringify({
        id: "evt_bad",
        type: "customer.subscription.updated",
        created: 1,
        data: { object: { id: "sub_1" } },
      });
      const response = await post(bad);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("bad_request");
      expect(body.error.fields).toHaveProperty("data.object.customer");
      expect(await eventCount()).toBe(before);
    });
  });

  it("refuses a body over 1 MB with a 413", async () => {
    const huge = event("invoice.paid", { id: "in_big", padding: "x".repeat(1024 * 1024) });
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it("refuses a streamed body over 1 MB with no Content-Length", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(120);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request("http://localhost/api/billing/webhook", {
      method: "POST",
      headers: { "stripe-signature": "t=1,v1=00" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await POST(request)).status).toBe(413);
    expect(sent).toBeLessThan(8);
  });
});
