import "server-only";
import { lockKeys } from "@/lib/db/dialect";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import {
  getStripeSubscription,
  getUserByStripeCustomerId,
  recordStripeEvent,
  saveStripeSubscription,
  setStripeCustomerId,
  type StripeSubscriptionState,
} from "@/lib/db/queries/stripe";
import { setUserTier } from "@/lib/db/queries/tiers";
import { getUserById } from "@/lib/db/queries/users";
import { type Tier, tierAtLeast } from "@/lib/tiers";

export type StripePrices = { pro?: string; max?: string };

/** Statuses in which Stripe still expects the customer to have what they pay for. */
const PAYING = new Set(["active", "trialing", "past_due"]);
/** Statuses a subscription never leaves. */
const ENDED = new Set(["canceled", "incomplete_expired"]);
const SUBSCRIPTION_EVENTS = [
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
];

// Stripe sends a bare id unless the field was expanded.
const objectRef = z
  .union([z.string().min(1), z.object({ id: z.string().min(1) })])
  .transform((ref) => (typeof ref === "string" ? ref : ref.id));
const metadataSchema = z.looseObject({ userId: z.string().min(1).optional() }).nullish();

const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  customer: objectRef.nullish(),
  client_reference_id: z.string().min(1).nullish(),
  metadata: metadataSchema,
});
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

const subscriptionSchema = z.object({
  id: z.string().min(1),
  customer: objectRef,
  status: z.string().min(1),
  metadata: metadataSchema,
  items: z.object({ data: z.array(z.object({ price: z.object({ id: z.string().min(1) }).nullish() })) }),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

const envelopeSchema = z.object({
  id: z
    .string()
    .max(255)
    .regex(/^evt_\S+$/, "must be a Stripe event id (evt_…)"),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  data: z.object({ object: z.looseObject({}) }),
});

type Envelope = { id: string; type: string; created: number };
export type StripeEvent = Envelope &
  (
    | { kind: "checkout"; session: CheckoutSession }
    | { kind: "subscription"; subscription: Subscription; deleted: boolean }
    | { kind: "other" }
  );

function parseObject<T extends z.ZodType>(
  schema: T,
  value: unknown,
  ctx: z.RefinementCtx,
): z.output<T> | typeof z.NEVER {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: ["data", "object", ...issue.path] });
  }
  return z.NEVER;
}

/** A Stripe event: the envelope, and for the types handled here, the object checked field by field. */
export const stripeEventSchema = envelopeSchema.transform((event, ctx): StripeEvent => {
  const envelope = { id: event.id, type: event.type, created: event.created };
  if (event.type === "checkout.session.completed") {
    return {
      ...envelope,
      kind: "checkout",
      session: parseObject(checkoutSessionSchema, event.data.object, ctx),
    };
  }
  if (SUBSCRIPTION_EVENTS.includes(event.type)) {
    const subscription = parseObject(subscriptionSchema, event.data.object, ctx);
    return {
      ...envelope,
      kind: "subscription",
      subscription,
      deleted: event.type === "customer.subscription.deleted",
    };
  }
  return { ...envelope, kind: "other" };
});

export type StripeEventResult =
  | { duplicate: true }
  | {
      duplicate: false;
      /**
       * applied: the subscription's tier was applied to its user · linked: a checkout tied a customer to a user ·
       * pending: state stored, no user known yet · stale: older than the state already stored, no effect ·
       * conflict: the customer belongs to another user, no effect · ignored: nothing to do for this event.
       */
      outcome: "applied" | "linked" | "pending" | "stale" | "conflict" | "ignored";
      userId: string | null;
      /** The user's tier afterwards, when the event concerned a user. */
      tier: Tier | null;
      tierChanged: boolean;
    };
type Outcome = Omit<Extract<StripeEventResult, { duplicate: false }>, "duplicate">;

const nothing = (outcome: Outcome["outcome"]): Outcome => ({
  outcome,
  userId: null,
  tier: null,
  tierChanged: false,
});

/**
 * Applies one verified Stripe event in a single write transaction that also records its id, so a replay
 * or a concurrent copy has no second effect, and a failure leaves the event unrecorded for Stripe to retry.
 */
export async function applyStripeEvent({
  db,
  event,
  prices,
}: {
  db: Db;
  event: StripeEvent;
  prices: StripePrices;
}): Promise<StripeEventResult> {
  return await db.transaction(
    async (tx): Promise<StripeEventResult> => {
      // Events for one customer compare with the state stored before them: one event at a time.
      await lockKeys(tx, ["stripe-events"]);
      if (!(await recordStripeEvent({ db: tx, id: event.id, type: event.type }))) return { duplicate: true };
      switch (event.kind) {
        case "checkout":
          return { duplicate: false, ...(await linkCustomer(tx, event.session, event.id)) };
        case "subscription":
          return { duplicate: false, ...(await applySubscription(tx, event, prices)) };
        default:
          return { duplicate: false, ...nothing("ignored") };
      }
    },
    { behavior: "immediate" },
  );
}

