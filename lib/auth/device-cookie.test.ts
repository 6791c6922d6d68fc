import { beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import {
  DEVICE_COOKIE,
  deviceCookieValue,
  deviceFromHeaders,
  knownDevice,
  withDeviceCookie,
} from "./device-cookie";

const OWNER = "owner@example.com";

// A configured secret: on PostgreSQL the generated one is only loaded by the server's start.
beforeAll(() => {
  vi.stubEnv("NEXTAUTH_SECRET", "device-cookie-test-secret-".padEnd(48, "x"));
  resetEnvCache();
});

describe("the device cookie", () => {
  it("proves the browser for the email it was signed for, and no other", () => {
    const value = deviceCookieValue(undefined, OWNER);
    const device = knownDevice(value, OWNER);
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(knownDevice(value, "OWNER@example.com")).toBe(device);
    expect(knownDevice(value, "someone@example.com")).toBeNull();
  });

  it("a changed nonce or signature proves nothing", () => {
    const value = deviceCookieValue(undefined, OWNER);
    const [nonce, signature] = value.split(".") as [string, string];
    const flipped = signature.startsWith("A") ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(knownDevice(`${nonce}.${flipped}`, OWNER)).toBeNull();
    expect(
      knownDevice(`${nonce.startsWith("A") ? "B" : "A"}${nonce.slice(1)}.${signature}`, OWNER),
    ).toBeNull();
    for (const junk of ["", ".", "~~~", "x.y", `${nonce}`, `${nonce}.`, "%zz", "a".repeat(5000)])
      expect(knownDevice(junk, OWNER)).toBeNull();
  });

  it("keeps entries for a few accounts, renewing the one signed in and dropping the oldest", () => {
    let value = "";
    const emails = ["a@example.com", "b@example.com", "c@example.com", "d@example.com"];
    for (const email of emails) value = deviceCookieValue(value, email);
    for (const email of emails) expect(knownDevice(value, email)).not.toBeNull();
    const before = knownDevice(value, "b@example.com");
    value = deviceCookieValue(value, "b@example.com");
    expect(value.split("~")).toHaveLength(4);
    expect(knownDevice(value, "b@example.com")).not.toBe(before); // a new nonce on each sign-in
    value = deviceCookieValue(value, "e@example.com");
    expect(value.split("~")).toHaveLength(4);
    expect(knownDevice(value, "a@example.com")).toBeNull();
    expect(knownDevice(value, "e@example.com")).not.toBeNull();
  });

  it("is read from a request's Cookie header, malformed escapes included", () => {
    const value = deviceCookieValue(undefined, OWNER);
    const headers = new Headers({ cookie: `other=1; ${DEVICE_COOKIE}=${encodeURIComponent(value)}` });
    expect(deviceFromHeaders(headers, OWNER)).toBe(knownDevice(value, OWNER));
    expect(deviceFromHeaders(headers, undefined)).toBeNull();
    expect(deviceFromHeaders(new Headers({ cookie: `${DEVICE_COOKIE}=%E0%A4%A` }), OWNER)).toBeNull();
  });

  it("is renewed on next-auth's answer only when that answer signed the user in", () => {
    const request = new Request("http://127.0.0.1/api/auth/callback/credentials", { method: "POST" });
    const signedIn = new Response("{}", { headers: [["Set-Cookie", "next-auth.session-token=abc; Path=/"]] });
    const refused = new Response("{}", { headers: [["Set-Cookie", "next-auth.csrf-token=abc; Path=/"]] });
    const renewed = withDeviceCookie(signedIn, request, OWNER).headers.getSetCookie();
    expect(renewed).toHaveLength(2);
    const line = renewed.find((l) => l.startsWith(`${DEVICE_COOKIE}=`))!;
    expect(line).toMatch(/HttpOnly; SameSite=Lax/);
    const value = decodeURIComponent(line.slice(DEVICE_COOKIE.length + 1).split(";")[0]!);
    expect(knownDevice(value, OWNER)).not.toBeNull();
    expect(withDeviceCookie(refused, request, OWNER).headers.getSetCookie()).toHaveLength(1);
    expect(withDeviceCookie(signedIn, request, undefined).headers.getSetCookie()).toHaveLength(1);
  });
});
