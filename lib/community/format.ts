/** 950 → "950", 1234 → "1.2k", 12_345 → "12k", 1_250_000 → "1.3M". */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${trim(n / 1000)}k`;
  return `${trim(n / 1_000_000)}M`;
}

function trim(x: number): string {
  return x < 10 ? (Math.round(x * 10) / 10).toString() : String(Math.round(x));
}

export function peopleThisWeek(n: number): string {
  return `${compactCount(n)} ${n === 1 ? "person" : "people"} this week`;
}
