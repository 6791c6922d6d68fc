import { collapseSpace } from "./normalise";

/**
 * Claude Code descriptions are routing text for the model that picks an agent ("Use this agent
 * when…", "Use PROACTIVELY for…", "Triggers on: 'p-value', …"). People read a tagline made from it:
 * the routing phrases and trigger lists removed, what is left said as "For …". The original stays
 * for export (extensions.claude_code.description).
 */
const LEAD =
  /^(?:this agent should be used|use (?:this (?:agent|skill)|it|me)?|must be used|invoke (?:this agent)?|call (?:this agent)?)\s*(?:proactively|immediately|automatically)?\s*(?:(?<conj>when|whenever|if|for|to|after|before)\s+)?(?<user>(?:the )?users?\s+(?:needs?|wants?|asks?|requests?)\s+(?:help\s+)?(?:with\s+|to\s+|for\s+|about\s+)?|you need to\s+|you want to\s+|you need\s+)?/i;
const TRIGGERS = /\s*(?:triggers?(?: on| words?| phrases?)?|keywords?|trigger when the user says)\s*:.*$/is;
const VERBS = new Set(
  "analyse analyze write review build design create debug fix optimise optimize plan check interpret generate deploy migrate audit test refactor implement manage configure draft translate summarise summarize explain improve handle perform run develop integrate monitor automate document research investigate evaluate prioritise prioritize answer model turn find set make help choose compare estimate prepare organise organize track measure validate convert diagnose detect scan harden coordinate lead teach tutor craft edit rewrite polish".split(
    " ",
  ),
);

/** "analyse" -> "analysing", "plan" -> "planning", "write" -> "writing". */
function gerund(verb: string): string {
  if (/ie$/.test(verb)) return verb.slice(0, -2) + "ying";
  if (/[^aeiou]e$/.test(verb) && verb !== "be") return verb.slice(0, -1) + "ing";
  if (/^(plan|set|run|scan|model)$/.test(verb))
    return verb === "model" ? "modelling" : verb + verb.at(-1) + "ing";
  return verb + "ing";
}

/** Each clause that opens with a plain verb ("analyse …, interpret …") made "-ing". */
const gerunds = (text: string) =>
  text.replace(/(^|,\s+|\bor\s+|\band\s+)([a-z]+)\b/g, (all, before: string, word: string) =>
    VERBS.has(word) ? `${before}${gerund(word)}` : all,
  );

export function taglineFrom(description: string): string {
  const plain = collapseSpace(description.replace(TRIGGERS, ""));
  const lead = LEAD.exec(plain);
  const rest = lead ? plain.slice(lead[0].length) : plain;
  if (!lead?.[0] || !rest) return plain; // not routing text: as written
  const sentence = rest.split(/(?<=[.!?])\s/)[0]!.replace(/[.:;,\s]+$/, "");
  const conj = lead.groups?.conj?.toLowerCase();
  // "Use this agent when production is down: …" is a situation, not a task: it keeps its "When".
  if (conj && !lead.groups?.user && !["for", "to"].includes(conj))
    return `${conj[0]!.toUpperCase()}${conj.slice(1)} ${sentence}.`;
  return `For ${gerunds(sentence)}.`;
}

/** A greeting that reads like a person introducing themselves, from the name and tagline. */
export function greetingFrom(name: string, tagline: string): string {
  if (/^For /.test(tagline))
    return `Hi, I'm ${name}. I can help with ${tagline.slice(4).replace(/\.$/, "")}. What are you working on?`;
  if (/^(When|Whenever|If|After|Before) /.test(tagline))
    return `Hi, I'm ${name}. Call on me ${tagline[0]!.toLowerCase()}${tagline.slice(1)} What are you working on?`;
  const lower = tagline.replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase());
  return `Hi, I'm ${name}: ${lower} What are you working on?`;
}
