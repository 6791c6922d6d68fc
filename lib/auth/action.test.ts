import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { createSession } from "@/lib/db/queries/sessions";
import { createUser } from "@/lib/db/queries/users";
import { sessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { statusOfThrown } from "@/testing/request-scope";
import { action, type ActionState } from "./action";
import { resetScope } from "@/testing/next-headers";

vi.mock("next/headers", async () => (await import("@/testing/next-headers")).nextHeadersMock);

let h: ChatHarness;
let signedIn: Record<string, string>;

beforeAll(async () => {
  h = await startChatHarness();
  const user = (await createUser({ db: h.db, email: "action@example.com", passwordHash: null }))!;
  const session = await createSession({ db: h.db, userId: user.id, version: 0, maxAgeMs: 3_600_000 });
  const cookie = await sessionCookie({
    uid: user.id,
    sid: session.id,
    sub: user.id,
    name: null,
    email: null,
  });
  signedIn = { [sessionCookieName()]: cookie.value };
});
afterAll(async () => await h?.close());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

describe("action", () => {
  const body = vi.fn(async ({ input }: { input: { n: number } }): Promise<ActionState> => ({
    ok: true,
    message: `n=${input.n}`,
  }));
  const act = action(
    { viewer: { signedOut: "Sign in again." }, schema: z.object({ n: z.coerce.number().int() }) },
    body,
  );

  it("answers a signed-out caller with the message, before parsing or running", async () => {
    resetScope({ cookies: {} });
    expect(await act({}, form({ n: "1" }))).toEqual({ ok: false, message: "Sign in again." });
    expect(body).not.toHaveBeenCalled();
  });

  it("answers bad fields per field, then runs with the parsed input", async () => {
    resetScope({ cookies: signedIn });
    expect(await act({}, form({ n: "x" }))).toMatchObject({ ok: false, fields: { n: expect.any(String) } });
    expect(body).not.toHaveBeenCalled();
    expect(await act({}, form({ n: "3" }))).toEqual({ ok: true, message: "n=3" });
  });

  it("turns an AppError into a state: its fields when it names them, else its message", async () => {
    resetScope({ cookies: signedIn });
    const failing = action({ viewer: "optional" }, async (): Promise<ActionState> => {
      throw new AppError("conflict", "Already done.");
    });
    expect(await failing({}, form({}))).toEqual({ ok: false, message: "Already done." });
    const fieldy = action({ viewer: "optional" }, async (): Promise<ActionState> => {
      throw new AppError("bad_request", "Wrong.", { code: "Wrong code." });
    });
    expect(await fieldy({}, form({}))).toEqual({ ok: false, fields: { code: "Wrong code." } });
  });

  it("rethrows other errors unless told what to say, and 404s a call without a form", async () => {
    resetScope({ cookies: {} });
    const broken = action({ viewer: "optional" }, async (): Promise<ActionState> => {
      throw new Error("boom");
    });
    await expect(broken({}, form({}))).rejects.toThrow("boom");
    const polite = action({ viewer: "optional", failed: "Try again." }, async (): Promise<ActionState> => {
      throw new Error("boom");
    });
    expect(await polite({}, form({}))).toEqual({ ok: false, message: "Try again." });
    const thrown = await act({}, "not a form" as unknown as FormData).catch((error: unknown) => error);
    expect(statusOfThrown(thrown)).toBe(404);
  });
});
