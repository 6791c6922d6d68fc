import "server-only";
import { lockKeys } from "@/lib/db/dialect";
import type { Executor } from "@/lib/db/client";
import { addDailyUsage, getChatLoad, subtractDailyUsage } from "@/lib/db/queries/usage";
import { AppError } from "@/lib/errors";
import { releaseWindow } from "@/lib/limits/window";
import { recordSignInFailure } from "@/lib/db/queries/sign-in-failures";
import type { ChatActor } from "@/lib/auth/actor";
import { dailyLimit, nextReset, streamLimit, usageDay } from "./quota";

export class QuotaExceeded extends AppError {
  constructor(
    readonly limit: number,
    readonly resetAt: Date,
  ) {
    super(
      "rate_limited",
      `You have used all ${limit} messages for today. Your allowance resets at ${resetAt.toISOString().replace(".000Z", "Z")} (midnight UTC).`,
      // For the chat page to say the time in the reader's own zone.
      { limit: String(limit), resetAt: resetAt.toISOString() },
    );
  }
  override retryAfterSeconds(now = new Date()) {
    return Math.max(1, Math.ceil((this.resetAt.getTime() - now.getTime()) / 1000));
  }
}

export class TooManyStreams extends AppError {
  constructor(readonly limit: number) {
    super(
      "rate_limited",
      `You already have ${limit === 1 ? "a reply" : `${limit} replies`} being written. Wait for ${limit === 1 ? "it" : "one"} to finish, then send again.`,
    );
  }
  override retryAfterSeconds() {
    return 5;
  }
}

/**
 * API replies are not stored, so they are counted as events in the keyed log the address limits use
 * (shared by every server process): one per reply, taken back when it ends. One left behind by a
 * crashed process stops counting after this long.
 */
const API_REPLY_WINDOW_MS = 10 * 60_000;
const apiReplyKey = (userId: string) => `api-reply:${userId}`;

/** What the limits weigh for a user now: today's messages, and replies being written (web chat and API). */
async function chatLoad({ db, userId, now }: { db: Executor; userId: string; now: Date }) {
  const load = await getChatLoad({
    db,
    userId,
    day: usageDay(now),
    apiKey: apiReplyKey(userId),
    since: new Date(now.getTime() - API_REPLY_WINDOW_MS),
  });
  return { today: load.today, replies: load.streaming + load.api };
}

/** Replies being written for a user right now, in the web chat and through the API together. */
export async function countActiveReplies(args: { db: Executor; userId: string; now: Date }): Promise<number> {
  return (await chatLoad(args)).replies;
}

/**
 * The limits every message to a model passes, from the web chat or the API (one quota per user):
 * today's messages (429 until midnight UTC), then replies being written at once (429). Run inside
 * the caller's write transaction, before the message is counted.
 */
export async function assertWithinLimits({
  db,
  actor,
  now,
}: {
  db: Executor;
  actor: Pick<ChatActor, "kind" | "tier"> & { userId: string };
  now: Date;
}) {
  // These checks and the count the caller then adds are one step for this user, on any instance.
  await lockKeys(db, [`chat-user:${actor.userId}`]);
  const limit = dailyLimit(actor);
  // Counted from the database, not this process's runs, so the caps hold across server processes.
  const load = await chatLoad({ db, userId: actor.userId, now });
  if (load.today >= limit) throw new QuotaExceeded(limit, nextReset(now));
  if (load.replies >= streamLimit(actor)) throw new TooManyStreams(streamLimit(actor));
}

/** An API message let in: within the limits, counted for today, and holding a reply slot. */
export async function admitApiMessage({
  db,
  actor,
  now,
}: {
  db: Executor;
  actor: Pick<ChatActor, "kind" | "tier"> & { userId: string };
  now: Date;
}): Promise<{ day: string }> {
  await assertWithinLimits({ db, actor, now });
  const day = usageDay(now);
  await addDailyUsage({ db, userId: actor.userId, day });
  await recordSignInFailure({ db, keys: [apiReplyKey(actor.userId)], at: now });
  return { day };
}

/**
 * An API reply ended: its slot is free. One that failed before any text is not a message the caller
 * got, so, as in the web chat, it does not count against today's quota.
 */
export async function endApiReply({
  db,
  userId,
  day,
  gotReply,
}: {
  db: Executor;
  userId: string;
  day: string;
  gotReply: boolean;
}) {
  await releaseWindow({ db, key: apiReplyKey(userId) });
  if (!gotReply) await subtractDailyUsage({ db, userId, day });
}
