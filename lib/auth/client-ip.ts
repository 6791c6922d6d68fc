import "server-only";
import { env } from "@/lib/env";
import { PEER_HEADER, readPeer } from "@/lib/http/peer-header";
import { normalizeAddress } from "@/lib/limits/address";

type HeaderBag = { get(name: string): string | null };

/**
 * The client's address. X-Forwarded-For is believed only as far as TRUSTED_PROXY_HOPS allows:
 * with none, a forged header changes nothing and the TCP peer counts.
 */
export function clientIp(headers: HeaderBag): string {
  return normalizeAddress(rawClientIp(headers));
}

function rawClientIp(headers: HeaderBag): string {
  const peer = readPeer(headers.get(PEER_HEADER)) ?? "unknown";
  const hops = env().trustedProxyHops;
  if (hops === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  chain.push(peer);
  // The last `hops` entries were added by our own proxies; the one before them is the client.
  return chain[Math.max(0, chain.length - 1 - hops)] ?? peer;
}
