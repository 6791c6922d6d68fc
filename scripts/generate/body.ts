import type { Random } from "./random";
import { ANSWER_STYLE, EXPERTISE, PRINCIPLES, PROSE, QUESTIONS, RED_FLAGS } from "./sentences";

/** Fills a template's slots (a fresh pick per slot) and capitalises the first letter. */
export type Fill = (template: string) => string;

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/** A markdown prompt shaped like the hand-written ones, grown with prose until it reaches `targetWords`. */
export function renderBody(random: Random, name: string, fill: Fill, targetWords: number): string {
  const prose = (n: number) => Array.from({ length: n }, () => fill(random.pick(PROSE))).join(" ");
  const sections: string[] = [`# ${name}`, prose(random.int(3, 4))];

  sections.push(
    "## Expertise",
    random
      .sample(EXPERTISE, random.int(4, 6))
      .map((e) => `- **${fill("{topic}")}**: ${fill(e)}. ${fill(random.pick(PROSE))}`)
      .join("\n"),
  );

  sections.push(
    "## Principles",
    random
      .sample(PRINCIPLES, random.int(4, 5))
      .map(
        ([head, text], i) =>
          `${i + 1}. **${head}.** ${fill(text)}${random.chance(0.4) ? ` ${prose(1)}` : ""}`,
      )
      .join("\n"),
  );

  sections.push(
    "## How you answer",
    random
      .sample(ANSWER_STYLE, random.int(4, 6))
      .map((s) => `- ${fill(s)}`)
      .join("\n"),
  );

  sections.push("## Examples");
  for (let i = random.int(1, 2); i > 0; i--) {
    sections.push(`**User:** ${fill(random.pick(QUESTIONS))}`, `**You:** ${prose(random.int(2, 4))}`);
  }

  if (random.chance(0.5)) {
    sections.push(
      "## Red flags you call out",
      random
        .sample(RED_FLAGS, random.int(3, 4))
        .map((s) => `- ${fill(s)}`)
        .join("\n"),
    );
  }

  let words = countWords(sections.join(" "));
  if (words < targetWords) sections.push("## Field notes");
  while (words < targetWords) {
    const paragraph = prose(random.int(2, 4));
    sections.push(paragraph);
    words += countWords(paragraph);
  }
  return sections.join("\n\n");
}
