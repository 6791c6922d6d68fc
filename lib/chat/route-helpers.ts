import "server-only";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/http/json-error";
import { readBodyText } from "@/lib/http/read-body";
import type { z } from "zod";
import { getChatActor, type ChatActor } from "@/lib/auth/actor";
import { conversationIdSchema } from "./validation";

/** The actor, who must have chatted before (a user or a known guest): visitors own nothing, so 404. */
export async function requireOwner(
  rawId: string,
): Promise<{ actor: ChatActor & { userId: string }; id: string }> {
  const id = conversationIdSchema.safeParse(rawId);
  if (!id.success) throw new AppError("not_found", "There is no conversation with that id.");
  const actor = await getChatActor();
  if (!actor.userId) throw new AppError("not_found", "There is no conversation with that id.");
  return { actor: actor as ChatActor & { userId: string }, id: id.data };
}

export async function parseJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = 16 * 1024,
): Promise<z.infer<T>> {
  const raw = await readBodyText(request, maxBytes);
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : {};
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidInput(parsed.error, "request");
  return parsed.data;
}
