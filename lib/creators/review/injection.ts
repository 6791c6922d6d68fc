import { lineOf, type PersonaText } from "./text";
import type { ReviewFinding } from "./types";

/**
 * Instructions aimed at the model, or at the person, that a persona has no business giving: to drop
 * the rules it runs under, to hand over what it was not meant to (its hidden instructions, other
 * people's data, keys), to send the conversation somewhere, or to pose as the site or its staff.
 * Flagged for a moderator. Each pattern needs a verb and its object close together, and a
 * sentence that forbids the act ("never reveal your system prompt", "if someone asks you to
 * ignore your instructions, decline") is the persona defending itself, not an attack.
 */
const GAP = (n: number) => String.raw`(?:[^\w.!?\n]+[\w'’-]+){0,${n}}[^\w.!?\n]+`;
const re = (source: string) => new RegExp(source, "gi");

type Pattern = { kind: string; pattern: RegExp };

const PATTERNS: Pattern[] = [
  {
    kind: "tells the model to set aside the instructions it runs under",
    pattern: re(
      String.raw`\b(?:ignore|disregard|forget|override|bypass|overrule)${GAP(3)}(?:previous|prior|above|earlier|preceding|original|system|safety|other|existing|all)${GAP(2)}(?:instructions?|prompts?|rules|guidelines|directives|guardrails|restrictions|policies|messages)\b`,
    ),
  },
  {
    kind: "asks the model to reveal its hidden instructions",
    pattern: re(
      String.raw`\b(?:reveal|print|repeat|output|disclose|leak|dump|expose|show|display|share|recite|copy|paste|send|tell|give|quote|summari[sz]e)${GAP(4)}(?:(?:the|your|its)${GAP(1)}(?:system|hidden|secret|initial|original|internal|developer|full|entire|complete|exact)\s+(?:prompt|instructions|message|rules|configuration)|system\s+(?:prompt|message|instructions)|developer\s+(?:message|instructions)|(?:text|instructions|everything)\s+above)\b`,
    ),
  },
  {
    kind: "asks for other people's data or the site's secrets",
    pattern: re(
      String.raw`\b(?:reveal|print|output|disclose|leak|dump|expose|show|display|share|send|tell|give|list|retrieve|fetch|access|read)${GAP(4)}(?:other\s+(?:users?|people|customers|members|accounts)(?:'s?|’s?)?(?:${GAP(1)}(?:data|messages|conversations|chats|emails|details|information|history|profiles|prompts))?|(?:previous|past|earlier|other)\s+(?:users?(?:'s?|’s?)?\s+)?(?:conversations|sessions|chats)|(?:the\s+)?(?:server|site|platform|operator|system)(?:'s|’s)?\s+(?:api\s+keys?|secrets|credentials|environment(?:\s+variables)?|env\s+vars|database|passwords?|tokens?)|environment\s+variables|(?:your|the)\s+api\s+keys?)\b`,
    ),
  },
  {
    kind: "tells the model to send the conversation somewhere",
    pattern: re(
      String.raw`\b(?:send|post|forward|transmit|upload|append|embed|encode|include|leak|exfiltrate|put)${GAP(5)}(?:(?:the|this|their|user'?s?|whole|entire|full|every)${GAP(1)})?(?:conversation|chat|messages?|history|transcript|what\s+the\s+user\s+(?:says|said|wrote|types)|user\s+(?:input|data|details|information|email))${GAP(6)}(?:url|link|image|webhook|endpoint|server|address|https?:\/\/|query\s+string|markdown\s+image)`,
    ),
  },
  {
    kind: "poses as the site or its staff",
    pattern: re(
      String.raw`\b(?:you\s+are|act\s+as|acting\s+as|pretend(?:ing)?\s+to\s+be|claim(?:ing)?\s+to\s+be|say\s+(?:that\s+)?you\s+are|introduce\s+yourself\s+as|pose\s+as|posing\s+as|impersonate|present\s+yourself\s+as|speak\s+(?:for|on\s+behalf\s+of)|sign\s+(?:off\s+)?as)${GAP(2)}(?:(?:an?|the)\s+)?(?:official\s+)?(?:persona\s*market|(?:site|platform|marketplace|store)(?:'s|’s)?\s+(?:admin(?:istrator)?s?|moderators?|staff|team|support|owners?|operators?|security)|(?:openai|anthropic|claude|chatgpt)\s+(?:staff|team|support|employee|official)|official\s+(?:support|staff|moderator|administrator|admin))\b`,
    ),
  },
  {
    kind: "asks the person for their password, keys or payment details",
    pattern: re(
      String.raw`\b(?:ask|request|collect|get|obtain|require|prompt)${GAP(3)}(?:for${GAP(2)})?(?:their|the\s+user'?s?|your|users?'?)${GAP(1)}(?:passwords?|pass\s*codes?|api\s+keys?|credit\s+card(?:\s+(?:number|details))?|card\s+numbers?|cvv|login\s+(?:details|credentials)|credentials|one[-\s]time\s+(?:codes?|passwords?)|2fa\s+codes?|verification\s+codes?|seed\s+phrases?|recovery\s+phrases?|private\s+keys?|social\s+security\s+numbers?)\b`,
    ),
  },
  {
    kind: "imitates the chat's own system or template markers",
    pattern:
      /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id)\|>|\[\/?INST\]|<<\/?SYS>>|^\s*#{0,3}\s*\[?(?:system|developer)\]?\s*(?:message|prompt)?\s*:\s*(?:you|ignore|new)|<\/?(?:system|system_prompt|developer)>/gim,
  },
  {
    kind: "asks for a known jailbreak mode",
    pattern:
      /\b(?:developer\s+mode\s+(?:enabled|on|activated)|do\s+anything\s+now|DAN\s+mode|jailbr(?:ea|o)k(?:en)?\s+mode)\b/gi,
  },
];

/** Words just before a match that turn it into the persona's own defence. */
const DEFENCE =
  /\b(?:never|not|no(?!\s+matter)|don'?t|doesn'?t|won'?t|can'?t|cannot|mustn'?t|shouldn'?t|refuse[sd]?|decline[sd]?|without|avoid|nor|asks?\s+you|asked\s+(?:you\s+)?to|tries\s+to|try\s+to|attempts?\s+to|requests?|wants?\s+you|such\s+as|like|e\.g\.?)\b[^.!?\n]*$/i;

/** A phrase in quotes is shown as an example of what attackers write, not said to the model. */
const QUOTED = /["'‘“«`]$/;

export function findInjection(t: PersonaText): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  for (const { kind, pattern } of PATTERNS) {
    for (const m of t.text.matchAll(pattern)) {
      const before = t.text.slice(Math.max(0, m.index - 60), m.index);
      const sentence = before.split(/(?<!\b(?:e\.g|i\.e|etc|vs))[.!?\n]\s/).at(-1) ?? before;
      if (DEFENCE.test(sentence) || QUOTED.test(before)) continue;
      const line = lineOf(t, m.index);
      findings.push({
        rule: "injection",
        level: "flag",
        line,
        message: `Line ${line} ${kind}: "${quote(m[0])}". A moderator will check what it is for.`,
      });
    }
  }
  return findings.sort((a, b) => a.line! - b.line!);
}

const quote = (s: string) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
};
