import { NextResponse } from "next/server";
import { handoff } from "@/lib/chat/handoff";
import { requireOwner } from "@/lib/chat/owner";
import { handoffSchema } from "@/lib/chat/validation";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** POST /api/conversations/:id/handoff { personaId } — continue with a persona this one works well with. */
export const POST = route({ body: handoffSchema }, async ({ params, body }) => {
  const { actor, id } = await requireOwner(params.id);
  const created = await handoff({
    db: getDb(),
    catalog: getCatalog(),
    actor,
    fromId: id,
    personaId: body.personaId,
  });
  return NextResponse.json({ id: created.id, url: `/chat/${created.id}` }, { status: 201 });
});
