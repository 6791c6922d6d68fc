import { NextResponse } from "next/server";
import { readiness } from "@/lib/health";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Readiness for load balancers: 200 when the database is writable and migrated and the catalog loaded, else 503. */
export const GET = route({}, async () => {
  const report = await readiness();
  return NextResponse.json(
    { status: report.ready ? "ready" : "not_ready", ...report },
    { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
