import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { openPostgres } from "@/lib/db/postgres-driver";
import { databaseDown, noteDatabaseError, registerDatabaseProbe } from "@/lib/db/outage";
import { pingDatabase } from "@/lib/db/queries/health";
import { onPostgres, openTestDatabase, type TestDatabase } from "@/testing/database";
import { startTcpProxy, type TcpProxy } from "@/testing/tcp-proxy";
import { proxy } from "@/proxy";

const refused = () =>
  Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const ask = (path: string, method = "GET") =>
  proxy(new NextRequest(`http://127.0.0.1:3000${path}`, { method, headers: { accept: "text/html" } }));
const passesOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

/** Let the next databaseDown() probe again (it probes at most once a second). */
const nextSecond = () => vi.setSystemTime(Date.now() + 1_100);

afterEach(() => {
  vi.useRealTimers();
  registerDatabaseProbe(async () => {});
});

describe("pages while the database is down", () => {
  it("a page is the 503 page (Retry-After, no-store, no script) while the probe fails, then renders again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let up = false;
    registerDatabaseProbe(async () => {
      if (!up) throw refused();
    });
    expect(passesOn(await ask("/"))).toBe(true); // never seen down: no probe at all
    noteDatabaseError(refused());
    const page = await ask("/personas/backend-developer");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("5");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const html = await page.text();
    expect(html).toContain("Back in a moment");
    expect(html).not.toMatch(/<script|style=/);
    const head = await ask("/", "HEAD");
    expect(head.status).toBe(503);
    expect(await head.text()).toBe("");
    // Routes answer their own JSON 503s; files and posts are not pages.
    for (const [path, method] of [
      ["/api/personas", "GET"],
      ["/v1/models", "GET"],
      ["/visitor.js", "GET"],
      ["/", "POST"],
    ] as const)
      expect(passesOn(await ask(path, method)), `${method} ${path}`).toBe(true);
    up = true;
    nextSecond();
    expect(passesOn(await ask("/"))).toBe(true);
    // Back for good: no more probes until it is seen down again.
    up = false;
    nextSecond();
    expect(passesOn(await ask("/"))).toBe(true);
  });

  it("a probe that hangs counts as down after 2 s; one probe a second is shared by every request", async () => {
    let probes = 0;
    registerDatabaseProbe(() => {
      probes++;
      return new Promise(() => {});
    });
    noteDatabaseError(refused());
    const started = Date.now();
    const answers = await Promise.all([databaseDown(), databaseDown(), databaseDown()]);
    expect(answers).toEqual([true, true, true]);
    expect(probes).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
  });

  it("an error that is not an outage starts no watch", async () => {
    let probes = 0;
    registerDatabaseProbe(async () => {
      probes++;
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    nextSecond();
    noteDatabaseError(new Error("syntax error at or near SELEC"));
    nextSecond();
    vi.setSystemTime(Date.now() + 61_000);
    expect(passesOn(await ask("/"))).toBe(true);
    expect(probes).toBe(0);
  });
});

describe.runIf(onPostgres)("PostgreSQL stopped and started again", () => {
  let database: TestDatabase | undefined;
  let tcp: TcpProxy | undefined;
  let close: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await tcp?.close();
    await close?.();
    await database?.close();
  });

  it("pages are 503 while the server is away and render once it is back", async () => {
    database = await openTestDatabase();
    const url = new URL(database.env.DATABASE_URL!);
    tcp = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    url.hostname = "127.0.0.1";
    url.port = String(tcp.port);
    const app = await openPostgres(url.toString(), { max: 2 });
    close = async () => void (await app.pool.end().catch(() => {}));
    registerDatabaseProbe(() => pingDatabase({ db: app.db }));
    await tcp.down();
    await pingDatabase({ db: app.db }).catch(noteDatabaseError);
    expect((await ask("/")).status).toBe(503);
    await tcp.up();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(passesOn(await ask("/"))).toBe(true);
  }, 30_000);
});
