import "server-only";
import { cookies } from "next/headers";
import { getViewer } from "@/lib/auth/viewer";
import type { Executor } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { moveConversations } from "@/lib/db/queries/conversations";
import { moveDailyUsage } from "@/lib/db/queries/usage";
import { deleteUser, getUserById } from "@/lib/db/queries/users";
import type { Tier } from "@/lib/tiers";
import { GUEST_COOKIE, readGuestCookie } from "./guest";

/** Who is chatting: a signed-in user, a guest kept by cookie, or a visitor with neither yet. */
export type ChatActor =
  | { kind: "user"; userId: string; tier: Tier }
  | { kind: "guest"; userId: string; tier: "free" }
  | { kind: "visitor"; userId: null; tier: "free" };

export async function getChatActor(): Promise<ChatActor> {
  const viewer = await getViewer();
  if (viewer) return { kind: "user", userId: viewer.id, tier: viewer.tier };
  const guestId = readGuestCookie((await cookies()).get(GUEST_COOKIE)?.value);
  const guest = guestId ? await getUserById({ db: getDb(), id: guestId }) : undefined;
  if (guest?.isGuest) return { kind: "guest", userId: guest.id, tier: "free" };
  return { kind: "visitor", userId: null, tier: "free" };
}

/** Signing up or in keeps a guest's conversations and today's usage; the guest itself goes. */
export async function adoptGuest({
  db,
  guestId,
  userId,
}: {
  db: Executor;
  guestId: string | null;
  userId: string;
}): Promise<number> {
  if (!guestId || guestId === userId) return 0;
  const guest = await getUserById({ db, id: guestId });
  if (!guest?.isGuest) return 0;
  const moved = await moveConversations({ db, fromUserId: guestId, toUserId: userId });
  await moveDailyUsage({ db, fromUserId: guestId, toUserId: userId });
  await deleteUser({ db, id: guestId });
  return moved;
}
