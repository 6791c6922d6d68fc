import { driverError } from "@/lib/db/outage";

const MAX = 300;

/** Drizzle's "Failed query: … params: …" and quoted values a driver echoes: user text, never logged. */
function scrub(text: string): string {
  const withoutParams = text.replace(/\nparams: [\s\S]*$/, "\nparams: [redacted]");
  // The statement itself is the code's (values are parameters); anything else may quote a value.
  if (/^(\w*Error: )?Failed query:/.test(text)) return withoutParams.slice(0, 2 * MAX);
  return withoutParams.replace(/"[^"\n]*"|'[^'\n]*'/g, '"…"').slice(0, MAX);
}

type Described = { type: string; message: string; code?: string; stack?: string; cause?: Described };

function describe(value: unknown, depth = 0): Described | string {
  if (typeof value === "string") return scrub(value);
  if (!(value instanceof Error)) return scrub(String(value));
  const code = (value as { code?: unknown }).code;
  const out: Described = {
    type: value.name,
    message: scrub(value.message),
    ...(typeof code === "string" && { code }),
    // Only the frames: the stack's first line repeats the message.
    ...(value.stack && {
      stack: value.stack
        .split("\n")
        .filter((l) => l.startsWith("    at "))
        .join("\n"),
    }),
  };
  const cause = driverError(value) !== value ? driverError(value) : value.cause;
  if (cause !== undefined && depth < 3) {
    const inner = describe(cause, depth + 1);
    if (typeof inner !== "string") out.cause = inner;
  }
  return out;
}

/**
 * The logger's `err` serializer: the error's type, code, frames and message, with SQL parameters
 * and quoted values taken out (a failed INSERT's parameters are a user's title or message).
 */
export function serializeError(value: unknown): Described | string {
  return describe(value);
}
