import { z } from "zod";
import { continueSharedRefusal, continueSharedResponse } from "@/lib/community/share-continue";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getCatalog } from "@/lib/personas";

/** POST /share/:token/continue — a form post: the copy opens as the viewer's own chat (303). */
export const POST = route(
  {
    params: z.object({ token: z.string() }),
    onError: (error, _request, params) => continueSharedRefusal(error, params.token),
  },
  async ({ request, params }) =>
    continueSharedResponse({ db: getDb(), catalog: getCatalog(), request, token: params.token }),
);
