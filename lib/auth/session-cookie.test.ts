import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./session-cookie";

const globalForSecret = globalThis as unknown as { personaAuthSecret?: string };
const SECRET = "s".repeat(48);

async function cookie(maxAge: number, secret = SECRET) {
  return await encode({ token: { uid: "user-1", sid: "session-1" }, secret, maxAge });
}

describe("decodeSessionToken", () => {
  afterEach(() => {
    vi.useRealTimers();
    delete globalForSecret.personaAuthSecret;
  });

  it("reads a cookie again without decrypting it, and stops at the token's expiry", async () => {
    globalForSecret.personaAuthSecret = SECRET;
    const value = await cookie(60);
    const first = await decodeSessionToken(value);
    expect(first).toMatchObject({ uid: "user-1", sid: "session-1" });
    expect(await decodeSessionToken(value)).toBe(first);

    // next-auth allows 15 s of clock skew past `exp`.
    vi.useFakeTimers({ now: Date.now() + 80_000 });
    expect(await decodeSessionToken(value)).toBeNull();
  });

  it("does not keep a token across a change of secret, nor anything it cannot read", async () => {
    globalForSecret.personaAuthSecret = SECRET;
    const value = await cookie(600);
    expect(await decodeSessionToken(value)).not.toBeNull();
    globalForSecret.personaAuthSecret = "t".repeat(48);
    expect(await decodeSessionToken(value)).toBeNull();
    expect(await decodeSessionToken("not-a-token")).toBeNull();
    expect(await decodeSessionToken(undefined)).toBeNull();
    const other = await cookie(600, "t".repeat(48));
    expect(await decodeSessionToken(other)).toMatchObject({ uid: "user-1" });
  });
});
