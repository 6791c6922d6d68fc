import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** `{ error: { code, message } }` with the AppError's status. Unknown errors become a bare 500. */
export function jsonError(error: unknown, headers?: HeadersInit): NextResponse<ErrorBody> {
  if (error instanceof AppError) {
    return NextResponse.json(
      {
        error: { code: error.code, message: error.message, ...(error.details && { fields: error.details }) },
      },
      { status: error.status, headers },
    );
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
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
