import { lruCache } from "@/lib/cache/lru";

/**
 * A persona prompt's size in tokens, estimated (about 4 characters a token for English text with
 * markdown, the usual rule of thumb for GPT and Claude tokenizers): what a buyer gets, and the
 * only thing shown of a locked body. Cached per body string, for every persona of a large catalog
 * (each version's body is its own key).
 */
const cache = lruCache<string, number>({ max: 5000 });

export function estimatePromptTokens(body: string): number {
  let n = cache.get(body);
  if (n === undefined) {
    n = Math.max(1, Math.ceil(body.trim().length / 4));
    cache.set(body, n);
  }
  return n;
}

export function tokensLabel(n: number): string {
  return n >= 1000 ? `~${(Math.round(n / 100) / 10).toString()}k tokens` : `~${n} tokens`;
}
