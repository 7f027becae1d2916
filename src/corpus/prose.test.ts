import { describe, expect, it } from "vitest";
import { countWords } from "../domain/word-count.js";
import { castOf, ProseWriter, SCENE_BREAK } from "./prose.js";
import { createRandom } from "./random.js";

const CAST = castOf(["Buffy", "Teal'c", "The Doctor", "Éponine", "Obi-Wan", "Mrs. Hudson"]);

describe("ProseWriter", () => {
  it.each(["straight", "curly"] as const)("keeps a running word count equal to the Archive's count of the text (%s typography)", (typography) => {
    const writer = new ProseWriter(createRandom([1, typography.length]), CAST, { typography, emphasis: true });
    for (let i = 0; i < 200; i += 1) {
      const before = writer.words;
      const paragraph = writer.paragraph();
      expect(countWords(paragraph), paragraph).toBe(writer.words - before);
    }
  });

  it("writes a chapter of about the target length, at least three paragraphs, with breaks only inside", () => {
    const writer = new ProseWriter(createRandom([2]), CAST, { typography: "straight", emphasis: false });
    const paragraphs = writer.chapter(6000);
    const words = paragraphs.reduce((sum, p) => sum + countWords(p), 0);
    expect(words).toBe(writer.words);
    expect(words).toBeGreaterThanOrEqual(6000);
    expect(words).toBeLessThan(6200);
    expect(paragraphs.filter((p) => p === SCENE_BREAK).length).toBeGreaterThan(0);
    expect(paragraphs[0]).not.toBe(SCENE_BREAK);
    expect(paragraphs.at(-1)).not.toBe(SCENE_BREAK);
    expect(new ProseWriter(createRandom([3]), CAST, { typography: "straight", emphasis: false }).chapter(10).length).toBeGreaterThanOrEqual(3);
  });

  it("uses the cast's names and English words, with no colon a header parser could take for a label", () => {
    const writer = new ProseWriter(createRandom([4]), CAST, { typography: "curly", emphasis: false });
    const text = writer.chapter(3000).join("\n\n");
    expect(text).toContain("Buffy");
    expect(text).toContain("“");
    expect(text).not.toContain(":");
    expect(text).not.toMatch(/\b(?:chapter|review|comment|beta|sequel|kudos|update)\b/iu);
  });
});
