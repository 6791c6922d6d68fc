/** Word-level differences between two versions of a persona: pure functions over text. */
import type { Persona } from "./schema";

export type DiffPart = { op: "same" | "added" | "removed"; text: string };

/** Words and the spaces between them, each a token: a diff never splits a word. */
const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/** Past this many edits the middle is shown as removed-then-added: a rewrite, not a diff worth reading. */
const MAX_EDITS = 1000;

/**
 * Myers' O(ND) diff over word tokens, after the common start and end are taken off (most edits
 * of a prompt touch a few places). Adjacent parts of one kind are merged.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push("same", a.slice(0, start).join(""));
  for (const [op, token] of middle(a.slice(start, endA), b.slice(start, endB))) push(op, token);
  push("same", a.slice(endA).join(""));
  return parts;
}

function middle(a: string[], b: string[]): [DiffPart["op"], string][] {
  const n = a.length;
  const m = b.length;
  const rewrite = (): [DiffPart["op"], string][] => [
    ...a.map((t): [DiffPart["op"], string] => ["removed", t]),
    ...b.map((t): [DiffPart["op"], string] => ["added", t]),
  ];
  if (n === 0 || m === 0 || Math.abs(n - m) > MAX_EDITS) return rewrite();
  const max = Math.min(n + m, MAX_EDITS);
  // frontier[d][k + d]: the furthest x on diagonal k after d edits (only the 2d + 1 diagonals reached).
  const frontier: Int32Array[] = [];
  const at = (d: number, k: number) => frontier[d]![k + d]!;
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    const row = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x =
        d === 0
          ? 0
          : k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1))
            ? at(d - 1, k + 1)
            : at(d - 1, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      row[k + d] = x;
      if (x >= n && y >= m) found = d;
    }
    frontier.push(row);
  }
  if (found < 0) return rewrite();
  // Walk back from the end through the saved frontiers.
  const out: [DiffPart["op"], string][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const k = x - y;
    const down = k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(d - 1, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push(["same", a[--x]!]);
      y--;
    }
    if (down) out.push(["added", b[--y]!]);
    else out.push(["removed", a[--x]!]);
  }
  while (x > 0 && y > 0) {
    out.push(["same", a[--x]!]);
    y--;
  }
  return out.reverse();
}

/** The fields a version's page compares, as text; the body is compared apart (it may be locked). */
export function versionFields(p: Persona): Record<string, string> {
  const list = (l: readonly string[] | undefined) => (l ?? []).join(", ");
  return {
    Name: p.name,
    Description: p.description,
    Avatar: p.avatar,
    Greeting: p.greeting,
    Category: p.category,
    Tags: list(p.tags),
    Tier: p.tier,
    Model: p.model,
    Tools: list(p.tools),
    "Works well with": list(p.worksWellWith),
    Starters: list(p.starters),
    Checks: (p.checks ?? []).map((c) => c.message).join(" | "),
  };
}

export type FieldDiff = { field: string; parts: DiffPart[] };

/** Only the fields that changed, each as a word diff. */
export function diffFields(before: Persona, after: Persona): FieldDiff[] {
  const a = versionFields(before);
  const b = versionFields(after);
  return Object.keys(a)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, parts: diffWords(a[field]!, b[field]!) }));
}
