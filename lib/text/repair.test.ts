import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePersonaFile } from "@/lib/personas/parse";
import { repairMojibake } from "./repair";

const SEED = path.resolve(import.meta.dirname, "../../content/personas/backend-developer.md");
const MOJIBAKE_MARKERS = /[âðÃ]/u;

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase());

describe("repairMojibake on the mis-encoded seed persona (backend-developer.md)", () => {
  const raw = fs.readFileSync(SEED);
  const parsed = parsePersonaFile("backend-developer.md", raw);
  const persona = parsed.persona!;

  it("really is mis-encoded on disk, so the repair has work to do", () => {
    expect(raw.toString("utf8")).toContain("âš™ï¸");
  });

  it("parses without problems", () => {
    expect(parsed.problems).toEqual([]);
    expect(persona.id).toBe("backend-developer");
  });

  it('repairs the avatar to "⚙️" (U+2699 U+FE0F), restoring the dropped 0x8F byte', () => {
    expect(persona.avatar).toBe("\u2699\uFE0F");
    expect(codePoints(persona.avatar)).toEqual(["2699", "FE0F"]);
  });

  it("repairs every emoji and the em dash in the greeting", () => {
    for (const expected of ["⚙️", "🔌", "🗄️", "🔐", "📡", "🏗️", "🧪", "—"]) {
      expect(persona.greeting).toContain(expected);
    }
    expect(persona.greeting).toContain("real-time features — I've got you covered");
  });

  it("leaves no mojibake markers anywhere in the persona", () => {
    const everyText = JSON.stringify(persona);
    expect(everyText).not.toMatch(MOJIBAKE_MARKERS);
    expect(persona.body).not.toMatch(MOJIBAKE_MARKERS);
    expect(persona.body).toMatch(/^# Backend Developer/);
  });
});

describe("repairMojibake leaves correct text unchanged", () => {
  const correct = {
    ascii: "Plain ASCII with 'quotes' and -- dashes.",
    accents: "Crème brûlée, naïve café, résumé, Zürich, São Paulo, SÃO PAULO",
    curlyQuotes: "“Double” and ‘single’ quotes, it’s fine",
    dashes: "An em dash — and an en dash – and an ellipsis…",
    currency: "£5, €10, ¥300, 20°C, ±2, x², ½",
    cjk: "日本語のテキスト, 中文文本, 한국어",
    emoji: "🚀 ✅ ⚙️ 🔐 🗄️ 🏗️ 🧪",
    zwjSequences: "👨‍💻 👩‍👩‍👧 🏳️‍🌈",
    flagsAndSkinTones: "🇬🇧 🇯🇵 👋🏽",
    french: "«café» l’été",
    mixed: "The naïve café — “Zürich” edition 🚀 £12 (日本)",
  };

  for (const [kind, text] of Object.entries(correct)) {
    it(`keeps ${kind} as is: ${text}`, () => {
      expect(repairMojibake(text)).toBe(text);
    });
  }

  it("returns the very same string when there is nothing that looks mis-encoded", () => {
    expect(repairMojibake("")).toBe("");
    expect(repairMojibake("Ã")).toBe("Ã");
    expect(repairMojibake("Â alone")).toBe("Â alone");
  });

  // Known bug: a Latin-1 capital or ß followed directly by cp1252 punctuation decodes as a
  // two-byte UTF-8 sequence into an unrelated script (NKo, Latin Extended-B).
  it('keeps German quotes after ß: "„Gruß“"', () => {
    expect(repairMojibake("Er sagte „Gruß“.")).toBe("Er sagte „Gruß“.");
  });

  it('keeps an ellipsis after a capital: "CAFÉ…"', () => {
    expect(repairMojibake("CAFÉ…")).toBe("CAFÉ…");
  });
});

describe("repairMojibake repairs other mis-encodings", () => {
  const cases: [string, string, string][] = [
    ["two-byte accents", "Ã©tÃ©", "été"],
    ["accents inside a sentence", "SchrÃ¶dinger's cafÃ© in ZÃ¼rich", "Schrödinger's café in Zürich"],
    ["right single quote", "itâ€™s", "it’s"],
    ["em dash", "this â€” that", "this — that"],
    ["curly double quotes with every byte kept", "â€œquotedâ€\x9d", "“quoted”"],
    ["a pound sign", "Â£12", "£12"],
    ["a four-byte emoji", "ðŸš€", "🚀"],
    ["an emoji with a dropped byte (🔐 lost 0x90)", "ðŸ”", "🔐"],
    ["a text-style emoji plus VS16 with a dropped byte", "âš™ï¸", "⚙️"],
    ["a ZWJ sequence with a dropped byte", "ðŸ‘¨â€ðŸ’»", "👨‍💻"],
    ["a flag", "ðŸ‡¬ðŸ‡§", "🇬🇧"],
    ["a check mark", "âœ… done", "✅ done"],
    ["mis-encoded text next to correct text", "rÃ©sumÃ© and résumé", "résumé and résumé"],
  ];

  for (const [kind, input, expected] of cases) {
    it(`repairs ${kind}: ${JSON.stringify(input)} -> ${expected}`, () => {
      expect(repairMojibake(input)).toBe(expected);
    });
  }

  // Known bug: with the 0x9D of "”" dropped, the only emoji-like completion of E2 80 ?? is
  // U+200D ZERO WIDTH JOINER, so the closing quote silently turns into an invisible character.
  it("restores a skin tone whose 0x8F byte was dropped, not a different emoji", () => {
    const broken = Buffer.from("👋🏽 hi", "utf8");
    // Read as Windows-1252 with the undefined bytes dropped, then written out again.
    const cp1252 = new TextDecoder("windows-1252");
    const text = [...broken]
      .filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b))
      .map((b) => cp1252.decode(Uint8Array.of(b)))
      .join("");
    expect(repairMojibake(text)).toBe("👋🏽 hi");
  });

  it("repairs a Cyrillic word but not a lone letter before punctuation", () => {
    expect(repairMojibake("Ð¿Ñ€Ð¸Ð²ÐµÑ‚")).toBe("привет");
    expect(repairMojibake("ESPAÑ”")).toBe("ESPAÑ”");
  });

  it("repairs curly double quotes whose 0x9D byte was dropped", () => {
    expect(repairMojibake("He said â€œhiâ€ and left")).toBe("He said “hi” and left");
  });
});

describe("repairMojibake is idempotent", () => {
  const inputs = [
    "Ã©tÃ©",
    "itâ€™s",
    "â€œquotedâ€\x9d",
    "ðŸš€ âš™ï¸ ðŸ”",
    "The naïve café — “Zürich” 🚀",
    "👨‍💻 日本語 £5",
    fs.readFileSync(SEED, "utf8"),
  ];

  for (const input of inputs) {
    it(`repair(repair(x)) === repair(x) for ${JSON.stringify(input.slice(0, 30))}`, () => {
      const once = repairMojibake(input);
      expect(repairMojibake(once)).toBe(once);
    });
  }

  // Known bug: text mis-encoded twice is only repaired one layer per call.
  it("is idempotent on doubly mis-encoded text", () => {
    const once = repairMojibake("Ã¢â‚¬â„¢");
    expect(repairMojibake(once)).toBe(once);
  });
});
