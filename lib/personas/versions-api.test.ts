import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCompletion } from "@/lib/api/completions";
import { setVersionUnpublished } from "@/lib/db/queries/persona-versions";
import { startChatHarness, type ChatHarness } from "@/testing/chat-harness";
import { catalogWith, contentText, versionText } from "@/testing/persona-versions";
import type { Catalog } from "./catalog";
import { compareVersions, parseModelRef } from "./versions";
import { recordCatalogVersions } from "./versions-record";
import { resolvePersonaRef } from "./versions-resolve";

const ID = "frontend-developer";
let h: ChatHarness;
let v2: Catalog;

beforeAll(async () => {
  h = await startChatHarness();
  const base = contentText(ID);
  const t1 = versionText(base, { version: "1.0.0", firstLine: "API-ONE" });
  const t2 = versionText(base, { version: "2.0.0", firstLine: "API-TWO" });
  for (const [text, catalog] of [t1, t2].map((t) => [t, catalogWith(h.catalog, t, ID).catalog] as const)) {
    const persona = catalog.byId.get(ID)!;
    await recordCatalogVersions({ db: h.db, sources: [{ persona, source: "content", text: () => text }] });
    v2 = catalog;
  }
});
afterAll(async () => {
  await h?.close();
});

async function ask(model: string) {
  const user = await h.user();
  const started = await startCompletion({
    db: h.db,
    catalog: v2,
    caller: { keyId: "k", userId: user.userId, tier: user.tier },
    request: { model, messages: [{ role: "user", content: "which? [[body]]" }] } as never,
  });
  return { model: started.model, text: (await started.run()).text };
}

describe("versions by reference", () => {
  it("orders semantic versions and reads id@version", () => {
    expect(["1.10.0", "1.2.0", "1.2.0-beta.2", "1.2.0-beta.10", "0.9.9"].sort(compareVersions)).toEqual([
      "0.9.9",
      "1.2.0-beta.2",
      "1.2.0-beta.10",
      "1.2.0",
      "1.10.0",
    ]);
    expect(parseModelRef("a-b@1.0.0")).toEqual({ id: "a-b", version: "1.0.0" });
    expect(parseModelRef("a-b")).toEqual({ id: "a-b" });
  });

  it("/v1 answers with each version's prompt; a plain id is the latest", async () => {
    expect(await ask(`${ID}@1.0.0`)).toMatchObject({
      model: `${ID}@1.0.0`,
      text: expect.stringContaining("[body:API-ONE]"),
    });
    expect(await ask(`${ID}@2.0.0`)).toMatchObject({
      model: `${ID}@2.0.0`,
      text: expect.stringContaining("[body:API-TWO]"),
    });
    expect(await ask(ID)).toMatchObject({ model: ID, text: expect.stringContaining("[body:API-TWO]") });
  });

  it("an unknown or unpublished version is model_not_found", async () => {
    await expect(ask(`${ID}@9.9.9`)).rejects.toMatchObject({ status: 404, apiCode: "model_not_found" });
    await expect(ask(`nobody@1.0.0`)).rejects.toMatchObject({ status: 404, apiCode: "model_not_found" });
    await setVersionUnpublished({ db: h.db, personaId: ID, version: "1.0.0", reason: "broken" });
    const refused = await resolvePersonaRef({ db: h.db, catalog: v2, ref: `${ID}@1.0.0` });
    expect(refused).toMatchObject({ ok: false, reason: "unpublished" });
    await expect(ask(`${ID}@1.0.0`)).rejects.toMatchObject({ apiCode: "model_not_found" });
    await setVersionUnpublished({ db: h.db, personaId: ID, version: "1.0.0", reason: null });
  });
});
