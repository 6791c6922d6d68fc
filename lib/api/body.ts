import "server-only";
import { AppError } from "@/lib/errors";
import { invalidInput } from "@/lib/http/json-error";
import { readBodyText } from "@/lib/http/read-body";
import { API_BODY_MAX_BYTES, chatCompletionRequestSchema, type ChatCompletionRequest } from "./schema";

/** The chat completion request body, parsed: 413 past the size limit, 400 naming the bad field. */
export async function readCompletionRequest(request: Request): Promise<ChatCompletionRequest> {
  const raw = await readBodyText(request, API_BODY_MAX_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  const parsed = chatCompletionRequestSchema.safeParse(json);
  if (!parsed.success) throw invalidInput(parsed.error, "request");
  return parsed.data;
}
