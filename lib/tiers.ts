import { AppError } from "./errors";

/**
 * The one home of tier rules: the tiers, their order, what each unlocks ("may" rules), quotas and
 * limits. Everything here is a pure function of plain values, so any layer may import it and it
 * imports nothing of the app's domains.
 */
export const TIERS = ["free", "pro", "max"] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_ORDER: Record<Tier, number> = { free: 0, pro: 1, max: 2 };

/** Sorts tiers from the cheapest: negative when `a` comes before `b`. */
export const compareTiers = (a: Tier, b: Tier) => TIER_ORDER[a] - TIER_ORDER[b];

export const TIER_LABELS: Record<Tier, string> = { free: "Free", pro: "Pro", max: "Max" };

export const TIER_PLANS: Record<Tier, { price: string; pitch: string }> = {
  free: { price: "$0", pitch: "Every free persona, with a daily message allowance." },
  pro: {
    price: "$12 / month",
    pitch: "Specialist personas for deeper work, ten times the messages, and API access from your own code.",
  },
  max: {
    price: "$30 / month",
    pitch:
      "Every persona, including the principal-level experts, without a daily cap, through the site or the API.",
  },
};

/** Is `tier` the same as `than` or above it? The one place tiers are compared. */
export function tierAtLeast(tier: Tier, than: Tier): boolean {
  return TIER_ORDER[tier] >= TIER_ORDER[than];
}

/** A visitor (null) has the free tier's access; a tier unlocks every persona at or below it. */
export function unlocks(viewerTier: Tier | null, personaTier: Tier): boolean {
  return tierAtLeast(viewerTier ?? "free", personaTier);
}

/** Who is asking, as far as tier rules care: a visitor or guest has the free tier's access only. */
export type Entitled = { kind: "user" | "guest" | "visitor"; tier: Tier };

/**
 * May this actor chat with a persona of this tier? Free personas are open to everyone, guests and
 * visitors included; a paid persona needs a signed-in user whose tier unlocks it.
 */
export function mayChat(actor: Entitled, personaTier: Tier): boolean {
  return personaTier === "free" || (actor.kind === "user" && unlocks(actor.tier, personaTier));
}

/** mayChat as a 403 that says what would open the persona (sign in, or upgrade). */
export function assertMayChat(actor: Entitled, persona: { name: string; tier: Tier }) {
  if (mayChat(actor, persona.tier)) return;
  const plan = `${persona.name} is part of ${TIER_LABELS[persona.tier]}.`;
  throw new AppError(
    "forbidden",
    actor.kind === "user"
      ? `${plan} Upgrade your plan or redeem a code to chat with it.`
      : `${plan} Sign in and upgrade to chat with it.`,
  );
}

/** Replies being written at once, per user (a guest counts as its own user). */
export const CONCURRENT_STREAMS: Record<Tier | "guest", number> = { guest: 1, free: 2, pro: 4, max: 4 };

/**
 * Limits per client address (IPv6 by /64), whatever cookies it sends: new guest identities, guest
 * messages across every guest from the address (the guest daily quota, over a rolling 24 hours),
 * and new accounts.
 */
export const ADDRESS_LIMITS = {
  newGuests: { max: 3, windowMs: 60 * 60_000 },
  guestMessages: { max: 10, windowMs: 24 * 60 * 60_000 },
  signUps: { max: 5, windowMs: 60 * 60_000 },
} as const;

/** Messages per UTC day. Guests are visitors chatting before they sign up. */
export const DAILY_MESSAGE_QUOTA: Record<Tier | "guest", number> = {
  guest: 10,
  free: 50,
  pro: 500,
  max: Number.POSITIVE_INFINITY,
};

/**
 * The OpenAI-compatible API (`/v1/*`) is part of the paid plans: calls from code can come far faster
 * than a person types, and the paid quotas are the ones sized for that. Its messages count against
 * the same daily quota as the web chat.
 */
export const API_ACCESS_TIER: Tier = "pro";

export function hasApiAccess(tier: Tier): boolean {
  return tierAtLeast(tier, API_ACCESS_TIER);
}

/** Live (unrevoked) API keys one account may hold at once. */
export const API_KEYS_MAX = 10;

/**
 * Failed sign-ins (and wrong current passwords on the account page), each over a rolling 15 minutes.
 * - Per account at one address (IPv6 by /64): the limit a guesser meets. It is per pair so that a
 *   guesser elsewhere never locks the owner out at their own address.
 * - Per account from everywhere: ten times higher, reached only by a guesser spread over ten or more
 *   addresses; it caps one account at 9,600 guesses a day. An address where the account signed in
 *   within `knownAddressMs` is not held to it, so even then the owner still gets in from home.
 * - Per address across accounts: three accounts' worth of typos, enough for a shared office or
 *   carrier NAT, while a list of leaked passwords tried from one address moves at two a minute.
 */
export const SIGN_IN_LIMITS = {
  accountAtAddress: { max: 10, windowMs: 15 * 60_000 },
  account: { max: 100, windowMs: 15 * 60_000 },
  address: { max: 30, windowMs: 15 * 60_000 },
  knownAddressMs: 30 * 24 * 60 * 60_000,
} as const;

/**
 * What one creator may do per UTC day, whatever their tier: enough for a day of real work, too few
 * to flood the moderators' queue or the database. A picture is at most 2 MB as uploaded.
 */
export const CREATOR_LIMITS = {
  draftsPerDay: 30,
  submissionsPerDay: 10,
  picturesPerDay: 20,
  pictureBytes: 2 * 1024 * 1024,
  importBytes: 8 * 1024 * 1024,
} as const;

/** A persona's body can be remixed by a viewer whose tier unlocks it (its creator always can). */
export function mayRemix(viewerTier: Tier | null, personaTier: Tier): boolean {
  return unlocks(viewerTier, personaTier);
}

/** The lowest tier a remix may have: never below its original's. */
export const lowestRemixTier = (originalTier: Tier): Tier => originalTier;

/** Creators publish free personas; only a moderator sets a tier above free, and never below the floor. */
export function mayPublishAtTier({
  tier,
  byModerator,
  floor,
}: {
  tier: Tier;
  byModerator: boolean;
  floor: Tier;
}): boolean {
  if (!tierAtLeast(tier, floor)) return false;
  return byModerator || tier === floor;
}
