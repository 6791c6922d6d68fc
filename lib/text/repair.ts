/**
 * Repairs text that was saved as UTF-8, read back as Windows-1252 and saved again ("mojibake"),
 * e.g. "âš™ï¸" -> "⚙️". Correct text is left untouched: only runs of non-ASCII characters that
 * all map to Windows-1252 bytes AND decode to valid UTF-8 are replaced.
 *
 * Windows-1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D). Many encoders drop
 * them, so a mis-encoded emoji can be one byte short (U+FE0F is EF B8 8F). A missing byte is
 * put back only where the completed character is an emoji or an emoji component, which is
 * the only place such a loss is both likely and recoverable without guessing at prose.
 */

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};
const UNDEFINED_IN_CP1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d] as const;

function toCp1252Byte(codePoint: number): number | undefined {
  if (codePoint >= 0xa0 && codePoint <= 0xff) return codePoint;
  // C1 controls pass through some decoders unchanged (the five undefined bytes among them).
  if (codePoint >= 0x80 && codePoint <= 0x9f) return codePoint;
  return CP1252_HIGH[codePoint];
}

const RUN = /[^\x00-\x7f]+/gu;

export function repairMojibake(text: string): string {
  // Text mis-encoded twice comes back one layer per pass; each pass shortens it, so this ends.
  for (let pass = 0; pass < 4; pass++) {
    if (!/[\u00c2-\u00f4]/u.test(text)) return text; // every mis-encoded lead byte lands here
    const next = text.replace(RUN, (run) => repairRun(run) ?? run);
    if (next === text) return text;
    text = next;
  }
  return text;
}

function repairRun(run: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of run) {
    const b = toCp1252Byte(ch.codePointAt(0)!);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  const decoded = decode(bytes, 0, new Map())?.text;
  if (decoded === undefined) return undefined;
  // Latin-1 accents (U+0080–U+00FF) are the common case. A lone character from further up the
  // two-byte range (Greek, Cyrillic, NKo…) is far likelier to be correct text such as "ß“" or
  // "É…"; a word of them ("Ð¿Ñ€Ð¸") is real mojibake.
  const beyondLatin1 = [...decoded].filter((ch) => {
    const cp = ch.codePointAt(0)!;
    return cp >= 0x100 && cp <= 0x7ff;
  }).length;
  return beyondLatin1 === 1 ? undefined : decoded;
}

type Decoding = { text: string; score: number };

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function codePointOf(seq: number[]): number | undefined {
  const n = seq.length;
  const lead = seq[0]!;
  if (seq.slice(1).some((b) => b < 0x80 || b > 0xbf)) return undefined;
  const cp =
    n === 2
      ? ((lead & 0x1f) << 6) | (seq[1]! & 0x3f)
      : n === 3
        ? ((lead & 0x0f) << 12) | ((seq[1]! & 0x3f) << 6) | (seq[2]! & 0x3f)
        : ((lead & 0x07) << 18) | ((seq[1]! & 0x3f) << 12) | ((seq[2]! & 0x3f) << 6) | (seq[3]! & 0x3f);
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return cp;
}

/**
 * When a lost byte leaves several emoji possible (F0 9F 94 + ? could be 🔁 🔍 🔏 🔐 🔝), prefer
 * the ones people use most in technical and product writing. Earlier = more likely.
 */
