import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { openTestDatabase, type TestDatabase } from "@/testing/database";
import { consumeWindow, releaseWindow, waitPhrase } from "./window";

let database: TestDatabase;
let db: Db;
beforeEach(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterEach(async () => {
  await database.close();
});

const window = { max: 3, windowMs: 60 * 60_000 };

describe("consumeWindow", () => {
  it("allows max events in the window, then refuses until the oldest leaves it", async () => {
    const t0 = new Date("2026-12-02T10:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    expect((await consumeWindow({ db, key: "k", window, now: at(0) })).limited).toBe(false);
    expect((await consumeWindow({ db, key: "k", window, now: at(10) })).limited).toBe(false);
    expect((await consumeWindow({ db, key: "k", window, now: at(20) })).limited).toBe(false);
    expect(await consumeWindow({ db, key: "k", window, now: at(30) })).toEqual({
      limited: true,
      retryAfterSeconds: 30 * 60,
    });
    // A refused attempt is not counted: the window frees when the first event leaves it.
    expect((await consumeWindow({ db, key: "k", window, now: at(61) })).limited).toBe(false);
    expect((await consumeWindow({ db, key: "other", window, now: at(30) })).limited).toBe(false);
  });

  it("releaseWindow gives back the newest event", async () => {
    for (let i = 0; i < 3; i++) await consumeWindow({ db, key: "k", window });
    expect((await consumeWindow({ db, key: "k", window })).limited).toBe(true);
    await releaseWindow({ db, key: "k" });
    expect((await consumeWindow({ db, key: "k", window })).limited).toBe(false);
  });

  it("says how long to wait in words", () => {
    expect(waitPhrase(30)).toBe("in 1 minute");
    expect(waitPhrase(600)).toBe("in 10 minutes");
    expect(waitPhrase(3600)).toBe("in 1 hour");
    expect(waitPhrase(5 * 3600)).toBe("in 5 hours");
  });
});
