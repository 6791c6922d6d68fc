import "server-only";
import pino, { type Logger } from "pino";
import { logSettings } from "@/lib/env";
import { serializeError } from "@/lib/log-error";

/**
 * The one logger: JSON lines on stdout (pretty in development). Events are named
 * (`auth.sign_in_failed`, `chat.reply_interrupted`) and carry ids, never secrets: no password,
 * token, cookie, API key, prompt or message text. The redact list is a second line of defence.
 */
function makeLogger(): Logger {
  const settings = logSettings();
  const options: pino.LoggerOptions = {
    level: settings.level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "cookie",
        "*.cookie",
        "authorization",
        "*.authorization",
        "apiKey",
        "*.apiKey",
        "secret",
        "*.secret",
        "content",
        "*.content",
        "prompt",
        "*.prompt",
      ],
      censor: "[redacted]",
    },
  };
  if (settings.development) {
    // pino-pretty as a synchronous stream, not a worker transport: bundlers cannot follow workers.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require("pino-pretty") as (o: object) => NodeJS.WritableStream;
    return pino(options, pretty({ colorize: true, translateTime: "HH:MM:ss" }));
  }
  return pino(options);
}

const globalForLog = globalThis as unknown as { personaLogger?: Logger };

export const log: Logger = (globalForLog.personaLogger ??= makeLogger());

/** An audit event: `audit("auth.sign_in_failed", { userId, ip })`. Fields are ids and reasons only. */
export function audit(event: string, fields: Record<string, unknown> = {}, logger: Logger = log) {
  logger.info({ event, ...fields }, event);
}
