import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, RateLimited } from "@/lib/errors";
import { log } from "@/lib/log";
import { route } from "./route";

const SITE = "http://app.test";
const request = (
  method: string,
  { body, origin = SITE, query = "" }: { body?: string; origin?: string; query?: string } = {},
) => new Request(`${SITE}/api/x${query}`, { method, body, headers: { host: "app.test", origin } });
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe("route", () => {
  const echo = route(
    {
      params: z.object({ id: z.string().regex(/^\d+$/, "must be a number") }),
      query: z.strictObject({ n: z.coerce.number().int().optional() }),
      body: z.object({ title: z.string().max(5) }),
      maxBytes: 64,
    },
    ({ params, query, body }) => Response.json({ id: params.id, n: query.n, title: body.title }),
  );

  it("runs the handler with params, query and body parsed", async () => {
    const response = await echo(
      request("POST", { body: '{"title":"hi"}', query: "?n=2" }),
      context({ id: "7" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "7", n: 2, title: "hi" });
  });

  it("refuses another site's POST before reading anything (403)", async () => {
    const handler = vi.fn(() => new Response("ran"));
    const guarded = route({}, handler);
    const response = await guarded(request("POST", { origin: "http://evil.test" }), context({}));
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
    // A GET is never refused for its origin, and crossSite skips the check.
    expect((await guarded(request("GET", { origin: "http://evil.test" }), context({}))).status).toBe(200);
    const open = route({ crossSite: true }, handler);
    expect((await open(request("POST", { origin: "http://evil.test" }), context({}))).status).toBe(200);
  });

  it("answers a bad param, query or body with a 400 naming the field", async () => {
    const badParam = await echo(request("POST", { body: '{"title":"hi"}' }), context({ id: "x" }));
    expect(badParam.status).toBe(400);
    expect((await errorOf(badParam)).message).toMatch(/id must be a number/);
    const badQuery = await echo(
      request("POST", { body: '{"title":"hi"}', query: "?m=1" }),
      context({ id: "1" }),
    );
    expect(badQuery.status).toBe(400);
    const badBody = await echo(request("POST", { body: '{"title":"too long"}' }), context({ id: "1" }));
    expect(badBody.status).toBe(400);
    expect((await errorOf(badBody)).message).toMatch(/title/);
    const notJson = await echo(request("POST", { body: "{" }), context({ id: "1" }));
    expect((await errorOf(notJson)).message).toMatch(/must be JSON/);
  });

  it("refuses a body over maxBytes with a 413", async () => {
    const response = await echo(
      request("POST", { body: JSON.stringify({ title: "x".repeat(100) }) }),
      context({ id: "1" }),
    );
    expect(response.status).toBe(413);
  });

  it("maps an AppError to its status, with Retry-After when it passes by itself", async () => {
    const limited = route({}, () => {
      throw new RateLimited("Slow down.", 42);
    });
    const response = await limited(request("GET"), context({}));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
    expect(await errorOf(response)).toMatchObject({ code: "rate_limited", message: "Slow down." });
    const missing = route({}, () => {
      throw new AppError("not_found", "Nothing here.");
    });
    const notFound = await missing(request("GET"), context({}));
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("retry-after")).toBeNull();
  });

  it("turns any other error into a bare 500, its cause logged and never sent", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    const broken = route({}, () => {
      throw new Error("secret detail");
    });
    const response = await broken(request("GET"), context({}));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/secret detail/);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it("hands an error to onError with the raw params when given", async () => {
    const custom = route(
      {
        onError: (_error, _request, params) =>
          new Response(`refused ${String(params.token)}`, { status: 303 }),
      },
      () => {
        throw new AppError("forbidden", "No.");
      },
    );
    const response = await custom(request("POST"), context({ token: "abc" }));
    expect(response.status).toBe(303);
    expect(await response.text()).toBe("refused abc");
  });
});
