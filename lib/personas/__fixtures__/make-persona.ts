import type { Persona } from "../schema";

/** A valid in-memory persona for unit tests; override only what the test is about. */
export function makePersona(overrides: Partial<Persona> & Pick<Persona, "id">): Persona {
  const { id } = overrides;
  return {
    name: id,
    description: `The ${id} persona.`,
    version: "1.0.0",
    avatar: "🧪",
    greeting: "Hello!",
    category: "development",
    tags: ["testing"],
    tier: "free",
    tools: [],
    model: "sonnet",
    worksWellWith: [],
    starters: [],
    body: "# Prompt\n\nYou are a helpful persona.",
    file: `${id}.md`,
    ...overrides,
  };
}
