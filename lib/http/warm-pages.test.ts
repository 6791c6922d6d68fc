import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { warmPages, warmThenReady } from "./warm-pages";

type Seen = { path: string; cookie: string | undefined; at: number };

/** A real server on loopback: `/slow` never answers, `/broken` is a 500, anything else a 200. */
async function pageServer() {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? "", cookie: req.headers.cookie, at: Date.now() });
    if (req.url === "/slow") return;
    res.statusCode = req.url === "/broken" ? 500 : 200;
    res.end("<html></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { seen, port, origin: `http://127.0.0.1:${port}`, server };
}

const open: http.Server[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

describe("warmPages", () => {
  it("asks each page once, in order, with no cookies, and reports what each answered", async () => {
    const { seen, origin, server } = await pageServer();
    open.push(server);
    const pages = await warmPages({ origin, paths: ["/", "/broken", "/personas/a"] });
    expect(seen.map((s) => s.path)).toEqual(["/", "/broken", "/personas/a"]);
    expect(seen.every((s) => s.cookie === undefined)).toBe(true);
    expect(pages.map((p) => [p.path, p.status])).toEqual([
      ["/", 200],
      ["/broken", 500],
      ["/personas/a", 200],
    ]);
  });

  it("gives up on a page that does not answer in time and still asks the next", async () => {
    const { seen, origin, server } = await pageServer();
    open.push(server);
    const pages = await warmPages({ origin, paths: ["/slow", "/"], timeoutMs: 200 });
    expect(pages.map((p) => [p.path, p.status])).toEqual([
      ["/slow", null],
      ["/", 200],
    ]);
    expect(pages[0]!.ms).toBeGreaterThanOrEqual(150);
    expect(seen.map((s) => s.path)).toEqual(["/slow", "/"]);
  });

  it("reports a server that is not there instead of throwing", async () => {
    const { port, server } = await pageServer();
    await new Promise((resolve) => server.close(resolve));
    const pages = await warmPages({ origin: `http://127.0.0.1:${port}`, paths: ["/"] });
    expect(pages).toEqual([{ path: "/", status: null, ms: expect.any(Number) }]);
  });
});

describe("warmThenReady", () => {
  it("says ready only after every page has been asked and answered", async () => {
    const { seen, port, server } = await pageServer();
    open.push(server);
    const readyAt = await new Promise<number>((resolve) =>
      warmThenReady({ port, paths: ["/", "/personas/a"], ready: () => resolve(Date.now()) }),
    );
    expect(seen.map((s) => s.path)).toEqual(["/", "/personas/a"]);
    expect(readyAt).toBeGreaterThanOrEqual(seen[1]!.at);
  });

  it("does not ask anything before the caller has returned (Next serves only after the hook returns)", async () => {
    const { seen, port, server } = await pageServer();
    open.push(server);
    const done = new Promise<void>((resolve) => warmThenReady({ port, paths: ["/"], ready: resolve }));
    expect(seen).toHaveLength(0);
    await done;
    expect(seen).toHaveLength(1);
  });

  it("says ready at once when there is no port to ask", () => {
    let ready = false;
    warmThenReady({ port: undefined, paths: ["/"], ready: () => (ready = true) });
    expect(ready).toBe(true);
  });
});
