import { createHash, randomInt } from "node:crypto";

// Crockford's base32: no I, L, O or U, so codes survive being read aloud or retyped.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 4;
const GROUP_LENGTH = 4;

/** A new code like PM-7K3Q-X9D2-M4TB-Q8ZA (80 random bits). */
export function generateCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return `PM-${groups.join("-")}`;
}

/** What a person typed, reduced to the code itself: case, spaces and dashes don't matter; O→0, I/L→1. */
export function canonicalCode(input: string): string {
  const c = input
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  // The "PM" prefix is optional when typing; only a full-length code carries it.
  return c.length === GROUPS * GROUP_LENGTH + 2 && c.startsWith("PM") ? c.slice(2) : c;
}

export function hashCode(input: string): string {
  return createHash("sha256").update(canonicalCode(input)).digest("hex");
}

export function codeHint(code: string): string {
  return `PM-${canonicalCode(code).slice(0, 4)}…`;
}
