import "server-only";
import { QuotaExceeded, TooManyStreams } from "@/lib/chat/admission";
import { DatabaseUnavailable, isDatabaseUnavailable } from "@/lib/db/outage";
import { AppError, type ErrorCode } from "@/lib/errors";
import { currentRequestId } from "@/lib/http/json-error";
import { audit, log } from "@/lib/log";
import type { OpenAiErrorBody } from "./schema";

/** An AppError that also names OpenAI's `code` (and `param`) for the API's answer. */
export class ApiError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly apiCode: string,
    readonly param: string | null = null,
  ) {
    super(code, message);
  }
}

/**
 * OpenAI's error types by status: what its own API sends (a key it does not know, a model the key
 * may not use, a bad field are all `invalid_request_error`; too many at once is `requests`, running
 * out for the day `insufficient_quota`).
 */
const TYPES: Partial<Record<number, string>> = {
  400: "invalid_request_error",
  401: "invalid_request_error",
  403: "invalid_request_error",
  404: "invalid_request_error",
  409: "invalid_request_error",
  413: "invalid_request_error",
  429: "requests",
};

/** OpenAI's `{ error: { message, type, param, code } }` for an error, in a JSON response with its status. */
export function openAiErrorBody(error: unknown): { status: number; body: OpenAiErrorBody; headers: Headers } {
  const headers = new Headers({ "Content-Type": "application/json", "Cache-Control": "no-store" });
  if (!(error instanceof AppError)) {
    return {
      status: 500,
      headers,
      body: {
        error: {
          message: "Something went wrong on our side. Please try again.",
          type: "server_error",
          param: null,
          code: null,
        },
      },
    };
  }
  const retryAfter = error.retryAfterSeconds();
  if (retryAfter) headers.set("Retry-After", String(retryAfter));
  // The official clients retry 429s and 5xx by themselves; these two will not pass by retrying soon.
  if (error instanceof QuotaExceeded || error.code === "no_model") headers.set("x-should-retry", "false");
  const type =
    error instanceof QuotaExceeded ? "insufficient_quota" : (TYPES[error.status] ?? "server_error");
  const code =
    error instanceof ApiError
      ? error.apiCode
      : error instanceof QuotaExceeded
        ? "daily_quota_exceeded"
        : error instanceof TooManyStreams
          ? "too_many_concurrent_requests"
          : error.code;
  const param = error instanceof ApiError ? error.param : (Object.keys(error.details ?? {})[0] ?? null);
  return { status: error.status, headers, body: { error: { message: error.message, type, param, code } } };
}

export async function openAiError(error: unknown): Promise<Response> {
  const requestId = await currentRequestId();
  const id = requestId ? { requestId } : {};
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    log.warn({ ...id, event: "db.unavailable", err: error }, "db.unavailable");
    error = new DatabaseUnavailable();
  }
  if (error instanceof AppError) {
    if (error.code === "forbidden")
      audit("access.denied", { ...id, via: "api", reason: error.message.slice(0, 120) });
    if (error.code === "rate_limited") audit("rate.limited", { ...id, via: "api" });
  } else {
    log.error({ ...id, err: error }, "request.failed");
  }
  const { status, body, headers } = openAiErrorBody(error);
  return new Response(JSON.stringify(body), { status, headers });
}
