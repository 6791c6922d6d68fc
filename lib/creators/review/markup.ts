import { lineOf, type PersonaText } from "./text";
import type { ReviewFinding } from "./types";

/**
 * Markup in a persona that would act on the people who chat with it. The site renders markdown
 * without raw HTML, so nothing here runs in our pages; but the prompt is read by the model, which
 * copies what it is shown into replies, and the same text goes out in every export to other apps.
 * Each is flagged for a moderator, not refused: a tutorial persona may have a good reason.
 */
const HTML_ELEMENTS =
  "a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|img|image|input|ins|kbd|label|legend|li|link|main|map|mark|marquee|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|s|samp|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|u|ul|var|video|wbr";

/** An opening or closing tag of a real HTML element (so `<your name>` or `a < b` is not one). */
const HTML_TAG = new RegExp(`</?(${HTML_ELEMENTS})(?=[\\s/>])[^<>]*>?`, "gi");
const ACTIVE_TAG = /^(script|iframe|frame|frameset|object|embed|form|base|meta|link|style|svg|template)$/i;
const ACTIVE_ATTRIBUTE =
  /\son[a-z]+\s*=|(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i;

const REMOTE = String.raw`(?:https?:)?//[^\s)"'<>]+`;
/** `![alt](https://…)`, `![alt][ref]` with `[ref]: https://…`, and HTML/CSS that fetches a picture. */
const MARKDOWN_IMAGE = new RegExp(String.raw`!\[[^\]\n]*\]\(\s*<?(${REMOTE})`, "gi");
const REFERENCE_IMAGE = /!\[[^\]\n]*\]\[([^\]\n]*)\]/g;
const HTML_IMAGE = new RegExp(
  String.raw`<(?:img|image|source|video|audio|input|embed|iframe)\b[^>]*?\b(?:src|srcset|poster|href|data)\s*=\s*["']?(${REMOTE})`,
  "gi",
);
const CSS_URL = new RegExp(String.raw`url\(\s*["']?(${REMOTE})`, "gi");

const URL = /\bhttps?:\/\/[^\s<>"'`\])]+(?:\([^\s)]*\)[^\s<>"'`\])]*)?/gi;
/** Template slots a model fills in: `{{user}}`, `{data}`, `${x}`, `%s`, `[MESSAGE]`, `<summary>`. */
const SLOT = /\{\{?[^}]*\}\}?|\$\{[^}]*\}|%s|\[[A-Za-z_ ]{3,}\]?|\$[A-Z_]{3,}/;
/** Query parameters whose name says they carry what the person typed or who they are. */
const DATA_PARAMETER =
  /^(q|query|data|d|msg|message|messages|prompt|chat|conversation|history|text|content|input|context|summary|email|user|username|name|token|key|secret|session|cookie|payload|info|log)$/i;

type Hit = { offset: number; message: string; rule: string };

export function findHostileMarkup(t: PersonaText): ReviewFinding[] {
  const hits: Hit[] = [];
  const outsideCode = t.withoutCode;

  for (const m of outsideCode.matchAll(HTML_TAG)) {
    const tag = m[1]!;
    const active = ACTIVE_TAG.test(tag) || ACTIVE_ATTRIBUTE.test(m[0]);
    hits.push({
      offset: m.index,
      rule: "raw-html",
      message: active
        ? `holds an HTML <${tag.toLowerCase()}> tag that could run code or load content (${clip(m[0])}). Write it as a code block if it is an example.`
        : `holds raw HTML (${clip(m[0])}). Persona text is markdown; put HTML examples in a code block.`,
    });
  }
  for (const m of outsideCode.matchAll(/\b(?:javascript|vbscript):/gi))
    if (!hits.some((h) => h.offset <= m.index && m.index < h.offset + 200 && h.rule === "raw-html"))
      hits.push({
        offset: m.index,
        rule: "raw-html",
        message: "holds a javascript: link, which runs code when clicked.",
      });

  // In code a picture is an example, shown as text, unless its address is made to carry data:
  // then a model told to "always end with this" would send it out.
  const inCode = (offset: number) => outsideCode[offset] !== t.text[offset];
  const references = new Map<string, string>();
  for (const m of t.text.matchAll(/^ {0,3}\[([^\]\n]+)\]:\s*<?(\S+?)>?(?:\s|$)/gm))
    references.set(m[1]!.toLowerCase(), m[2]!);
  const image = (offset: number, url: string) => {
    if (inCode(offset) && !beaconReason(url)) return;
    hits.push({
      offset,
      rule: "remote-image",
      message: `shows a picture from another site (${clip(url)}). A chat app fetches it as soon as the reply appears, telling that site who is reading, and its address can carry the conversation out. Upload the picture instead.`,
    });
  };
  for (const m of t.text.matchAll(MARKDOWN_IMAGE)) image(m.index, m[1]!);
  for (const m of t.text.matchAll(HTML_IMAGE)) image(m.index, m[1]!);
  for (const m of t.text.matchAll(CSS_URL)) image(m.index, m[1]!);
  for (const m of t.text.matchAll(REFERENCE_IMAGE)) {
    const url = references.get((m[1] || "").toLowerCase());
    if (url && /^(?:https?:)?\/\//i.test(url)) image(m.index, url);
  }

  // Links in code are shown as text, not links.
  for (const m of outsideCode.matchAll(URL)) {
    const url = m[0];
    if (
      hits.some(
        (h) =>
          h.rule === "remote-image" &&
          Math.abs(h.offset - m.index) < 300 &&
          t.text.slice(h.offset, m.index + url.length).includes(url),
      )
    )
      continue;
    const reason = beaconReason(url);
    if (reason)
      hits.push({
        offset: m.index,
        rule: "beacon-link",
        message: `has a link that ${reason} (${clip(url)}): a model that fills it in sends what the person wrote to that site when the link is opened or previewed.`,
      });
  }

  return hits
    .sort((a, b) => a.offset - b.offset)
    .map((h) => {
      const line = lineOf(t, h.offset);
      return { rule: h.rule, level: "flag" as const, line, message: `Line ${line} ${h.message}` };
    });
}

/** Why a URL looks made to carry data out, or undefined if it does not. */
export function beaconReason(url: string): string | undefined {
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // a malformed escape is judged as written
  }
  if (SLOT.test(decoded)) return "has a slot for the model to fill in";
  const query = decoded.indexOf("?");
  if (query === -1) return undefined;
  const params = new URLSearchParams(decoded.slice(query + 1).split("#")[0]);
  for (const [name, value] of params)
    if (DATA_PARAMETER.test(name) && (value === "" || /^[A-Z_]+$|\.{3}|…/.test(value)))
      return `asks for data in its "${name}" parameter`;
  return undefined;
}

const clip = (s: string) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
};

/** External sites a persona links to, for the moderator (not a problem in itself). */
export function linkedSites(t: PersonaText): ReviewFinding[] {
  const hosts = new Set<string>();
  for (const m of t.text.matchAll(URL)) {
    try {
      const host = new globalThis.URL(m[0]).hostname;
      if (host && !/^(localhost|127\.0\.0\.1|\[::1\])$/.test(host)) hosts.add(host);
    } catch {
      // not a URL after all
    }
  }
  if (!hosts.size) return [];
  const list = [...hosts].sort();
  return [
    {
      rule: "links",
      level: "info",
      message: `Links to ${list.length === 1 ? "one site" : `${list.length} sites`}: ${list.slice(0, 10).join(", ")}${list.length > 10 ? ", …" : ""}.`,
    },
  ];
}
