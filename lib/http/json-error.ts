import { headers as requestHeaders } from "next/headers";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { DatabaseUnavailable, isDatabaseUnavailable, noteDatabaseError } from "@/lib/db/outage";
import { AppError } from "@/lib/errors";
import { REQUEST_ID_HEADER } from "@/lib/http/request-log";
import { audit, log } from "@/lib/log";

export type ErrorBody = {
  error: { code: string; message: string; requestId?: string; fields?: Record<string, string> };
};

/** The id the server stamped on the request being answered (the same one as `X-Request-Id`). */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await requestHeaders()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined; // outside a request (unit tests, scripts)
  }
}

/**
 * `{ error: { code, message, requestId } }` with the AppError's status, and `Retry-After` when the
 * error passes by itself (`retryAfterSeconds()`). A database that does not answer is a 503
 * (lib/db/outage.ts). Other unknown errors become a bare 500; their cause goes
 * to the log under the same request id, never to the client.
 */
export async function jsonError(
  error: unknown,
  extraHeaders?: HeadersInit,
): Promise<NextResponse<ErrorBody>> {
  const requestId = await currentRequestId();
  const id = requestId ? { requestId } : {};
  if (!(error instanceof AppError) && isDatabaseUnavailable(error)) {
    log.warn({ ...id, event: "db.unavailable", err: error }, "db.unavailable");
    noteDatabaseError(error);
    error = new DatabaseUnavailable();
  }
  const headers = new Headers(extraHeaders);
  if (error instanceof AppError) {
    const retryAfter = error.retryAfterSeconds();
    if (retryAfter !== undefined && !headers.has("Retry-After"))
      headers.set("Retry-After", String(retryAfter));
    if (error.code === "forbidden") audit("access.denied", { ...id, reason: error.message.slice(0, 120) });
    if (error.code === "rate_limited") audit("rate.limited", { ...id });
    return NextResponse.json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...id,
          ...(error.details && { fields: error.details }),
        },
      },
      { status: error.status, headers },
    );
  }
  log.error({ ...id, err: error }, "request.failed");
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again.", ...id } },
    { status: 500, headers },
  );
}

/** A zod failure as a 400 that names each bad field. */
export function invalidInput(error: z.ZodError, what = "query"): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || what] ??= issue.message;
  const summary = Object.entries(fields)
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
  return new AppError("bad_request", `Invalid ${what}: ${summary}`, fields);
}

/** URLSearchParams -> plain object; a key given twice becomes an array so zod can refuse it. */
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
