/** Moved to lib/personas/ranking.ts (the catalog's sort orders); kept for branches in flight. */
export * from "@/lib/personas/ranking";
