import { isIPv4, isIPv6 } from "node:net";

/**
 * One spelling per address, as proxies write them in X-Forwarded-For: `1.2.3.4:5678` (with a port),
 * `[2001:db8::1]` and `[2001:db8::1]:443` (bracketed, with a port), quoted, or in capitals all
 * become the bare address, so none of them counts as a new one.
 */
export function normalizeAddress(raw: string): string {
  let ip = raw
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else {
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(ip);
    if (withPort) ip = withPort[1]!;
  }
  return ip.toLowerCase();
}

/**
 * The unit limits count per client: an IPv4 address, or an IPv6 /64 (one household or host gets a
 * whole /64, so counting single IPv6 addresses would let it change address per request).
 */
export function addressGroup(raw: string): string {
  const ip = normalizeAddress(raw);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  const bare = ip.split("%")[0]!;
  if (!isIPv6(bare)) return ip.slice(0, 64);
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = bare.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
