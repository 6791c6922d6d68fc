import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { readBodyText } from "@/lib/http/read-body";
import { ApiError } from "./errors";
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
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}

/**
 * The first problem of a request, as OpenAI words it: `param` names the field (`messages[0].role`)
 * and the message is one plain sentence ("temperature must be between 0 and 2.").
 */
export function invalidRequest(error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  const param = issue.path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
  const text = plainIssue(issue);
  // A message that is a sentence of its own ("tools are not supported…") does not repeat the field.
  const sentence = param && !text.startsWith(param.split(/[.[]/)[0]!) ? `${param} ${text}` : text;
  const capital = sentence.startsWith(param) ? sentence : `${sentence[0]!.toUpperCase()}${sentence.slice(1)}`;
  return new ApiError(
    "bad_request",
    `${capital}${/[.!?]$/.test(capital) ? "" : "."}`,
    "invalid_request_error",
    param || null,
  );
}

/** zod's default wording ("Invalid input: expected string, received number") made plain. */
function plainIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && /^Invalid input/.test(issue.message))
    return issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`;
  if (issue.code === "unrecognized_keys") return `has unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "too_big" && /^Too big/.test(issue.message)) return `must be at most ${issue.maximum}`;
  if (issue.code === "too_small" && /^Too small/.test(issue.message))
    return `must be at least ${issue.minimum}`;
  return issue.message;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
