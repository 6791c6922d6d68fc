import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getLiveSession } from "@/lib/db/queries/sessions";
import { noteRequestActor, REQUEST_ID_HEADER } from "@/lib/http/request-log";
import type { Tier } from "@/lib/tiers";
import { decodeSessionToken, sessionCookieName, sessionIdleMs } from "./session-cookie";

export type Viewer = {
  id: string;
  email: string;
  name: string | null;
  /** Read from SQLite on every request; never from the token or the client. */
  tier: Tier;
  tierSince: Date;
  tierSource: string;
  isGuest: boolean;
  sessionId: string;
};

/** Who is asking: the signed-in user with their current tier, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = await decodeSessionToken((await cookies()).get(sessionCookieName())?.value);
  if (!token) return null;
  const live = await getLiveSession({
    db: getDb(),
    id: token.sid,
    userId: token.uid,
    idleMs: sessionIdleMs(),
  });
  if (!live || live.user.isGuest) return null;
  const { user, session } = live;
  noteRequestActor((await headers()).get(REQUEST_ID_HEADER), user.id);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    tier: user.tier,
    tierSince: user.tierSince,
    tierSource: user.tierSource,
    isGuest: user.isGuest,
    sessionId: session.id,
  };
});
