/** One chunk of an AI SDK UI message stream, as far as the specs look at it. */
export type Chunk = { type: string; delta?: string; messageMetadata?: { status?: string; error?: string } };

/** Reads a UI message stream (SSE), handing each chunk to onChunk as it arrives; resolves at the end. */
export async function readStream(response: Response, onChunk: (chunk: Chunk) => void) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let at: number;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, at).trim();
      buffer = buffer.slice(at + 2);
      if (event.startsWith("data: ") && event !== "data: [DONE]")
        onChunk(JSON.parse(event.slice(6)) as Chunk);
    }
  }
}

/** The last status the stream's metadata gave (complete, interrupted, stopped). */
export const statusOf = (chunks: Chunk[]) =>
  chunks.findLast((c) => c.messageMetadata?.status)?.messageMetadata?.status;
