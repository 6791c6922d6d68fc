import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { POST as chatCompletions } from "@/app/v1/chat/completions/route";
import { GET as models } from "@/app/v1/models/route";
import { GET as oneModel } from "@/app/v1/models/[id]/route";
import { GET as otherGet, POST as otherPost } from "@/app/v1/[...path]/route";
import { stampRequest } from "@/lib/http/request-log";

type Handler = (request: Request) => Promise<Response>;
const ROUTES: Record<string, Handler> = {
  "GET /v1/models": models,
  "POST /v1/chat/completions": chatCompletions,
};

/**
 * The API's route handlers on a real HTTP server on 127.0.0.1, for clients that need one (the
 * official `openai` package): each request becomes a Web Request for the handler and its Response
 * is written back as it streams, the way Next's server does. Requests are stamped and logged by the
 * same request log the app server uses.
 */
export async function startApiServer(): Promise<{ baseURL: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    stampRequest(req, res);
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const modelId = req.method === "GET" ? /^\/v1\/models\/([^/]+)$/.exec(url.pathname)?.[1] : undefined;
    const handler =
      ROUTES[`${req.method} ${url.pathname}`] ??
      (modelId !== undefined
        ? (request: Request) =>
            oneModel(request, { params: Promise.resolve({ id: decodeURIComponent(modelId) }) })
        : undefined) ??
      (url.pathname.startsWith("/v1/") ? (req.method === "GET" ? otherGet : otherPost) : undefined);
    if (!handler) {
      res.writeHead(404, { "Content-Type": "application/json" }).end('{"error":{"message":"no route"}}');
      return;
    }
    const aborted = new AbortController();
    res.once("close", () => !res.writableFinished && aborted.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const response = await handler(
      new Request(url, {
        method: req.method,
        headers,
        signal: aborted.signal,
        ...(hasBody && { body: Readable.toWeb(req) as ReadableStream, duplex: "half" }),
      } as RequestInit),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    const reader = response.body.getReader();
    res.once("close", () => !res.writableFinished && void reader.cancel().catch(() => {}));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
      res.end();
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
