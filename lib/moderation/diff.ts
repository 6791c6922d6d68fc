/** One row of a side-by-side diff: the old line, the new line, or both when they are equal. */
export type DiffRow =
  | { kind: "same"; left: string; right: string; leftNo: number; rightNo: number }
  | { kind: "removed"; left: string; leftNo: number }
  | { kind: "added"; right: string; rightNo: number };

/** Beyond this many lines a side (texts are capped far below), the diff compares the texts whole. */
const MAX_LINES = 1_500;

/**
 * A line diff of two texts (longest common subsequence), for the moderator's side-by-side view of
 * a submission against the version published before it.
 */
export function diffLines(before: string, after: string): DiffRow[] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length > MAX_LINES || b.length > MAX_LINES)
    return [
      ...a.map((left, i) => ({ kind: "removed" as const, left, leftNo: i + 1 })),
      ...b.map((right, i) => ({ kind: "added" as const, right, rightNo: i + 1 })),
    ];
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      rows.push({ kind: "same", left: a[i]!, right: b[j]!, leftNo: i + 1, rightNo: j + 1 });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      rows.push({ kind: "removed", left: a[i]!, leftNo: i + 1 });
      i++;
    } else {
      rows.push({ kind: "added", right: b[j]!, rightNo: j + 1 });
      j++;
    }
  }
  for (; i < n; i++) rows.push({ kind: "removed", left: a[i]!, leftNo: i + 1 });
  for (; j < m; j++) rows.push({ kind: "added", right: b[j]!, rightNo: j + 1 });
  return rows;
}
