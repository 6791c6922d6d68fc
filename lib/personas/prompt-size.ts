/**
 * A persona prompt's size in tokens, estimated (about 4 characters a token for English text with
 * markdown, the usual rule of thumb for GPT and Claude tokenizers): what a buyer gets, and the
 * only thing shown of a locked body. Cached per body string.
 */
const cache = new Map<string, number>();

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
