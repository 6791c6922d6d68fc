import { OUTAGE_RETRY_SECONDS } from "@/lib/db/outage";

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS * 2}">
<title>Back in a moment · Persona Market</title>
</head>
<body>
<main>
<h1>Back in a moment</h1>
<p>Persona Market cannot reach its database right now, so this page cannot be shown. Nothing you saved is lost.</p>
<p>This page tries again by itself in a few seconds. <a href="/">Browse personas</a></p>
</main>
</body>
</html>
`;

/**
 * The page answered while the database is down: 503 with Retry-After, never cached, no script (the
 * strict CSP holds), and it reloads itself. JSON routes answer their own 503 (lib/http/json-error.ts).
 */
export function outagePage(method: string): Response {
  return new Response(method === "HEAD" ? null : HTML, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(OUTAGE_RETRY_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}
