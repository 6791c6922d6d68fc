import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { log } from "@/lib/log";
import { createCheckoutSession } from "./checkout";

// A loopback stand-in for api.stripe.com: it records what the SDK sends and answers in Stripe's wire
// format (form-encoded request, JSON object or JSON error), so the real SDK code path runs offline.
type Seen = { method: string; path: string; auth: string | undefined; form: URLSearchParams };
let seen: Seen[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let server: http.Server;
let port: number;

const saved = { ...process.env };
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      seen.push({
        method: req.method!,
        path: req.url!,
        auth: req.headers.authorization,
        form: new URLSearchParams(body),
      });
      res.writeHead(answer.status, { "content-type": "application/json", "request-id": "req_test" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  vi.spyOn(log, "error").mockImplementation(() => log);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server.close(resolve));
  process.env = saved;
  resetEnvCache();
});
beforeEach(() => {
  seen = [];
  Object.assign(process.env, {
    SITE_URL: "https://personas.example.com",
    STRIPE_SECRET_KEY: "sk_test_checkout",
    STRIPE_WEBHOOK_SECRET: "whsec_checkout",
    STRIPE_PRICE_PRO: "price_pro_1",
    STRIPE_PRICE_MAX: "price_max_1",
  });
  resetEnvCache();
});

const client = (to = port) =>
  new Stripe("sk_test_checkout", { host: "127.0.0.1", port: to, protocol: "http", maxNetworkRetries: 0 });
const session = {
  id: "cs_test_1",
  object: "checkout.session",
  url: "https://checkout.stripe.com/c/pay/cs_test_1",
};

describe("createCheckoutSession through Stripe's SDK", () => {
  it("creates a subscription session for the tier's price and returns its URL", async () => {
    answer = { status: 200, body: session };
    const url = await createCheckoutSession({
      tier: "pro",
      userId: "user_1",
      email: "ada@example.com",
      customerId: null,
      stripe: client(),
    });
    expect(url).toBe(session.url);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      auth: "Bearer sk_test_checkout",
    });
    expect(Object.fromEntries(request!.form)).toEqual({
      mode: "subscription",
      "line_items[0][price]": "price_pro_1",
      "line_items[0][quantity]": "1",
      success_url: "https://personas.example.com/account?upgraded=1",
      cancel_url: "https://personas.example.com/pricing",
      client_reference_id: "user_1",
      "subscription_data[metadata][userId]": "user_1",
      "metadata[userId]": "user_1",
      customer_email: "ada@example.com",
    });
  });

  it("names the existing customer instead of the email when there is one", async () => {
    answer = { status: 200, body: session };
    await createCheckoutSession({
      tier: "max",
      userId: "u",
      email: "a@example.com",
      customerId: "cus_9",
      stripe: client(),
    });
    const form = Object.fromEntries(seen[0]!.form);
    expect(form).toMatchObject({ customer: "cus_9", "line_items[0][price]": "price_max_1" });
    expect(form).not.toHaveProperty("customer_email");
  });

  it("a refusal from Stripe becomes a safe message, not Stripe's", async () => {
    answer = {
      status: 400,
      body: { error: { type: "invalid_request_error", message: "No such price: 'price_pro_1'" } },
    };
    const started = createCheckoutSession({
      tier: "pro",
      userId: "u",
      email: "a@example.com",
      customerId: null,
      stripe: client(),
    });
    await expect(started).rejects.toMatchObject({
      code: "internal",
      message: "The payment provider refused to start checkout. Please try again later.",
    });
  });

  it("an unreachable Stripe says so", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const started = createCheckoutSession({
      tier: "pro",
      userId: "u",
      email: "a@example.com",
      customerId: null,
      stripe: client(deadPort),
    });
    await expect(started).rejects.toMatchObject({ message: expect.stringMatching(/could not reach/) });
  });

  it("without Stripe settings there is no call at all", async () => {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvCache();
    const started = createCheckoutSession({
      tier: "pro",
      userId: "u",
      email: "a@example.com",
      customerId: null,
      stripe: client(),
    });
    await expect(started).rejects.toMatchObject({ code: "bad_request" });
    expect(seen).toHaveLength(0);
  });
});
