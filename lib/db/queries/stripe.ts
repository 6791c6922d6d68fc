import "server-only";
import { eq, type InferSelectModel } from "drizzle-orm";
import { first } from "../dialect";
import type { Executor } from "../client";
import { stripeEvents, stripeSubscriptions, users, type User } from "../schema";

export type StripeSubscriptionState = InferSelectModel<typeof stripeSubscriptions>;

/** Records a Stripe event id; false when it was already recorded (a replay), true for exactly one caller. */
export async function recordStripeEvent({
  db,
  id,
  type,
}: {
  db: Executor;
  id: string;
  type: string;
}): Promise<boolean> {
  const row = await db
    .insert(stripeEvents)
    .values({ id, type })
    .onConflictDoNothing()
    .returning({ id: stripeEvents.id })
    .then(first);
  return row !== undefined;
}

export async function getStripeSubscription({
  db,
  customerId,
}: {
  db: Executor;
  customerId: string;
}): Promise<StripeSubscriptionState | undefined> {
  return db
    .select()
    .from(stripeSubscriptions)
    .where(eq(stripeSubscriptions.customerId, customerId))
    .then(first);
}

export async function saveStripeSubscription({
  db,
  state,
}: {
  db: Executor;
  state: Pick<StripeSubscriptionState, "customerId" | "subscriptionId" | "status" | "tier" | "eventCreated">;
}) {
  const values = { ...state, updatedAt: new Date() };
  await db
    .insert(stripeSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: stripeSubscriptions.customerId, set: values });
}

export async function getUserByStripeCustomerId({
  db,
  customerId,
}: {
  db: Executor;
  customerId: string;
}): Promise<User | undefined> {
  return db.select().from(users).where(eq(users.stripeCustomerId, customerId)).then(first);
}

export async function setStripeCustomerId({
  db,
  userId,
  customerId,
}: {
  db: Executor;
  userId: string;
  customerId: string;
}) {
  await db.update(users).set({ stripeCustomerId: customerId }).where(eq(users.id, userId));
}
