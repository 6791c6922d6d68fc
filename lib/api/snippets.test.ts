import { describe, expect, it } from "vitest";
import { apiSnippets } from "./snippets";

describe("apiSnippets", () => {
  it("fills in the full base URL and a model, and never a key", () => {
    const { curl, python } = apiSnippets("https://personas.example.com/v1", "backend-developer");
    expect(curl).toContain("curl https://personas.example.com/v1/chat/completions");
    expect(curl).toContain('"model": "backend-developer"');
    expect(python).toContain('OpenAI(base_url="https://personas.example.com/v1"');
    expect(`${curl}${python}`).not.toMatch(/pm_[A-Za-z0-9_-]{10}/);
  });
});
