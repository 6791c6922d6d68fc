import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tinyGguf } from "@/testing/tiny-gguf";
import { pullModel, PullError } from "./pull";

const model = tinyGguf({ seed: 7 });
const modelSha = createHash("sha256").update(model).digest("hex");

/** A file server on loopback that honours Range, and can be told to drop the next download part-way. */
let server: http.Server;
let base: string;
let dropNextAfter: number | null = null;
const ranges: (string | undefined)[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    ranges.push(req.headers.range);
    const body = req.url === "/not-a-model.gguf" ? Buffer.from("<html>not found</html>".repeat(10)) : model;
    if (req.url === "/missing.gguf") return res.writeHead(404).end();
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    if (start >= body.length && range) return res.writeHead(416).end();
    const slice = body.subarray(start);
    res.writeHead(range ? 206 : 200, {
      "content-length": String(slice.length),
      ...(range && { "content-range": `bytes ${start}-${body.length - 1}/${body.length}` }),
    });
    if (dropNextAfter !== null) {
      const cut = dropNextAfter;
      dropNextAfter = null;
      // The connection drops a moment after part of the file went out, as a network does.
      res.write(slice.subarray(0, cut), () => setTimeout(() => res.destroy(), 300));
      return;
    }
    res.end(slice);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pm-pull-"));
  ranges.length = 0;
  dropNextAfter = null;
});

describe("pullModel", () => {
  it("downloads with progress, checks the checksum and moves the file into place", async () => {
    const dest = path.join(dir, "models", "tiny.gguf");
    const seen: number[] = [];
    const result = await pullModel({
      source: { url: `${base}/tiny.gguf` },
      dest,
      expect: { bytes: model.length, sha256: modelSha },
      onProgress: (received, total) => {
        expect(total).toBe(model.length);
        seen.push(received);
      },
    });
    expect(result).toMatchObject({ file: dest, bytes: model.length, sha256: modelSha, resumedFrom: 0 });
    expect(fs.readFileSync(dest).equals(model)).toBe(true);
    expect(seen.at(-1)).toBe(model.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(fs.existsSync(`${dest}.part`)).toBe(false);
  });

  it("resumes an interrupted download from where it stopped", async () => {
    const dest = path.join(dir, "tiny.gguf");
    dropNextAfter = 100_000;
    const first = await pullModel({
      source: { url: `${base}/tiny.gguf` },
      dest,
      expect: { sha256: modelSha },
    }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(PullError);
    expect((first as PullError).resumable).toBe(true);
    expect((first as PullError).message).toMatch(/Run the command again to resume/);
    expect(fs.existsSync(dest)).toBe(false);
    const kept = fs.statSync(`${dest}.part`).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(model.length);

    const second = await pullModel({
      source: { url: `${base}/tiny.gguf` },
      dest,
      expect: { sha256: modelSha },
    });
    expect(ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect(second.resumedFrom).toBe(kept);
    expect(fs.readFileSync(dest).equals(model)).toBe(true);
  });

  it("refuses a file whose checksum is wrong and leaves nothing behind", async () => {
    const dest = path.join(dir, "tiny.gguf");
    const wrong = "0".repeat(64);
    await expect(
      pullModel({ source: { url: `${base}/tiny.gguf` }, dest, expect: { sha256: wrong } }),
    ).rejects.toThrow(/Checksum mismatch/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses what is not a GGUF file, and a server error, with a clear message", async () => {
    const dest = path.join(dir, "x.gguf");
    await expect(pullModel({ source: { url: `${base}/not-a-model.gguf` }, dest })).rejects.toThrow(
      /not a GGUF/,
    );
    await expect(pullModel({ source: { url: `${base}/missing.gguf` }, dest })).rejects.toThrow(
      /answered 404/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("takes a file already on the machine, and says when the model is already there", async () => {
    const src = path.join(dir, "source.gguf");
    fs.writeFileSync(src, model);
    const dest = path.join(dir, "models", "copy.gguf");
    const copied = await pullModel({ source: { file: src }, dest, expect: { sha256: modelSha } });
    expect(copied.alreadyThere).toBe(false);
    const again = await pullModel({ source: { file: src }, dest, expect: { sha256: modelSha } });
    expect(again.alreadyThere).toBe(true);
    await expect(
      pullModel({ source: { file: path.join(dir, "nope.gguf") }, dest: `${dest}2` }),
    ).rejects.toThrow(/There is no file/);
  });
});
