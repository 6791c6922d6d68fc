import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError } from "@/lib/http/json-error";
import { readBodyText } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** The studio's and moderation's JSON bodies: drafts are capped far below this. */
export const JSON_BODY_MAX = 256 * 1024;

/** A signed-in account (a visitor or a guest: 401). */
export async function requireAccount(action: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer || viewer.isGuest) throw new AppError("unauthorized", `Sign in to ${action}.`);
  return viewer;
}

/** A JSON body checked by the schema: malformed JSON or a bad field is a 400, too large a 413. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await readBodyText(request, JSON_BODY_MAX);
  let value: unknown;
  try {
    value = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, "body");
  return parsed.data;
}

/**
 * The creator and moderation handlers' frame: same-origin check for writes, the handler's JSON
 * (never cached), and every failure as `{ error: { code, message } }`.
 */
export function creatorRoute<C>(handler: (request: Request, context: C) => Promise<unknown>) {
  return async (request: Request, context: C) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      const body = await handler(request, context);
      if (body instanceof Response) return body;
      return NextResponse.json(body ?? { ok: true }, { headers: { "Cache-Control": "private, no-store" } });
    } catch (error) {
      return jsonError(error);
    }
  };
}

export type DraftContext = { params: Promise<{ draftId: string }> };

/** The draft id of a studio route; a malformed one names no draft (404). */
export async function draftIdOf(context: DraftContext): Promise<string> {
  const id = z
    .string()
    .uuid()
    .safeParse((await context.params).draftId);
  if (!id.success) throw new AppError("not_found", "No such draft.");
  return id.data;
}
