import { randomBytes } from "node:crypto";
import http from "node:http";
import { stampRequest } from "./request-log";

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

export function installPeerHeader() {
  if ((http.Server.prototype as { personaPeer?: boolean }).personaPeer) return;
  const token = peerToken();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? "unknown"}`;
      stampRequest(req, args[1] as http.ServerResponse);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  (http.Server.prototype as { personaPeer?: boolean }).personaPeer = true;
}

/** The stamped peer address, or undefined when the stamp is missing or forged. */
export function readPeer(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const [token, address] = value.split(" ");
  return token === peerToken() && address ? address : undefined;
}