async function linkCustomer(tx: Tx, session: CheckoutSession, eventId: string): Promise<Outcome> {
  const customerId = session.customer;
  const userId = session.client_reference_id ?? session.metadata?.userId;
  if (!customerId || !userId) return nothing("ignored");
  const user = await getUserById({ db: tx, id: userId });
  if (!user) return nothing("ignored");
  const holder = await getUserByStripeCustomerId({ db: tx, customerId });
  if (holder && holder.id !== user.id) {
    console.warn(
      `stripe: customer ${customerId} is already linked to another user; checkout ${session.id} not linked`,
    );
    return { ...nothing("conflict"), userId: user.id, tier: user.tier };
  }
  if (user.stripeCustomerId !== customerId)
    await setStripeCustomerId({ db: tx, userId: user.id, customerId });
  // A subscription event that arrived before this checkout left its state waiting for the link.
  const state = await getStripeSubscription({ db: tx, customerId });
  const applied = state
    ? await applyTier(tx, user, state.tier, eventId)
    : { tier: user.tier, changed: false };
  return { outcome: "linked", userId: user.id, tier: applied.tier, tierChanged: applied.changed };
}

async function applySubscription(
  tx: Tx,
  event: Extract<StripeEvent, { kind: "subscription" }>,
  prices: StripePrices,
): Promise<Outcome> {
  const { subscription } = event;
  const customerId = subscription.customer;
  const status = event.deleted && !ENDED.has(subscription.status) ? "canceled" : subscription.status;
  const incoming = {
    customerId,
    subscriptionId: subscription.id,
    status,
    tier: PAYING.has(status) ? paidTier(subscription, prices) : "free",
    eventCreated: event.created,
  } satisfies Omit<StripeSubscriptionState, "updatedAt">;
  const stored = await getStripeSubscription({ db: tx, customerId });
  if (stored && !supersedes(incoming, stored)) return nothing("stale");
  await saveStripeSubscription({ db: tx, state: incoming });

  const user = await findSubscriber(tx, customerId, subscription.metadata?.userId);
  if (!user) return nothing("pending");
  const applied = await applyTier(tx, user, incoming.tier, event.id);
  return { outcome: "applied", userId: user.id, tier: applied.tier, tierChanged: applied.changed };
}

/** The linked user, else the user our checkout named in the subscription's metadata (linked now if free to). */
async function findSubscriber(
  tx: Tx,
  customerId: string,
  metadataUserId: string | undefined,
): Promise<User | undefined> {
  const linked = await getUserByStripeCustomerId({ db: tx, customerId });
  if (linked || !metadataUserId) return linked;
  const user = await getUserById({ db: tx, id: metadataUserId });
  if (user && !user.stripeCustomerId) await setStripeCustomerId({ db: tx, userId: user.id, customerId });
  return user;
}

/** The highest tier among the subscription's prices that are configured here; an unknown price grants nothing. */
function paidTier(subscription: Subscription, prices: StripePrices): Tier {
  let tier: Tier = "free";
  for (const item of subscription.items.data) {
    const priceId = item.price?.id;
    const itemTier: Tier =
      priceId && priceId === prices.max ? "max" : priceId && priceId === prices.pro ? "pro" : "free";
    if (!tierAtLeast(tier, itemTier)) tier = itemTier;
  }
  return tier;
}

/** How far along its life a status is: at equal event times the later stage wins (so an end beats an active state). */
function stage(status: string): number {
  if (ENDED.has(status)) return 3;
  if (status === "incomplete") return 0;
  if (status === "trialing") return 1;
  return 2;
}

/** Whether the incoming state replaces the stored one: newer wins, whatever order Stripe delivers in. */
function supersedes(
  incoming: Omit<StripeSubscriptionState, "updatedAt">,
  stored: StripeSubscriptionState,
): boolean {
  if (incoming.eventCreated < stored.eventCreated) return false;
  // Another subscription of the customer ending (the old plan after a switch) does not end the live one.
  if (
    incoming.subscriptionId !== stored.subscriptionId &&
    ENDED.has(incoming.status) &&
    PAYING.has(stored.status)
  ) {
    return false;
  }
  if (incoming.eventCreated > stored.eventCreated) return true;
  return stage(incoming.status) >= stage(stored.status);
}

/**
 * Stripe sets a tier it granted (or the default) freely, but only ever raises one granted by a code or an
 * operator: cancelling a subscription must not take away what someone was given.
 */
async function applyTier(
  tx: Tx,
  user: User,
  tier: Tier,
  eventId: string,
): Promise<{ tier: Tier; changed: boolean }> {
  const granted = user.tierSource === "code" || user.tierSource === "operator";
  if (granted && tierAtLeast(user.tier, tier)) return { tier: user.tier, changed: false };
  const result = await setUserTier({ db: tx, userId: user.id, tier, source: "stripe", reference: eventId });
  return { tier, changed: result?.changed ?? false };
}
