/** Moved to lib/auth/actor.ts (who is asking is auth's question); kept for branches in flight. */
export * from "@/lib/auth/actor";
