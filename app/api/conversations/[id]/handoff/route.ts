import { NextResponse, type NextRequest } from "next/server";
import { handoff } from "@/lib/chat/handoff";
import { parseJsonBody, requireOwner } from "@/lib/chat/route-helpers";
import { handoffSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { jsonError } from "@/lib/http/json-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { getCatalog } from "@/lib/personas";

/** POST /api/conversations/:id/handoff { personaId } — continue with a persona this one works well with. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    assertSameOrigin(request);
    const { actor, id } = await requireOwner((await params).id);
    const { personaId } = await parseJsonBody(request, handoffSchema);
    const created = await handoff({ db: getDb(), catalog: getCatalog(), actor, fromId: id, personaId });
    return NextResponse.json({ id: created.id, url: `/chat/${created.id}` }, { status: 201 });
  } catch (error) {
    return jsonError(error);
  }
}
