import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";

/** The studio's and moderation's JSON bodies (route()'s `maxBytes`): drafts are capped far below this. */
export const JSON_BODY_MAX = 256 * 1024;

/** A signed-in account (a visitor or a guest: 401). */
export async function requireAccount(action: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) throw new AppError("unauthorized", `Sign in to ${action}.`);
  return viewer;
}

/** The creators' and moderators' JSON answers: their own data, never cached. */
export function privateJson(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
}

const uuid = z.string().uuid();

/** The id of a draft or picture in a route param; a malformed one names nothing (404, `what`). */
export function idParam(value: unknown, what: string): string {
  const id = uuid.safeParse(value);
  if (!id.success) throw new AppError("not_found", `No such ${what}.`);
  return id.data;
}
