import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  readPngChunks,
  solidPng,
  textChunk,
  textChunks,
  withTextChunks,
  writePngChunks,
} from "@/lib/formats/png";
import { readPersonaImage } from "./image-file";
import { loadPersonaDir } from "./load";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "persona-image-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function persona(id: string, image: string) {
  fs.writeFileSync(
    path.join(dir, `${id}.md`),
    `---\nid: ${id}\nname: ${id}\ndescription: d\nversion: 1.0.0\navatar: "🧪"\nimage: ${JSON.stringify(image)}\ngreeting: hi\ncategory: data\ntags: [t]\ntier: free\ntools: []\nmodel: inherit\nworksWellWith: []\n---\n\nPrompt.\n`,
  );
}
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const WEBP = Buffer.concat([Buffer.from("RIFF"), Buffer.from([4, 0, 0, 0]), Buffer.from("WEBPVP8 ")]);

describe("a persona's image", () => {
  it("accepts a PNG, JPEG or WebP file beside the persona, of the type its name says", () => {
    fs.writeFileSync(path.join(dir, "a.png"), solidPng(1, 1, [0, 0, 0]));
    fs.writeFileSync(path.join(dir, "b.jpg"), JPEG);
    fs.writeFileSync(path.join(dir, "c.webp"), WEBP);
    persona("a", "a.png");
    persona("b", "b.jpg");
    persona("c", "c.webp");
    const { personas, problems } = loadPersonaDir(dir);
    expect(problems).toEqual([]);
    expect(personas.map((p) => p.image)).toEqual(["a.png", "b.jpg", "c.webp"]);
  });

  it.each([
    ["a missing file", "gone.png", undefined, /"gone.png" does not exist beside the persona file/],
    ["a file that is no image", "fake.png", Buffer.from("hello"), /is not a PNG, JPEG or WebP image/],
    ["a JPEG named .png", "photo.png", JPEG, /is a jpg image, not what its name says/],
    [
      "a path out of the directory",
      "../secret.png",
      undefined,
      /must be the name of a .png, .jpg or .webp file in the same directory/,
    ],
    ["a sub-folder", "img/a.png", undefined, /in the same directory/],
    ["another type", "a.gif", undefined, /\.png, \.jpg or \.webp/],
  ])("refuses %s, naming the field", (_label, image, bytes, reason) => {
    if (bytes) fs.writeFileSync(path.join(dir, image), bytes);
    persona("p", image);
    const { personas, problems } = loadPersonaDir(dir);
    expect(personas).toEqual([]);
    expect(problems).toEqual([{ file: "p.md", field: "image", reason: expect.stringMatching(reason) }]);
  });

  it("is served without the PNG's text chunks (a card's prompt does not ride along)", () => {
    const png = writePngChunks(
      withTextChunks(readPngChunks(solidPng(2, 2, [9, 9, 9])), [textChunk("ccv3", "c2VjcmV0")]),
    );
    fs.writeFileSync(path.join(dir, "a.png"), png);
    persona("a", "a.png");
    const served = readPersonaImage(dir, loadPersonaDir(dir).personas[0]!);
    expect(served?.type).toBe("png");
    expect(textChunks(readPngChunks(served!.bytes)).size).toBe(0);
    expect(Buffer.from(served!.bytes).includes("c2VjcmV0")).toBe(false);
  });
});
