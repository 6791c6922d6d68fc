import { lineOf, type PersonaText } from "./text";
import type { ReviewFinding } from "./types";

/**
 * Credentials written into a persona file. Anything in a persona reaches every person who chats
 * with it (and the model provider), so a live key there is leaked the moment it is published:
 * refused, with the line, whatever part of the file it is in (code blocks too). Each pattern is the
 * provider's documented key shape; a value that reads as a placeholder (`sk-...`, `YOUR_API_KEY`,
 * AWS's `…EXAMPLE` keys, `user:password@`) is not a secret.
 */
type SecretRule = {
  name: string;
  pattern: RegExp;
  /** Which capture group holds the secret value (0: the whole match). */
  group?: number;
  /** Extra test on the value beyond the placeholder check. */
  accept?: (value: string) => boolean;
};

const RULES: SecretRule[] = [
  { name: "an Anthropic API key", pattern: /\bsk-ant-(?:[a-z]+\d*-)?[A-Za-z0-9_-]{20,}/g },
  { name: "an OpenAI API key", pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g },
  { name: "an AWS access key id", pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  {
    name: "an AWS secret access key",
    pattern: /aws.{0,20}?secret.{0,20}?[=:]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    group: 1,
  },
  { name: "a GitHub token", pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g },
  { name: "a GitHub token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/g },
  { name: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { name: "a Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  {
    name: "a Slack webhook",
    pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g,
  },
  { name: "a Stripe live key", pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{16,}/g },
  { name: "a Hugging Face token", pattern: /\bhf_[A-Za-z0-9]{30,}\b/g },
  {
    name: "a JSON Web Token",
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g,
    accept: isRealJwt,
  },
  {
    name: "a private key",
    pattern:
      /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----([\s\S]*?)(?:-----END \1-----|$)/g,
    group: 2,
    accept: (inside) => /[A-Za-z0-9+/=]{40,}/.test(inside.replace(/\s+/g, "")),
  },
  { name: "a bearer token", pattern: /\bBearer\s+([A-Za-z0-9._~+/-]{20,}=*)/g, group: 1 },
  {
    name: "a password in a URL",
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/([^\s:/@?#'"`<>]+):([^\s/@?#'"`<>]+)@([^\s/:?#'"`<>]+)/gi,
    group: 2,
    accept: () => true, // see passwordIsPlaceholder, which needs the user and host too
  },
];

/** Words and marks people use in place of a real value. */
const PLACEHOLDER_WORDS =
  /\.{3}|…|example|your|replace|placeholder|redacted|dummy|fake|sample|insert|changeme|secret_?here|john doe|x{4,}|\*{3,}|0{8,}|1234567|abcdefg/i;
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_WORDS.source}|[<>{}$%]`, "i");

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  // A real key is random: many distinct characters, digits or both cases. Neither
  // "sk-aaaaaaaaaaaaaaaaaaaaaaaa" nor "sk-learn-pipeline-with-standard-scaler" is one.
  const rest = value.replace(/^[a-z]+[-_]/i, "");
  const mixed = /\d/.test(rest) || (/[a-z]/.test(rest) && /[A-Z]/.test(rest));
  return new Set(rest).size < 10 || !mixed;
}

const PASSWORD_WORDS = new Set(["password", "pass", "passwd", "pwd", "secret", "pw", "changeme", "admin"]);

function passwordIsPlaceholder(user: string, password: string, host: string): boolean {
  return (
    PASSWORD_WORDS.has(password.toLowerCase()) ||
    password === user ||
    /[<>{}$%*]|\.{3}|…|^x+$|your|example/i.test(password) ||
    /(^|\.)(example\.(com|org|net)|example|test|invalid)$/i.test(host)
  );
}

/** A JWT whose payload is JSON and is not the well-known sample ("John Doe", 1234567890). */
function isRealJwt(token: string): boolean {
  const payload = token.split(".")[1]!;
  try {
    const json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    if (!json || typeof json !== "object") return false;
    return !PLACEHOLDER_WORDS.test(Object.values(json).join(" "));
  } catch {
    return false;
  }
}

/** Shows enough of a secret to find it, never the whole of it. */
const masked = (value: string) => (value.length <= 8 ? "…" : `${value.slice(0, 6)}…`);

export function findSecrets(t: PersonaText): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    for (const m of t.text.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const value = m[rule.group ?? 0] ?? "";
      if (rule.name === "a password in a URL") {
        if (passwordIsPlaceholder(m[1]!, value, m[3]!)) continue;
      } else if (rule.name === "a private key") {
        if (!rule.accept!(value)) continue;
      } else if (isPlaceholder(value) || (rule.accept && !rule.accept(value))) continue;
      taken.push([start, end]);
      const line = lineOf(t, start);
      const shown = rule.name === "a private key" ? "" : ` (${masked(value)})`;
      findings.push({
        rule: "secret",
        level: "refuse",
        line,
        message: `Line ${line} holds what looks like ${rule.name}${shown}. Anyone chatting with the persona could read it: remove it (and revoke it, since it has been shared), or write a placeholder such as YOUR_API_KEY.`,
      });
    }
  }
  return findings.sort((a, b) => a.line! - b.line!);
}
