/** The one error type routes turn into responses: a code, an HTTP status and a safe message. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  no_model: 503,
  model_busy: 503,
  shutting_down: 503,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  /** Seconds for a Retry-After header, for errors that will pass by themselves. */
  retryAfterSeconds(): number | undefined {
    // A restart passes by itself: the client may try again shortly.
    return this.code === "shutting_down" ? 5 : undefined;
  }
}

/** A 429 that knows when it passes. */
export class RateLimited extends AppError {
  constructor(
    message: string,
    readonly seconds: number,
  ) {
    super("rate_limited", message);
  }
  override retryAfterSeconds() {
    return this.seconds;
  }
}
