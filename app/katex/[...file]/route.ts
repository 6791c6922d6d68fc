import type { NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { invalidInput, jsonError } from "@/lib/http/json-error";
import { readKatexAsset } from "@/lib/markdown/katex-assets";

const paramsSchema = z.object({ file: z.array(z.string().max(80)).min(1).max(2) });

/**
 * GET /katex/katex.min.css and /katex/fonts/… — KaTeX's stylesheet and fonts, served from the
 * installed package (the address carries its version, so they are cached for good). Public: they
 * are the same for everyone.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ file: string[] }> }) {
  try {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) throw invalidInput(parsed.error, "file");
    const asset = await readKatexAsset(parsed.data.file.join("/"));
    if (!asset) throw new AppError("not_found", "There is no such KaTeX file.");
    return new Response(new Uint8Array(asset.body), {
      headers: {
        "Content-Type": asset.type,
        "Cache-Control": "public, max-age=31536000, immutable",
        "Content-Security-Policy": "default-src 'none'",
      },
    });
  } catch (error) {
    return jsonError(error);
  }
}
