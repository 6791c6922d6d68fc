import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { testEngine } from "@/testing/database";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
}, 30_000);
afterAll(async () => {
  await h?.close();
});

describe("GET /api/ready", () => {
  it("names the engine the database really runs on", async () => {
    const response = await GET(new Request("http://localhost:3000/api/ready"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; database: unknown };
    expect(body.status).toBe("ready");
    expect(body.database).toEqual({ ok: true, engine: testEngine, writable: true, migrated: true });
  });
});
