import type { Persona } from "@/lib/personas/schema";
import { writeCardPng } from "./card-png";
import { writeCardV3 } from "./character-card";
import { writeClaudeCode } from "./claude-code";
import { writeLobeHub } from "./lobehub";
import type { ExportedFile, ExportFormat } from "./types";

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2) + "\n");

/**
 * One persona in one format. `picture` is the persona's own image when it is a PNG (the card PNG
 * is that picture with the card inside); without one the card PNG is a plain square. Ids are
 * kebab-case, so the file names need no escaping.
 */
export function exportPersona(persona: Persona, format: ExportFormat, picture?: Uint8Array): ExportedFile {
  switch (format) {
    case "claude-code":
      return {
        bytes: new TextEncoder().encode(writeClaudeCode(persona)),
        contentType: "text/markdown; charset=utf-8",
        filename: `${persona.id}.md`,
      };
    case "card-v3":
      return {
        bytes: json(writeCardV3(persona)),
        contentType: "application/json",
        filename: `${persona.id}.card.json`,
      };
    case "card-v3-png":
      return {
        bytes: writeCardPng(persona, picture),
        contentType: "image/png",
        filename: `${persona.id}.card.png`,
      };
    case "lobehub":
      return {
        bytes: json(writeLobeHub(persona)),
        contentType: "application/json",
        filename: `${persona.id}.lobehub.json`,
      };
  }
}
