import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listPersonas } from "@/app/api/personas/route";
import { GET as getPersona } from "@/app/api/personas/[id]/route";
import { DELETE, PUT } from "@/app/api/personas/[id]/favorite/route";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { signInJar } from "@/testing/community-session";
import { forgetStats } from "./stats-cache";
import { jar } from "@/testing/next-headers";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

const SITE = "http://localhost:3000";
const A = "backend-developer";
const B = "threat-modeler";

let h: ChatHarness;
beforeAll(async () => {
  h = await startChatHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  jar.clear();
  forgetStats();
});

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const star = (id: string, method: "PUT" | "DELETE", origin = SITE) =>
  (method === "PUT" ? PUT : DELETE)(
    new NextRequest(`${SITE}/api/personas/${id}/favorite`, {
      method,
      headers: { origin, host: "localhost:3000" },
    }),
    ctx(id),
  );
const list = (qs: string) => listPersonas(new NextRequest(`${SITE}/api/personas?${qs}`));

describe("favourites belong to their owner", () => {
  it("a visitor cannot star (401) and the count does not move", async () => {
    const response = await star(A, "PUT");
    expect(response.status).toBe(401);
    const body = (await (await getPersona(new NextRequest(`${SITE}/api/personas/${A}`), ctx(A))).json()) as {
      stats: { favorites: number };
    };
    expect(body.stats.favorites).toBe(0);
  });

  it("stars are per user, idempotent, and one user's unstar leaves another's star", async () => {
    const alice = await h.user();
    const bob = await h.user();
    await signInJar(jar, h.db, alice.userId);
    expect(await (await star(A, "PUT")).json()).toEqual({ personaId: A, favorited: true, favorites: 1 });
    expect(await (await star(A, "PUT")).json()).toEqual({ personaId: A, favorited: true, favorites: 1 });
    await signInJar(jar, h.db, bob.userId);
    expect(await (await star(A, "PUT")).json()).toMatchObject({ favorites: 2 });
    expect(await (await star(B, "PUT")).json()).toMatchObject({ favorites: 1 });
    expect(await (await star(A, "DELETE")).json()).toEqual({ personaId: A, favorited: false, favorites: 1 });

    // Alice's favourites filter shows only hers.
    await signInJar(jar, h.db, alice.userId);
    const mine = (await (await list("favorites=1")).json()) as {
      items: { id: string; stats: { favorites: number } }[];
    };
    expect(mine.items.map((p) => p.id)).toEqual([A]);
    expect(mine.items[0]!.stats.favorites).toBe(1);
    await signInJar(jar, h.db, bob.userId);
    const his = (await (await list("favorites=1")).json()) as { items: { id: string }[] };
    expect(his.items.map((p) => p.id)).toEqual([B]);
  });

  it("the favourites filter needs a signed-in caller; a star from another site is refused", async () => {
    expect((await list("favorites=1")).status).toBe(401);
    await signInJar(jar, h.db, (await h.user()).userId);
    expect((await star(A, "PUT", "https://evil.example")).status).toBe(403);
    expect((await star("no-such-persona", "PUT")).status).toBe(404);
    expect((await star("../x", "PUT")).status).toBe(400);
  });
});
