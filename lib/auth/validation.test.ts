import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import {
  changePasswordSchema,
  emailSchema,
  fieldErrors,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordSchema,
  redeemSchema,
  signInSchema,
  signUpSchema,
} from "./validation";

describe("passwordSchema", () => {
  it("needs at least 8 characters", () => {
    expect(PASSWORD_MIN).toBe(8);
    const short = passwordSchema.safeParse("1234567");
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe("Use at least 8 characters.");
    expect(passwordSchema.safeParse("12345678").success).toBe(true);
  });

  it("has no composition rules", () => {
    for (const password of [
      "aaaaaaaa",
      "12345678",
      "ALLUPPERCASE",
      "        ",
      "correct horse battery staple",
      "пароль-пароль",
    ]) {
      expect(passwordSchema.safeParse(password).success, password).toBe(true);
    }
  });

  it("welcomes long passphrases, up to a generous cap", () => {
    expect(passwordSchema.safeParse("x".repeat(200)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MAX)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MAX + 1)).success).toBe(false);
  });

  it("is not trimmed: spaces are part of the password", () => {
    expect(passwordSchema.parse("  spaced out  ")).toBe("  spaced out  ");
  });
});

describe("a 200-character password", () => {
  // Varied characters, so a hash of any prefix would not match the whole.
  const long = Array.from({ length: 200 }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789 !?"[i % 39]).join(
    "",
  );

  it("is hashed and verified whole: changing only its last character fails", async () => {
    expect(long).toHaveLength(200);
    const hash = await hashPassword(long);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    const lastChanged = long.slice(0, -1) + (long.endsWith("x") ? "y" : "x");
    expect(await verifyPassword(hash, lastChanged)).toBe(false);
    expect(await verifyPassword(hash, long.slice(0, 72))).toBe(false);
    expect(await verifyPassword(hash, long + "x")).toBe(false);
  });

  it("is accepted by sign-up and sign-in as it is", () => {
    expect(signUpSchema.parse({ email: "a@example.com", password: long }).password).toBe(long);
    expect(signInSchema.parse({ email: "a@example.com", password: long }).password).toBe(long);
  });
});

describe("verifyPassword", () => {
  it("is false, not an error, for a missing or malformed hash", async () => {
    expect(await verifyPassword(null, "whatever1")).toBe(false);
    expect(await verifyPassword(undefined, "whatever1")).toBe(false);
    expect(await verifyPassword("not-a-hash", "whatever1")).toBe(false);
  });
});

describe("emailSchema", () => {
  it("trims and lower-cases, so one address is one account", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
    expect(signUpSchema.parse({ email: "BOB@EXAMPLE.COM", password: "12345678" }).email).toBe(
      "bob@example.com",
    );
    expect(signInSchema.parse({ email: " Bob@Example.com", password: "x" }).email).toBe("bob@example.com");
  });

  it("refuses what is not an email address, with a message saying so", () => {
    for (const bad of ["", "bob", "bob@", "@example.com", "bob example.com", 42, undefined]) {
      const result = emailSchema.safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
    }
    expect(emailSchema.safeParse("bob").error?.issues[0]?.message).toBe(
      "Enter a valid email address, like you@example.com.",
    );
  });

  it("refuses addresses longer than 254 characters", () => {
    const long = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`;
    expect(long.length).toBeGreaterThan(254);
    expect(emailSchema.safeParse(long).success).toBe(false);
  });
});

describe("other forms", () => {
  it("sign-in needs a password but does not apply the sign-up length rule", () => {
    expect(signInSchema.safeParse({ email: "a@example.com", password: "" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@example.com", password: "short" }).success).toBe(true);
  });

  it("a new password must differ from the current one and follow the password rule", () => {
    const same = changePasswordSchema.safeParse({
      currentPassword: "same-password",
      newPassword: "same-password",
    });
    expect(same.success).toBe(false);
    expect(fieldErrors(same.error!)).toEqual({
      newPassword: "Choose a password different from the current one.",
    });
    const short = changePasswordSchema.safeParse({ currentPassword: "old-password", newPassword: "short" });
    expect(fieldErrors(short.error!)).toEqual({ newPassword: "Use at least 8 characters." });
    expect(
      changePasswordSchema.safeParse({ currentPassword: "old-password", newPassword: "new-password" })
        .success,
    ).toBe(true);
  });

  it("a redeem code is trimmed and upper-cased, and an empty one is refused", () => {
    expect(redeemSchema.parse({ code: "  pm-abcd " }).code).toBe("PM-ABCD");
    expect(fieldErrors(redeemSchema.safeParse({ code: "   " }).error!)).toEqual({ code: "Enter a code." });
  });

  it("fieldErrors keeps the first message per field", () => {
    const result = signUpSchema.safeParse({ email: "nope", password: "short" });
    expect(fieldErrors(result.error!)).toEqual({
      email: "Enter a valid email address, like you@example.com.",
      password: "Use at least 8 characters.",
    });
  });
});

describe("the sign-up name", () => {
  const withName = (name: string) =>
    signUpSchema.safeParse({ email: "a@example.com", password: "correct horse", name });

  it("is trimmed and kept", () => {
    expect(withName("  Ada Lovelace ").data?.name).toBe("Ada Lovelace");
  });

  it("refuses control characters, a NUL among them (PostgreSQL cannot store one)", () => {
    for (const name of ["Ada\u0000", "A\nB", "tab\there", "del\u007f"])
      expect(withName(name).success).toBe(false);
  });
});