const COMMON_EMOJI = [
  "✅",
  "❌",
  "⚠",
  "🚀",
  "✨",
  "🔥",
  "💡",
  "🎯",
  "📝",
  "📚",
  "🔐",
  "🔒",
  "🔑",
  "🏗",
  "🛠",
  "🔧",
  "🔨",
  "⚙",
  "🧪",
  "🐛",
  "📦",
  "📊",
  "📈",
  "📉",
  "🔍",
  "🔎",
  "🌐",
  "💬",
  "👋",
  "🎨",
  "⚡",
  "🧩",
  "🔌",
  "🗄",
  "📡",
  "📱",
  "💻",
  "🖥",
  "☁",
  "🐳",
  "⏱",
  "🔄",
  "♻",
  "🔔",
  "📌",
  "🔗",
  "💾",
  "🗂",
  "📁",
  "🧠",
  "🤝",
  "👥",
  "💰",
  "📣",
  "🏆",
  "🎓",
  "🧭",
  "🗺",
  "🛡",
  "🚨",
  "🔁",
  "🗝",
  "🏷",
  "📐",
  "✍",
  "🎤",
  "🧰",
  "🧱",
];
const priorRank = (ch: string) => {
  const i = COMMON_EMOJI.indexOf(ch);
  return i === -1 ? COMMON_EMOJI.length : i;
};

const isEmojiLike = (ch: string) => /\p{Emoji_Component}|\p{Emoji}/u.test(ch) && !/[\x00-\x7f]/.test(ch);
const isPictograph = (ch: string | undefined) => ch !== undefined && /\p{Extended_Pictographic}/u.test(ch);
/** Punctuation whose last UTF-8 byte is one Windows-1252 leaves undefined: ” (E2 80 9D) and ‐ (E2 80 90). */
const RESTORABLE_PUNCTUATION = new Set(["\u201d", "\u2010"]);

/** May a character that needed a lost byte put back stand here, before `next`? */
function restorable(ch: string, next: string | undefined): boolean {
  // A zero-width joiner only ever sits between two emoji; elsewhere the lost byte was a ”.
  if (ch === "\u200d") return isPictograph(next);
  return isEmojiLike(ch) || RESTORABLE_PUNCTUATION.has(ch);
}

/** Best decoding of bytes[from..], or undefined when no full decoding exists. */
function decode(
  bytes: number[],
  from: number,
  memo: Map<number, Decoding | undefined>,
): Decoding | undefined {
  if (from === bytes.length) return { text: "", score: 0 };
  if (memo.has(from)) return memo.get(from);
  let best: Decoding | undefined;
  const consider = (seq: number[], consumed: number, insertedAt: number) => {
    const inserted = insertedAt > 0;
    const cp = codePointOf(seq);
    if (cp === undefined) return;
    const ch = String.fromCodePoint(cp);
    if (/\p{Cc}/u.test(ch)) return;
    const rest = decode(bytes, from + consumed, memo);
    if (!rest) return;
    if (
      inserted &&
      !restorable(
        ch,
        rest.text.codePointAt(0) === undefined ? undefined : String.fromCodePoint(rest.text.codePointAt(0)!),
      )
    )
      return;
    let score = rest.score + (isEmojiLike(ch) ? 3 : 2);
    if (inserted) {
      // Ties between emoji that fit: a text-style emoji before VS16 fits best, then the more
      // common one, then the one whose lost byte came last.
      score -= 1;
      if (rest.text.startsWith("\ufe0f") && !/\p{Emoji_Presentation}/u.test(ch)) score += 0.5;
      if (/\p{Emoji_Modifier}/u.test(ch)) score += 0.3; // a skin tone, more likely than a new emoji
      if (ch === "\u201d") score += 0.2;
      score += (1 - priorRank(ch) / (COMMON_EMOJI.length + 1)) * 0.25 + insertedAt / 1000;
    }
    const candidate: Decoding = { text: ch + rest.text, score };
    if (!best || candidate.score > best.score) best = candidate;
  };
  const n = sequenceLength(bytes[from]!);
  if (n > 0) {
    if (from + n <= bytes.length) consider(bytes.slice(from, from + n), n, 0);
    // One byte lost: re-insert it at each continuation position.
    if (from + n - 1 <= bytes.length) {
      const have = bytes.slice(from, from + n - 1);
      for (let pos = 1; pos < n; pos++) {
        for (const missing of UNDEFINED_IN_CP1252) {
          consider([...have.slice(0, pos), missing, ...have.slice(pos)], n - 1, pos);
        }
      }
    }
  }
  memo.set(from, best);
  return best;
}
