import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { dumpYaml } from "./yaml";

describe("dumpYaml", () => {
  it("writes emoji as they are, and multi-line text with emoji as a block", () => {
    const value = {
      avatar: "🛡️",
      greeting: "I'm your Threat Modeler 🛡️\nWhat should we model?\n",
      tags: ["⚙️ gear"],
    };
    const text = dumpYaml(value);
    expect(text).not.toMatch(/\\U|\\u/);
    expect(text).toContain("greeting: |\n  I'm your Threat Modeler 🛡️\n  What should we model?\n");
    expect(yaml.safeLoad(text)).toEqual(value);
  });

  it("keeps private-use characters already in the text apart from the stand-ins", () => {
    const value = { a: "\ue000 and 🦊", b: "🦊\ue001🐻", "k🐻": "x" };
    expect(yaml.safeLoad(dumpYaml(value))).toEqual(value);
  });
});
