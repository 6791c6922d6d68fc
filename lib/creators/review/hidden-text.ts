import { findInjection } from "./injection";
import { lineOf, personaText, type PersonaText } from "./text";
import type { ReviewFinding } from "./types";

/**
 * Text a person reading the persona cannot see but a model reads: Unicode "tag" characters (each
 * an invisible copy of an ASCII letter, used to smuggle instructions past readers), bidirectional
 * overrides that make text display in another order than it is read (Trojan Source), and
 * zero-width spaces. Flagged, with the hidden text spelled out for the moderator. Emoji that need
 * such characters (a subdivision flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿, a joined emoji such as 🧑‍💻) are not flagged.
 */
const TAGS = /[\u{E0000}-\u{E007F}]+/gu;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200B\u2060\u180E]|(?<!^)\uFEFF/g;
const BLACK_FLAG = "\u{1F3F4}";

export function findHiddenText(t: PersonaText): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const at = (offset: number, message: string) => {
    const line = lineOf(t, offset);
    findings.push({ rule: "hidden-text", level: "flag", line, message: `Line ${line} ${message}` });
  };
  for (const m of t.text.matchAll(TAGS)) {
    if (t.text.slice(Math.max(0, m.index - 2), m.index) === BLACK_FLAG) continue;
    const hidden = [...m[0]].map((c) => String.fromCodePoint(c.codePointAt(0)! - 0xe0000)).join("");
    at(
      m.index,
      `holds ${[...m[0]].length} invisible characters that spell out text a model reads but a person does not see: "${clip(hidden)}".`,
    );
    // What the hidden text says is judged like the rest.
    for (const injected of findInjection(personaText(hidden)))
      at(m.index, `hides an instruction that ${injected.message.replace(/^Line \d+ /, "")}`);
  }
  const bidi = t.text.match(BIDI);
  if (bidi)
    at(
      t.text.search(BIDI),
      `holds ${bidi.length} character(s) that change the order text is shown in, so what is shown is not what the model reads.`,
    );
  const zero = t.text.match(ZERO_WIDTH);
  if (zero)
    at(t.text.search(ZERO_WIDTH), `holds ${zero.length} zero-width character(s), invisible on screen.`);
  return findings;
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);
