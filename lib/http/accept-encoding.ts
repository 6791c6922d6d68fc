import type http from "node:http";

/**
 * Accept-Encoding as RFC 9110 (12.5.3) reads it: a list of codings, each with an optional weight
 * `;q=` from 0 to 1 (at most three decimals); names and the `q` are case-insensitive, spaces may
 * surround `;`. A coding is acceptable when named with q > 0, or when not named and `*` is, with
 * q > 0; q = 0 means "not acceptable". `x-gzip` is gzip (RFC 9110 8.4.1.3).
 */
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** Each coding named in the header with its weight (0 for a weight that does not parse). */
export function parseAcceptEncoding(value: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of value.split(",")) {
    const [name = "", ...params] = member.split(";").map((part) => part.trim());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const eq = param.indexOf("=");
      if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== "q") continue;
      const raw = param.slice(eq + 1).trim();
      q = QVALUE.test(raw) ? Number(raw) : 0; // a weight that does not parse accepts nothing
    }
    const coding = name.toLowerCase() === "x-gzip" ? "gzip" : name.toLowerCase();
    // Named twice: the lower weight holds (never send what the client refused once).
    weights.set(coding, Math.min(q, weights.get(coding) ?? 1));
  }
  return weights;
}

/**
 * Whether the response may be gzip. Without the header the client gets the identity form: the RFC
 * allows any coding then, but a client that sends nothing is better served plainly.
 */
export function acceptsGzip(req: Pick<http.IncomingMessage, "headers">): boolean {
  const value = req.headers["accept-encoding"];
  if (typeof value !== "string") return false;
  const weights = parseAcceptEncoding(value);
  const q = weights.get("gzip") ?? weights.get("*") ?? 0;
  return q > 0;
}
