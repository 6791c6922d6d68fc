import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Fetching a model file (`npm run model:pull`): into `<dest>.part` first, resumed with an HTTP Range
 * request when a `.part` is left from an interrupted run, checked (GGUF header, size, SHA-256 when
 * known), and only then renamed to `dest`. A check that fails removes the `.part`: nothing
 * half-written ever stands at `dest`.
 */
export type PullSource = { url: string } | { file: string };
export type PullExpect = { bytes?: number; sha256?: string };
export type PullProgress = (received: number, total: number | undefined) => void;
export type PullResult = {
  file: string;
  bytes: number;
  sha256: string;
  resumedFrom: number;
  alreadyThere: boolean;
};

export class PullError extends Error {
  constructor(
    message: string,
    /** A `.part` was kept: running the command again resumes from it. */
    readonly resumable = false,
  ) {
    super(message);
    this.name = "PullError";
  }
}

const MB = 1024 * 1024;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

function startsWithGguf(file: string): boolean {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(4);
    return fs.readSync(fd, head, 0, 4, 0) === 4 && head.toString("latin1") === "GGUF";
  } finally {
    fs.closeSync(fd);
  }
}

function counter(start: number, total: number | undefined, onProgress?: PullProgress) {
  let received = start;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      onProgress?.(received, total);
      done(null, chunk);
    },
  });
}

/** Checks a complete `.part` and moves it into place, or removes it and says why. */
async function finish(
  part: string,
  dest: string,
  expect: PullExpect,
  resumedFrom: number,
): Promise<PullResult> {
  const fail = (message: string): never => {
    fs.rmSync(part, { force: true });
    throw new PullError(message);
  };
  const bytes = fs.statSync(part).size;
  if (expect.bytes !== undefined && bytes !== expect.bytes) {
    fail(
      `The file is ${bytes} bytes, not the ${expect.bytes} expected; it was removed. Run the command again.`,
    );
  }
  if (!startsWithGguf(part))
    fail("That is not a GGUF model file (it does not start with GGUF); it was removed.");
  const sha256 = await sha256Of(part);
  if (expect.sha256 && sha256 !== expect.sha256.toLowerCase()) {
    fail(`Checksum mismatch: SHA-256 ${sha256}, expected ${expect.sha256}. The file was removed.`);
  }
  fs.renameSync(part, dest);
  return { file: dest, bytes, sha256, resumedFrom, alreadyThere: false };
}

export async function pullModel({
  source,
  dest,
  expect = {},
  onProgress,
  signal,
}: {
  source: PullSource;
  dest: string;
  expect?: PullExpect;
  onProgress?: PullProgress;
  signal?: AbortSignal;
}): Promise<PullResult> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) {
    const bytes = fs.statSync(dest).size;
    const sha256 = expect.sha256 ? await sha256Of(dest) : "";
    if (
      (expect.bytes === undefined || bytes === expect.bytes) &&
      (!expect.sha256 || sha256 === expect.sha256)
    ) {
      return { file: dest, bytes, sha256, resumedFrom: 0, alreadyThere: true };
    }
    throw new PullError(`${dest} exists and is not the expected file; move it away first.`);
  }
  const part = `${dest}.part`;

  if ("file" in source) {
    if (!fs.existsSync(source.file) || !fs.statSync(source.file).isFile()) {
      throw new PullError(`There is no file at ${source.file}.`);
    }
    const total = fs.statSync(source.file).size;
    await pipeline(
      fs.createReadStream(source.file),
      counter(0, total, onProgress),
      fs.createWriteStream(part),
    );
    return finish(part, dest, expect, 0);
  }

  const have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  let response: Response;
  try {
    response = await fetch(source.url, {
      headers: have > 0 ? { range: `bytes=${have}-` } : {},
      redirect: "follow",
      signal,
    });
  } catch (error) {
    throw new PullError(`Could not reach ${new URL(source.url).host}: ${(error as Error).message}`, have > 0);
  }
  // A finished `.part` left by a run stopped before its checks: the server has nothing more to send.
  if (response.status === 416 && have > 0) return finish(part, dest, expect, have);
  if (!response.ok || !response.body) {
    throw new PullError(
      `The server answered ${response.status} ${response.statusText} for ${source.url}.`,
      have > 0,
    );
  }
  const resumed = response.status === 206 && have > 0;
  const length = Number(response.headers.get("content-length")) || undefined;
  const total = length === undefined ? expect.bytes : resumed ? have + length : length;
  const start = resumed ? have : 0;
  const out = fs.createWriteStream(part, { flags: resumed ? "a" : "w" });
  try {
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      counter(start, total, onProgress),
      out,
    );
  } catch (error) {
    // What was received is on disk once the file is closed: that is where the next run resumes.
    if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
    const kept = fs.existsSync(part) ? fs.statSync(part).size : 0;
    throw new PullError(
      `The download stopped at ${(kept / MB).toFixed(1)} MB (${(error as Error).message}). Run the command again to resume.`,
      kept > 0,
    );
  }
  const got = fs.statSync(part).size;
  if (total !== undefined && got < total) {
    throw new PullError(
      `The download stopped at ${(got / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB. Run the command again to resume.`,
      true,
    );
  }
  return finish(part, dest, expect, start);
}
