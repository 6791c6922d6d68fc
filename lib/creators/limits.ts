/** The start of the current UTC day: daily creator limits count from here. */
export function startOfUtcDay(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export const today = (now = new Date()) => now.toISOString().slice(0, 10);
