import { describe, expect, it } from "vitest";
import { b64, pngWithText, v2Card, v3Card } from "./__fixtures__/build";
import { readCardPng } from "./card-png";
import { readSource } from "./detect";
import { readPngChunks, solidPng, textChunks } from "./png";

const draft = (bytes: Uint8Array) => {
  const result = readSource(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.draft;
};

describe("Character Card PNG", () => {
  it("reads a V2 card from the chara chunk", () => {
    const d = draft(pngWithText({ chara: b64(v2Card("Old Sailor")) }));
    expect(d).toMatchObject({
      format: "card-png",
      name: "Old Sailor",
      greeting: "Hello you, I am Old Sailor.",
    });
  });

  it("takes ccv3 over chara when both are there, whatever their order", () => {
    const both = pngWithText({ chara: b64(v2Card("From Chara")), ccv3: b64(v3Card("From Ccv3")) });
    expect(draft(both).name).toBe("From Ccv3");
    const reversed = pngWithText({ ccv3: b64(v3Card("From Ccv3")), chara: b64(v2Card("From Chara")) });
    expect(draft(reversed).name).toBe("From Ccv3");
  });

  it("keeps the picture as the image, without the card's text chunks", () => {
    const d = draft(pngWithText({ ccv3: b64(v3Card("Pictured")), Comment: "made by hand" }));
    expect(d.image?.ext).toBe("png");
    const chunks = readPngChunks(d.image!.bytes);
    expect(textChunks(chunks).size).toBe(0);
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
  });

  it("a PNG without a card is not a persona (not a failure), with the reason", () => {
    expect(readCardPng(solidPng(2, 2, [0, 0, 0]))).toEqual({
      ok: false,
      kind: "unrecognised",
      reason: "a PNG with no character card in it (no ccv3 or chara tEXt chunk)",
    });
    expect(readCardPng(pngWithText({ Comment: "just a photo" }))).toMatchObject({
      ok: false,
      kind: "unrecognised",
    });
  });

  it("falls back to chara when ccv3 cannot be read, and says so", () => {
    const d = draft(pngWithText({ ccv3: "%%% not base64", chara: b64(v2Card("Fallback")) }));
    expect(d.name).toBe("Fallback");
    expect(d.notes.join(" ")).toMatch(/ccv3 chunk is not base64: used the chara chunk/);
  });

  it("is malformed when no chunk holds a card: broken base64 JSON, a wrong spec, a broken PNG", () => {
    expect(readCardPng(pngWithText({ chara: Buffer.from("{nope").toString("base64") }))).toMatchObject({
      ok: false,
      kind: "malformed",
      reason: "chara chunk is not base64 of JSON",
    });
    expect(readCardPng(pngWithText({ ccv3: b64({ spec: "tavern", data: {} }) }))).toMatchObject({
      kind: "malformed",
      reason: expect.stringMatching(/ccv3 chunk: unsupported card spec "tavern"/),
    });
    const png = pngWithText({ ccv3: b64(v3Card("Cut")) });
    expect(readCardPng(png.subarray(0, png.length - 30))).toMatchObject({
      kind: "malformed",
      reason: expect.stringMatching(/^broken PNG/),
    });
  });
});
