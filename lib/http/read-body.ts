import { AppError } from "@/lib/errors";

/**
 * The request body as text, refusing (413) anything over `maxBytes` without buffering it: a declared
 * Content-Length is checked first, and a chunked body is cut off as soon as it passes the limit.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return (await readBodyBytes(request, maxBytes)).toString("utf8");
}

/** The request body as the bytes that were sent, with readBodyText's size limit. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: cancelling one branch of a cloned (tee'd) body settles only once the other is too.
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
