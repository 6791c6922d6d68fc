import { describe, expect, it } from "vitest";
import { CATEGORY_FILE } from "@/lib/personas/categories";
import { CATEGORY_SAMPLE, measureCategoryAccuracy } from "./__fixtures__/category-sample";
import { inferCategory, mapCategory } from "./category";

const claude = (name: string, description: string, body: string) =>
  inferCategory({ name, description, body, format: "claude-code" }).category;

describe("categories from the operator's data file", () => {
  it("maps every LobeHub category (general: inferred from the text)", () => {
    const lobehub = {
      academic: "education",
      career: "business",
      copywriting: "writing",
      design: "design",
      education: "education",
      emotions: "health",
      entertainment: "entertainment",
      games: "entertainment",
      life: "lifestyle",
      marketing: "business",
      office: "business",
      programming: "development",
      translation: "writing",
    };
    for (const [theirs, ours] of Object.entries(lobehub)) expect(mapCategory(theirs), theirs).toBe(ours);
    expect(mapCategory("general")).toBeUndefined();
  });

  it("has today's eight plus lifestyle, entertainment and health, each with keywords in several languages", () => {
    const ids = CATEGORY_FILE.categories.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining(["development", "security", "lifestyle", "entertainment", "health"]),
    );
    for (const c of CATEGORY_FILE.categories) expect(Object.keys(c.keywords).length, c.id).toBeGreaterThan(1);
  });

  it("boilerplate about secure practice and compliance does not make a DevOps agent a security one", () => {
    const boilerplate =
      "Always follow secure coding practices, respect compliance requirements and harden against attack.";
    expect(
      claude("Docker Expert", "Use this agent for Dockerfiles.", `You write secure images. ${boilerplate}`),
    ).toBe("development");
    expect(claude("Terraform Specialist", "Use PROACTIVELY for Terraform modules.", boilerplate)).toBe(
      "development",
    );
    expect(claude("Electron Pro", "Use when building Electron desktop apps.", boilerplate)).toBe(
      "development",
    );
    expect(claude("Accessibility Tester", "Audit web interfaces against WCAG.", boilerplate)).toBe(
      "development",
    );
    expect(claude("Security Auditor", "Review code for vulnerabilities.", boilerplate)).toBe("security");
  });

  it("a word in the name counts far above the same number of words deep in the prompt", () => {
    const body = "Explain the lesson to students, then quiz them on the course.";
    expect(claude("Sales Coach", "", body)).toBe("business");
  });

  it("reads Chinese and other scripts: 旅行规划师 is lifestyle, 健身教练 health, Русский учитель education", () => {
    const lobe = (name: string, body: string, tags: string[] = []) =>
      inferCategory({ name, body, tags, format: "lobehub" }).category;
    expect(lobe("旅行规划师", "你是一名旅行规划师，为用户规划路线。")).toBe("lifestyle");
    expect(lobe("健身教练", "制定训练计划和饮食建议。", ["健身"])).toBe("health");
    expect(lobe("Русский учитель", "Помогает студентам.")).toBe("education");
  });

  it("falls back by format when nothing matches: a card character is entertainment", () => {
    expect(inferCategory({ name: "Zorp", body: "blorp", format: "card-v3" })).toEqual({
      category: "entertainment",
      score: 0,
    });
    expect(inferCategory({ name: "Zorp", body: "blorp", format: "lobehub" }).category).toBe("writing");
  });

  it("files at least 90% of the labelled sample of real-style personas right", () => {
    expect(CATEGORY_SAMPLE.length).toBeGreaterThanOrEqual(100);
    const result = measureCategoryAccuracy();
    expect(result.misses).toEqual(result.misses.slice(0, Math.floor(result.total * 0.1)));
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
