/** Moved to lib/auth/guest.ts; kept for branches in flight. */
export * from "@/lib/auth/guest";
