import { LRUCache } from "lru-cache";

/**
 * The one kind of in-process cache: least-recently-used, with a bound every caller states (entries,
 * or bytes through `sizeOf`) and a reason beside it. Old entries make room one by one; nothing
 * clears itself wholesale. Per-entry lifetimes: `set(key, value, { ttl })`.
 */
export function lruCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  bound: { max: number } | { maxBytes: number; sizeOf: (value: V, key: K) => number },
): LRUCache<K, V> {
  if ("max" in bound) return new LRUCache<K, V>({ max: bound.max });
  return new LRUCache<K, V>({
    maxSize: bound.maxBytes,
    sizeCalculation: (v, k) => Math.max(1, bound.sizeOf(v, k)),
  });
}
