import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "./detect";
import { finishDraft } from "./finish";
import { nameFromId } from "./names";
import { taglineFrom } from "./tagline";

const agent = (name: string) => {
  const result = readSource(
    fs.readFileSync(path.join(import.meta.dirname, "__fixtures__/agents", `${name}.md`)),
  );
  if (!result.ok) throw new Error(result.reason);
  return { draft: result.draft, finished: finishDraft(result.draft) };
};

describe("Claude Code routing text made into what people read", () => {
  it("a tagline without the routing phrase and the trigger list; the original kept for export", () => {
    const { draft, finished } = agent("ab-test-analysis");
    expect(finished.data.description).toBe(
      "For analysing A/B test results, checking statistical significance or interpreting p-values.",
    );
    expect(draft.extensions?.claude_code).toMatchObject({
      description: expect.stringMatching(/^Use when the user wants to analyse .*Triggers on: 'p-value'/),
    });
  });

  it("a greeting that reads like a person, not the routing text again", () => {
    const { finished } = agent("ab-test-analysis");
    expect(finished.data.greeting).toBe(
      "Hi, I'm A/B Test Analysis. I can help with analysing A/B test results, checking statistical significance or interpreting p-values. What are you working on?",
    );
    expect(finished.data.greeting).not.toMatch(/Use when|Triggers/);
  });

  it("a situation keeps its when; examples and trigger lists never show", () => {
    expect(agent("incident-responder").finished.data.description).toBe(
      "When production is down or a security breach is suspected.",
    );
    const gdpr = agent("gdpr-ccpa-compliance").finished.data;
    expect(gdpr.description).toBe(
      "For GDPR or CCPA obligations: data subject requests, consent records, DPIAs and privacy notices.",
    );
    expect(gdpr.greeting).toMatch(/^Hi, I'm GDPR CCPA Compliance\. I can help with GDPR or CCPA obligations/);
  });

  it("text that is not routing text stays as written", () => {
    expect(taglineFrom("Helps you write strict, readable TypeScript.")).toBe(
      "Helps you write strict, readable TypeScript.",
    );
  });
});

describe("names keep acronyms and the source's casing", () => {
  it("known acronyms and brands", () => {
    expect(nameFromId("ab-test-analysis")).toBe("A/B Test Analysis");
    expect(nameFromId("x-api-integration")).toBe("X API Integration");
    expect(nameFromId("gdpr-ccpa-compliance")).toBe("GDPR CCPA Compliance");
    expect(nameFromId("nextjs-developer")).toBe("Next.js Developer");
  });

  it("the file's own # Title, or its casing of a word in the body", () => {
    expect(agent("graphql-architect").draft.name).toBe("GraphQL Architect");
    expect(nameFromId("flux-deployer", "Deploy with FluxCD and Flux; FluxCD reconciles.")).toBe(
      "Flux Deployer",
    );
    expect(nameFromId("fluxcd-deployer", "Deploy with FluxCD; FluxCD reconciles.")).toBe("FluxCD Deployer");
    expect(nameFromId("code-reviewer", "review code")).toBe("Code Reviewer");
  });
});
