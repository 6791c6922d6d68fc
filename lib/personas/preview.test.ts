import { describe, expect, it } from "vitest";
import { previewBody } from "./preview";

const body = [
  "# Staff Engineer",
  "",
  "You are a staff engineer. This intro is always visible.",
  "",
  "## How You Work",
  "",
  "You start from the problem, not the solution.",
  "",
  "### Principles",
  "",
  "- Write things down.",
  "",
  "## Review Checklist",
  "",
  "SECRET-CHECKLIST: check the blast radius first.",
  "",
  "### Before Merging",
  "",
  "- Is there a rollback plan?",
  "",
  "## **Escalation** Rules ##",
  "",
  "SECRET-ESCALATION: page the on-call lead.",
].join("\n");

describe("previewBody", () => {
  const { preview, lockedHeadings } = previewBody(body);

  it("keeps the intro and the whole first ## section, subsections included", () => {
    expect(preview).toBe(
      [
        "# Staff Engineer",
        "",
        "You are a staff engineer. This intro is always visible.",
        "",
        "## How You Work",
        "",
        "You start from the problem, not the solution.",
        "",
        "### Principles",
        "",
        "- Write things down.",
      ].join("\n"),
    );
  });

  it("leaves out everything from the second ## section on", () => {
    expect(preview).not.toContain("SECRET");
    expect(preview).not.toContain("Review Checklist");
  });

  it("lists the later ## and ### headings, without markdown emphasis or closing #s", () => {
    expect(lockedHeadings).toEqual(["Review Checklist", "Before Merging", "Escalation Rules"]);
  });

  it("ignores heading-like lines inside ``` and ~~~ code fences", () => {
    const fenced = [
      "Intro.",
      "## Usage",
      "```bash",
      "## not a heading: a shell comment",
      "### nor this",
      "```",
      "~~~md",
      "## still inside a fence",
      "```",
      "## still inside the ~~~ fence",
      "~~~",
      "Still in the first section.",
      "## Locked",
      "```",
      "## a comment in locked code",
      "```",
      "SECRET",
    ].join("\n");
    const result = previewBody(fenced);
    expect(result.preview).toContain("Still in the first section.");
    expect(result.preview).toContain("## still inside the ~~~ fence");
    expect(result.preview).not.toContain("SECRET");
    expect(result.lockedHeadings).toEqual(["Locked"]);
  });

  it("does not treat a single # title as a section", () => {
    const result = previewBody(
      "# Title\n\nIntro.\n\n## One\n\nFirst.\n\n# Another Title\n\n## Two\n\nSECRET",
    );
    expect(result.preview).toContain("# Another Title");
    expect(result.preview).not.toContain("SECRET");
    expect(result.lockedHeadings).toEqual(["Two"]);
  });

  it("needs a space after the #s to see a heading", () => {
    const result = previewBody("Intro.\n## One\n##hashtag\n#### Deep\n## Two\nSECRET");
    expect(result.preview).toBe("Intro.\n## One\n##hashtag\n#### Deep");
    expect(result.lockedHeadings).toEqual(["Two"]);
  });
});

describe("previewBody edge cases", () => {
  it("treats an indented heading as a heading", () => {
    const body = "Intro.\n\n## One\n\nPublic.\n\n   ## Two\n\nSecret sauce.";
    const { preview, lockedHeadings } = previewBody(body);
    expect(preview).not.toContain("Secret sauce");
    expect(lockedHeadings).toEqual(["Two"]);
  });

  it("does not let a fence line with an info string close the fence", () => {
    const body = "Intro.\n\n## One\n\n```md\n```bash\n## Not a heading\n```\n\n## Two\n\nSecret sauce.";
    const { preview, lockedHeadings } = previewBody(body);
    expect(preview).toContain("## Not a heading");
    expect(preview).not.toContain("Secret sauce");
    expect(lockedHeadings).toEqual(["Two"]);
  });

  it("shows only the intro of a body with a single section", () => {
    const { preview } = previewBody("Intro line.\n\n## Only\n\nSecret sauce.");
    expect(preview).toBe("Intro line.");
  });

  it("shows only the first paragraph of a body with no sections", () => {
    const { preview } = previewBody("First paragraph.\n\nSecret sauce.");
    expect(preview).toBe("First paragraph.");
  });
});
