import "server-only";
import type { Executor } from "@/lib/db/client";
import {
  countDraftsSince,
  getCreatorByHandle,
  getCreatorByUser,
  getDraft,
  getDraftForPersona,
  insertCreator,
  insertDraft,
  updateDraftFields,
} from "@/lib/db/queries/creators";
import { getCreatorPersona } from "@/lib/db/queries/creator-personas";
import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/personas";
import { CREATOR_LIMITS, mayRemix } from "@/lib/tiers";
import type { Tier } from "@/lib/personas/schema";
import {
  draftFieldsSchema,
  EMPTY_DRAFT,
  fieldsFromPersona,
  readDraftFields,
  type DraftFields,
} from "./draft";
import { handleOf, handleSchema, isReservedHandle, slugOf } from "./ids";
import { startOfUtcDay } from "./limits";

/** Who may use the studio: a signed-in account (a guest has none to publish under). */
export type Creator = { id: string; tier: Tier; isGuest: boolean };

export async function creatorHandle({ db, userId }: { db: Executor; userId: string }) {
  return (await getCreatorByUser({ db, userId }))?.handle ?? null;
}

export async function requireHandle({ db, userId }: { db: Executor; userId: string }): Promise<string> {
  const handle = await creatorHandle({ db, userId });
  if (!handle) throw new AppError("forbidden", "Choose your public handle in the studio first.");
  return handle;
}

/** Takes a public handle for the user, once; a clear message when it is taken or malformed. */
export async function chooseHandle({ db, userId, input }: { db: Executor; userId: string; input: unknown }) {
  const parsed = handleSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", `Handle ${parsed.error.issues[0]!.message}.`);
  const handle = parsed.data;
  if (isReservedHandle(handle)) throw new AppError("conflict", `The handle "${handle}" is reserved.`);
  if (await creatorHandle({ db, userId }))
    throw new AppError("conflict", "You have chosen your handle already.");
  const created = await insertCreator({ db, userId, handle });
  if (!created) throw new AppError("conflict", `The handle "${handle}" is taken. Choose another.`);
  return handle;
}

async function assertDraftAllowance(db: Executor, userId: string) {
  const made = await countDraftsSince({ db, userId, since: startOfUtcDay() });
  if (made >= CREATOR_LIMITS.draftsPerDay)
    throw new AppError(
      "rate_limited",
      `You have started ${CREATOR_LIMITS.draftsPerDay} drafts today, the daily limit. Continue an existing draft, or come back tomorrow.`,
    );
}

/** A new draft: empty, or with the fields given (an import). */
export async function startDraft({
  db,
  userId,
  fields = EMPTY_DRAFT,
}: {
  db: Executor;
  userId: string;
  fields?: DraftFields;
}) {
  await requireHandle({ db, userId });
  await assertDraftAllowance(db, userId);
  return insertDraft({ db, userId, fields: JSON.stringify(fields) });
}

/** Saves the editor's fields to the user's own draft (not found for anyone else's). */
export async function saveDraft({
  db,
  userId,
  draftId,
  input,
}: {
  db: Executor;
  userId: string;
  draftId: string;
  input: unknown;
}): Promise<DraftFields> {
  const parsed = draftFieldsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("bad_request", `${issue.path.join(".") || "draft"} ${issue.message}.`);
  }
  const draft = await getDraft({ db, id: draftId, userId });
  if (!draft) throw new AppError("not_found", "No such draft.");
  // A published persona keeps its id: its slug cannot change.
  const fields = draft.personaId ? { ...parsed.data, slug: slugOf(draft.personaId) } : parsed.data;
  await updateDraftFields({ db, id: draftId, userId, fields: JSON.stringify(fields) });
  return fields;
}

/**
 * A draft for the next version of one of the user's published personas: the one they have, or a
 * new one with the published text's fields.
 */
export async function draftForOwnPersona({
  db,
  userId,
  personaId,
}: {
  db: Executor;
  userId: string;
  personaId: string;
}) {
  const row = await getCreatorPersona({ db, id: personaId });
  if (!row || row.userId !== userId) throw new AppError("not_found", "No such persona of yours.");
  const existing = await getDraftForPersona({ db, userId, personaId });
  if (existing) return existing;
  const persona = getCatalog().byId.get(personaId);
  const base = persona
    ? fieldsFromPersona(persona, slugOf(personaId))
    : { ...EMPTY_DRAFT, slug: slugOf(personaId) };
  await assertDraftAllowance(db, userId);
  return insertDraft({
    db,
    userId,
    personaId,
    fields: JSON.stringify({ ...base, version: persona?.version ?? base.version, pictureId: row.pictureId }),
    remixOf: row.remixOf,
    remixOfVersion: row.remixOfVersion,
  });
}

/**
 * A draft copy of a persona whose body the viewer may see, recording where it came from. Paid
 * bodies only for viewers their tier unlocks (the persona's creator always).
 */
export async function remixPersona({
  db,
  user,
  personaId,
}: {
  db: Executor;
  user: Creator;
  personaId: string;
}) {
  const handle = await requireHandle({ db, userId: user.id });
  const persona = getCatalog().byId.get(personaId);
  if (!persona) throw new AppError("not_found", "No such persona.");
  const own = handleOf(personaId) === handle;
  if (!own && !mayRemix(user.tier, persona.tier))
    throw new AppError("forbidden", "Your plan does not unlock this persona, so it cannot be remixed.");
  await assertDraftAllowance(db, user.id);
  const slug = `${(handleOf(personaId) ? slugOf(personaId) : personaId).slice(0, 36)}-remix`;
  return insertDraft({
    db,
    userId: user.id,
    fields: JSON.stringify({
      ...fieldsFromPersona(persona, slug),
      name: `${persona.name} (remix)`.slice(0, 80),
    }),
    remixOf: persona.id,
    remixOfVersion: persona.version,
  });
}

/** The draft's fields, for the user's own draft only. */
export async function loadDraft({ db, userId, draftId }: { db: Executor; userId: string; draftId: string }) {
  const draft = await getDraft({ db, id: draftId, userId });
  if (!draft) return undefined;
  return { draft, fields: readDraftFields(draft.fields) };
}

export { getCreatorByHandle };
