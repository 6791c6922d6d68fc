import { describe, expect, it } from "vitest";
import { loggablePath } from "./log-path";

describe("loggablePath", () => {
  it("takes API keys and share tokens out of paths, and bounds them", () => {
    const key = `pm_${"a1B2_c3-".repeat(5)}xyz`;
    expect(loggablePath(`/v1/${key}/chat/completions`)).toBe("/v1/pm_[redacted]/chat/completions");
    expect(loggablePath("/share/Zx9_secret-token")).toBe("/share/[token]");
    expect(loggablePath("/share/Zx9_secret-token/continue")).toBe("/share/[token]/continue");
    expect(loggablePath("/personas/backend-developer")).toBe("/personas/backend-developer");
    expect(loggablePath(`/${"x".repeat(1000)}`)).toHaveLength(300);
  });
});
