/** Moved to lib/personas/prompt-size.ts; kept for branches in flight. */
export * from "@/lib/personas/prompt-size";
