import "server-only";
import { eq, type InferSelectModel } from "drizzle-orm";
import type { Executor } from "../client";
import { stripeEvents, stripeSubscriptions, users, type User } from "../schema";

export type StripeSubscriptionState = InferSelectModel<typeof stripeSubscriptions>;

/** Records a Stripe event id; false when it was already recorded (a replay), true for exactly one caller. */
export function recordStripeEvent({ db, id, type }: { db: Executor; id: string; type: string }): boolean {
  const row = db
    .insert(stripeEvents)
    .values({ id, type })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id })
    .get();
  return row !== undefined;
}

export function getStripeSubscription({
  db,
  customerId,
}: {
  db: Executor;
  customerId: string;
}): StripeSubscriptionState | undefined {
  return db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.customerId, customerId)).get();
}

export function saveStripeSubscription({
  db,
  state,
}: {
  db: Executor;
  state: Pick<StripeSubscriptionState, "customerId" | "subscriptionId" | "status" | "tier" | "eventCreated">;
}) {
  const values = { ...state, updatedAt: new Date() };
  db.insert(stripeSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: stripeSubscriptions.customerId, set: values })
    .run();
}

export function getUserByStripeCustomerId({
  db,
  customerId,
}: {
  db: Executor;
  customerId: string;
}): User | undefined {
  return db.select().from(users).where(eq(users.stripeCustomerId, customerId)).get();
}

export function setStripeCustomerId({
  db,
  userId,
  customerId,
}: {
  db: Executor;
  userId: string;
  customerId: string;
}) {
  db.update(users).set({ stripeCustomerId: customerId }).where(eq(users.id, userId)).run();
}
