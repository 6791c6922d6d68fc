import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/personas/[id]/export/route";
import { sessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { readSource } from "@/lib/formats/detect";
import { readPngChunks, textChunks } from "@/lib/formats/png";
import { createSession } from "@/lib/db/queries/sessions";
import { getUserById } from "@/lib/db/queries/users";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import type { Tier } from "@/lib/tiers";
import { jar } from "@/testing/next-headers";

// getViewer reads the session cookie through next/headers, which needs Next's request scope: a
// plain jar stands in for the browser's cookies; the session itself is a real row in a real database.
vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const FREE = "backend-developer";
const PRO = "threat-modeler";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => jar.clear());

async function signIn(tier: Tier) {
  const { userId } = await h.user(tier);
  const user = (await getUserById({ db: h.db, id: userId }))!;
  const session = await createSession({
    db: h.db,
    userId,
    version: user.sessionVersion,
    maxAgeMs: 3_600_000,
  });
  const cookie = await sessionCookie({
    name: null,
    email: user.email,
    sub: userId,
    uid: userId,
    sid: session.id,
  });
  jar.set(sessionCookieName(), cookie.value);
}

const get = (id: string, query: string) =>
  GET(new NextRequest(`http://localhost:3000/api/personas/${id}/export${query}`), {
    params: Promise.resolve({ id }),
  });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("content-disposition")).toBeNull();
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body.error;
}

describe("GET /api/personas/:id/export", () => {
  it("a visitor downloads a free persona in each format, as an attachment with a safe name", async () => {
    const expected = {
      "claude-code": ["text/markdown; charset=utf-8", `${FREE}.md`, "claude-code"],
      "card-v3": ["application/json", `${FREE}.card.json`, "card-v3"],
      "card-v3-png": ["image/png", `${FREE}.card.png`, "card-png"],
      lobehub: ["application/json", `${FREE}.lobehub.json`, "lobehub"],
    } as const;
    const persona = h.catalog.byId.get(FREE)!;
    for (const [format, [type, filename, readAs]] of Object.entries(expected)) {
      const response = await get(FREE, `?format=${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"`);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const read = readSource(new Uint8Array(await response.arrayBuffer()));
      if (!read.ok) throw new Error(read.reason);
      expect(read.draft.format).toBe(readAs);
      expect(read.draft.body).toBe(persona.body);
    }
  });

  it("the PNG carries both card chunks", async () => {
    const response = await get(FREE, "?format=card-v3-png");
    const chunks = textChunks(readPngChunks(new Uint8Array(await response.arrayBuffer())));
    expect([...chunks.keys()].sort()).toEqual(["ccv3", "chara"]);
  });

  it("a paid persona is a 403 for a visitor and for a lower tier, and the prompt is not in the answer", async () => {
    const secret = h.catalog.byId
      .get(PRO)!
      .body.split("\n")
      .filter((l) => l.length > 40)
      .at(-1)!;
    for (const who of ["visitor", "free"] as const) {
      jar.clear();
      if (who === "free") await signIn("free");
      for (const format of ["claude-code", "card-v3", "card-v3-png", "lobehub"]) {
        const response = await get(PRO, `?format=${format}`);
        const text = await response.clone().text();
        expect(text).not.toContain(secret);
        const error = await expectError(response, 403, "forbidden");
        expect(error.message).toMatch(/Pro plan/);
      }
    }
  });

  it("a viewer whose tier unlocks it downloads the whole prompt", async () => {
    await signIn("pro");
    const response = await get(PRO, "?format=claude-code");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(h.catalog.byId.get(PRO)!.body);
    expect(text).toMatch(/^---\nname: threat-modeler\n/);
    await signIn("max");
    expect((await get(PRO, "?format=lobehub")).status).toBe(200);
  });

  it("an unknown or missing format is a 400 naming the field", async () => {
    for (const query of ["?format=pdf", "", "?format=claude-code&format=lobehub"]) {
      const error = await expectError(await get(FREE, query), 400, "bad_request");
      expect(error.message).toMatch(/format/);
    }
  });

  it("an unknown persona is a 404, a bad id a 400", async () => {
    await expectError(await get("no-such-persona", "?format=card-v3"), 404, "not_found");
    await expectError(await get("../etc", "?format=card-v3"), 400, "bad_request");
  });
});
