import "server-only";
import type { Logger } from "pino";
import type { z } from "zod";
import { currentRequestId, invalidInput, jsonError, searchParamsObject } from "@/lib/http/json-error";
import { readBodyText } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

type RouteParams = Record<string, string | string[] | undefined>;

export type RouteContext<Params, Query, Body> = {
  request: Request;
  /** The route's params, parsed by `params` when given (else as Next passes them). */
  params: Params;
  /** The search params, parsed by `query` (undefined without it). */
  query: Query;
  /** The JSON body, parsed by `body` (undefined without it). */
  body: Body;
  /** The id of this request (X-Request-Id), and a logger that carries it. */
  requestId: string | undefined;
  log: Logger;
};

export type RouteOptions<Params, Query, Body> = {
  params?: z.ZodType<Params>;
  /** What a bad param is called in the 400's message ("persona id"). */
  paramsName?: string;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** Largest body read, in bytes (16 KiB by default); a larger one is a 413 before it is buffered. */
  maxBytes?: number;
  /**
   * Requests not sent by a browser with the site's cookies (API keys, signed webhooks) skip the
   * same-origin check every other non-GET request gets.
   */
  crossSite?: boolean;
  /**
   * How an error becomes a response (default: jsonError, `{ error: { code, message, requestId } }`);
   * it gets the route params as Next passed them, unparsed.
   */
  onError?: (error: unknown, request: Request, rawParams: RouteParams) => Response | Promise<Response>;
};

/**
 * The one wrapper for route handlers. In order: same-origin check for any method but GET/HEAD
 * (unless `crossSite`), route params, query and JSON body parsed with zod (a bad one is a 400 that
 * names each field), then the handler, which does the business part only. Any error thrown becomes
 * `{ error: { code, message, requestId } }` with the AppError's status and, for an error that passes
 * by itself, a `Retry-After` header; anything else is a logged 500 with no detail.
 *
 * @example
 * export const PATCH = route(
 *   { params: z.object({ id: conversationIdSchema }), body: renameSchema },
 *   async ({ params, body }) => NextResponse.json(await rename({ id: params.id, title: body.title })),
 * );
 */
export function route<Params = RouteParams, Query = undefined, Body = undefined>(
  options: RouteOptions<Params, Query, Body>,
  handler: (context: RouteContext<Params, Query, Body>) => Promise<Response> | Response,
) {
  return async (request: Request, context?: { params?: Promise<RouteParams> }): Promise<Response> => {
    const rawParams = (await context?.params) ?? {};
    try {
      if (!options.crossSite && request.method !== "GET" && request.method !== "HEAD") {
        assertSameOrigin(request);
      }
      const params = options.params
        ? parse(options.params, rawParams, options.paramsName ?? "path")
        : rawParams;
      const query = options.query
        ? parse(options.query, searchParamsObject(new URL(request.url).searchParams), "query")
        : undefined;
      const body = options.body ? await readJsonBody(request, options.body, options.maxBytes) : undefined;
      const requestId = await currentRequestId();
      return await handler({
        request,
        params: params as Params,
        query: query as Query,
        body: body as Body,
        requestId,
        log: requestId ? log.child({ requestId }) : log,
      });
    } catch (error) {
      return options.onError ? await options.onError(error, request, rawParams) : await jsonError(error);
    }
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, what);
  return parsed.data;
}

/** The body as JSON (an empty body is `{}`), parsed by `schema`; at most `maxBytes` are read. */
export async function readJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes = 16 * 1024,
): Promise<T> {
  const raw = await readBodyText(request, maxBytes);
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : {};
  } catch {
    throw new AppError("bad_request", "The request body must be JSON.");
  }
  return parse(schema, json, "request");
}
