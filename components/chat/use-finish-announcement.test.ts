import { describe, expect, it } from "vitest";
import { finishAnnouncement } from "./use-finish-announcement";

describe("finishAnnouncement", () => {
  it("names the persona and reads the first words, without Markdown marks, hyphenated words whole", () => {
    expect(finishAnnouncement("[persona:backend-developer] **Hello** there", "Backend Developer")).toBe(
      "Backend Developer replied: persona:backend-developer Hello there",
    );
    expect(
      finishAnnouncement("one two three four five six seven eight nine ten eleven twelve thirteen", "X"),
    ).toBe("X replied: one two three four five six seven eight nine ten eleven twelve…");
    expect(finishAnnouncement("", "X")).toBe("X did not reply.");
  });
});
