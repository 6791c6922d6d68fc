import { randomBytes } from "node:crypto";
import type http from "node:http";

/**
 * Next.js keeps a client-sent X-Forwarded-For as it is, so route handlers cannot tell a forged one
 * from the TCP peer. At server start we stamp every request with the peer address and a per-process
 * token; a client cannot forge the token, so lib/auth/client-ip.ts ignores any stamp without it.
 */
export const PEER_HEADER = "x-persona-peer";

const globalForPeer = globalThis as unknown as { personaPeerToken?: string };

export function peerToken(): string {
  return (globalForPeer.personaPeerToken ??= randomBytes(16).toString("hex"));
}

/** Stamps a request with the TCP peer address (and the token that proves the stamp is ours). */
export function stampPeer(req: http.IncomingMessage) {
  req.headers[PEER_HEADER] = `${peerToken()} ${req.socket.remoteAddress ?? "unknown"}`;
}

/** The stamped peer address, or undefined when the stamp is missing or forged. */
export function readPeer(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const [token, address] = value.split(" ");
  return token === peerToken() && address ? address : undefined;
}
