import { describe, expect, it } from "vitest";
import { b64, charx, pngWithText, v3Card } from "./__fixtures__/build";
import { readCharx } from "./charx";
import { readSource } from "./detect";
import { readPngChunks, solidPng, textChunks } from "./png";

describe("V3 .charx", () => {
  it("reads card.json from the zip and takes the main icon asset as the image", () => {
    const icon = pngWithText({ ccv3: b64(v3Card("Inner")) }, [200, 10, 10]);
    const card = v3Card("Zipped", {
      assets: [
        { type: "background", uri: "embeded://assets/other/bg.png", name: "bg", ext: "png" },
        { type: "icon", uri: "embeded://assets/icon/images/main.png", name: "main", ext: "png" },
      ],
    });
    const result = readSource(
      charx({
        "card.json": JSON.stringify(card),
        "assets/icon/images/main.png": icon,
        "assets/other/bg.png": solidPng(1, 1, [0, 0, 0]),
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.draft).toMatchObject({ format: "charx", name: "Zipped" });
    expect(result.draft.image?.ext).toBe("png");
    expect(textChunks(readPngChunks(result.draft.image!.bytes)).size).toBe(0);
  });

  it("imports a card without assets, without an image", () => {
    const result = readCharx(charx({ "card.json": JSON.stringify(v3Card("Plain")) }));
    expect(result.ok && result.draft.image).toBe(undefined);
  });

  it("is malformed without card.json, with broken card.json, and as a broken zip", () => {
    expect(readCharx(charx({ "readme.txt": "hi" }))).toMatchObject({
      kind: "malformed",
      reason: "a .charx zip needs card.json at its root",
    });
    expect(readCharx(charx({ "card.json": "{" }))).toMatchObject({
      kind: "malformed",
      reason: expect.stringMatching(/^card.json is not valid JSON/),
    });
    const zip = charx({ "card.json": JSON.stringify(v3Card("Cut")) });
    expect(readCharx(zip.subarray(0, 30))).toMatchObject({
      kind: "malformed",
      reason: expect.stringMatching(/^broken zip/),
    });
  });
});
