import "server-only";
import { lockKeys } from "@/lib/db/dialect";
import type { Db, Executor } from "@/lib/db/client";
import {
  clearWindowEvents,
  deleteLatestWindowEvent,
  listWindowEventTimes,
  pruneWindowEvents,
  recordWindowEvents,
} from "@/lib/db/queries/window-events";
import { addressGroup } from "@/lib/limits/address";
import { windowDecision, type LimitDecision, type Window } from "@/lib/limits/window";
import { SIGN_IN_LIMITS } from "@/lib/tiers";

export type { LimitDecision };

/**
 * Who is trying: the account's email (absent when the form had none), the client address, and the
 * browser's device id when it carries a device cookie signed for that email (lib/auth/device-cookie).
 */
export type SignInSubject = { email?: string; ip: string; device?: string | null };

// The address group never contains a space, so "group email" names one pair only.
const PAIR = "sign-in:pair:";
const ACCOUNT = "sign-in:account:";
const ADDRESS = "sign-in:address:";
const KNOWN = "sign-in:known:";
const DEVICE = "sign-in:device:";

const pairKey = (email: string, group: string) => `${PAIR}${group} ${email}`;
const knownKey = (email: string, group: string) => `${KNOWN}${group} ${email}`;

type Counter = { key: string; window: Window; skipAtKnownAddress?: boolean };

function countersFor({ email, ip, device }: SignInSubject): Counter[] {
  const group = addressGroup(ip);
  const counters: Counter[] = [{ key: `${ADDRESS}${group}`, window: SIGN_IN_LIMITS.address }];
  // From the owner's own browser, that browser's failures are what count for the account: neither a
  // guesser sharing the address nor guessers everywhere can lock it.
  if (email && device) counters.push({ key: `${DEVICE}${device}`, window: SIGN_IN_LIMITS.accountAtAddress });
  else if (email) {
    counters.push({ key: pairKey(email, group), window: SIGN_IN_LIMITS.accountAtAddress });
    counters.push({ key: `${ACCOUNT}${email}`, window: SIGN_IN_LIMITS.account, skipAtKnownAddress: true });
  }
  return counters;
}

async function isKnownAddress(db: Executor, { email, ip }: SignInSubject, now: Date): Promise<boolean> {
  if (!email) return false;
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.knownAddressMs);
  return (await listWindowEventTimes({ db, key: knownKey(email, addressGroup(ip)), since })).length > 0;
}

/**
 * Refused while any counter is full: this address across accounts, and either this account from this
 * browser (when it holds the account's device cookie) or this account at this address and (except at
 * an address the account signed in from lately) this account from everywhere.
 */
export async function checkSignInLimit({
  db,
  subject,
  now = new Date(),
}: {
  db: Executor;
  subject: SignInSubject;
  now?: Date;
}): Promise<LimitDecision> {
  const known = await isKnownAddress(db, subject, now);
  let retryAfterSeconds = 0;
  for (const { key, window, skipAtKnownAddress } of countersFor(subject)) {
    if (skipAtKnownAddress && known) continue;
    const times = await listWindowEventTimes({ db, key, since: new Date(now.getTime() - window.windowMs) });
    const decision = windowDecision(times, window, now);
    if (decision.limited) retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
  }
  return retryAfterSeconds > 0 ? { limited: true, retryAfterSeconds } : { limited: false };
}

/**
 * Counts an attempt as a failure before its password is checked (check and count in one write
 * transaction), so parallel guesses cannot all slip under the limit while the hashes are being
 * verified: 40 at once from one address on one account check at most ten passwords. A correct
 * password then takes its attempt back with `releaseSignInAttempt`.
 */
export async function reserveSignInAttempt({
  db,
  subject,
  now = new Date(),
}: {
  db: Db;
  subject: SignInSubject;
  now?: Date;
}): Promise<LimitDecision> {
  return await db.transaction(
    async (tx) => {
      await lockKeys(
        tx,
        countersFor(subject).map((c) => c.key),
      );
      const decision = await checkSignInLimit({ db: tx, subject, now });
      if (!decision.limited) {
        await recordWindowEvents({ db: tx, keys: countersFor(subject).map((c) => c.key), at: now });
      }
      if (Math.random() < 0.01) await pruneSignInEvents({ db: tx, now });
      return decision;
    },
    { behavior: "immediate" },
  );
}

/**
 * The attempt was the owner's, with the right password: it was not a failure after all. Their earlier
 * typos at this address are forgiven and the address is remembered as theirs. The account-wide and
 * address-wide counts stay: one success must not reset a guesser's progress elsewhere.
 */
export async function releaseSignInAttempt({
  db,
  subject,
  now = new Date(),
}: {
  db: Db;
  subject: SignInSubject;
  now?: Date;
}) {
  await db.transaction(async (tx) => {
    for (const { key } of countersFor(subject)) await deleteLatestWindowEvent({ db: tx, key });
    if (!subject.email) return;
    const group = addressGroup(subject.ip);
    await clearWindowEvents({
      db: tx,
      keys: [
        pairKey(subject.email, group),
        knownKey(subject.email, group),
        ...(subject.device ? [`${DEVICE}${subject.device}`] : []),
      ],
    });
    await recordWindowEvents({ db: tx, keys: [knownKey(subject.email, group)], at: now });
  });
}

/**
 * A new account's sign-up is its first sign-in: the address it came from is remembered as its own,
 * so guessers elsewhere filling the account-wide count cannot lock the owner out there.
 */
export async function rememberSignUpAddress({
  db,
  subject,
  now = new Date(),
}: {
  db: Db;
  subject: Required<Omit<SignInSubject, "device">>;
  now?: Date;
}) {
  await recordWindowEvents({ db, keys: [knownKey(subject.email, addressGroup(subject.ip))], at: now });
}

/** Each kind of sign-in event is kept as long as its window needs it, and no longer. */
async function pruneSignInEvents({ db, now }: { db: Executor; now: Date }) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  await pruneWindowEvents({ db, keyPrefix: PAIR, before: ago(SIGN_IN_LIMITS.accountAtAddress.windowMs) });
  await pruneWindowEvents({ db, keyPrefix: ACCOUNT, before: ago(SIGN_IN_LIMITS.account.windowMs) });
  await pruneWindowEvents({ db, keyPrefix: ADDRESS, before: ago(SIGN_IN_LIMITS.address.windowMs) });
  await pruneWindowEvents({ db, keyPrefix: KNOWN, before: ago(SIGN_IN_LIMITS.knownAddressMs) });
  await pruneWindowEvents({ db, keyPrefix: DEVICE, before: ago(SIGN_IN_LIMITS.accountAtAddress.windowMs) });
}
