import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "@/lib/formats/types";
import { catalog } from "./__fixtures__/persona-file";
import { checkRoundTrips, roundTrip } from "./round-trip";

describe("export round trip", () => {
  it("every catalog persona comes back equal through every format", () => {
    for (const persona of catalog) expect(checkRoundTrips(persona), persona.id).toEqual([]);
  }, 60_000);

  it("a persona with every optional field and unusual text comes back equal", () => {
    const persona = {
      ...catalog[0]!,
      author: "Zoë “Quotes” O'Brien",
      featured: true,
      published: "2026-01-02",
      extensions: { talkativeness: "0.4" },
      body: "Line one with a tab\tand emoji 🦊.\n\n---\n\nA rule above, `code`, and a [link](https://example.com).",
    };
    for (const format of EXPORT_FORMATS) expect(roundTrip(persona, format), format).toEqual({ differs: [] });
  });

  it("a creator's persona (id <handle>--<slug>) comes back equal (its id as stated, or in the importer's kebab-case)", () => {
    const persona = { ...catalog[0]!, id: "ada--data-buddy", author: "ada", published: "2026-12-07" };
    expect(checkRoundTrips(persona)).toEqual([]);
    expect(roundTrip({ ...persona, name: "Renamed" }, "lobehub")).toEqual({ differs: [] });
  });

  it("a value the formats cannot carry back is a refusal naming the format and the field", () => {
    // Greeting text with leading spaces: every format trims it on the way back.
    const persona = { ...catalog[0]!, greeting: "   Hello with leading spaces" };
    const findings = checkRoundTrips(persona);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "export-round-trip", level: "refuse", field: "greeting" });
    expect(findings[0]!.message).toMatch(/export does not import back the same: "greeting" changed/);
  });
});
