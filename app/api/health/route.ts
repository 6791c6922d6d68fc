import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Liveness: the process is up and answering. Readiness (database, catalog) is /api/ready. */
export const GET = route({}, () =>
  NextResponse.json(
    { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store" } },
  ),
);
