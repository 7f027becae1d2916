import { describe, expect, it } from "vitest";
import { paragraph, type Block } from "../document.js";
import { opensHeadingRun, splitChapters } from "./chapters.js";

const rule = (line: string): Block => ({ kind: "break", evidence: line });
const ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
  "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII"];

// What the text reader makes of a roman heading line: "XXX" is read as a scene break first.
function heading(n: number): Block {
  const numeral = ROMAN[n] ?? "";
  return numeral === "XXX" ? rule(numeral) : paragraph(numeral);
}

// Chapters `from` to `to`, each a heading over a paragraph, with an "XXX" scene break inside each when asked.
function romanChapters(from: number, to: number, { breaks = false } = {}): Block[] {
  const blocks: Block[] = [];
  for (let n = from; n <= to; n += 1) {
    blocks.push(heading(n), paragraph(`Chapter ${n} begins with a walk along the harbour wall.`));
    if (breaks) blocks.push(rule("XXX"), paragraph(`Chapter ${n} ends when the tide comes in over the steps.`));
  }
  return blocks;
}

const firstWords = (blocks: readonly Block[]) => (blocks[0]?.kind === "paragraph" ? blocks[0].text : "");

describe("splitChapters with roman-numeral headings", () => {
  it("reads an XXX line between XXIX and XXXI as chapter thirty's heading", () => {
    const { chapters } = splitChapters(romanChapters(1, 32));
    expect(chapters).toHaveLength(32);
    expect(chapters[29]?.number).toBe(30);
    expect(firstWords(chapters[29]?.blocks ?? [])).toBe("Chapter 30 begins with a walk along the harbour wall.");
  });

  it("reads a final XXX as the last chapter's heading", () => {
    expect(splitChapters(romanChapters(1, 30)).chapters).toHaveLength(30);
  });

  it("keeps XXX lines that do not continue the run as scene breaks", () => {
    const { chapters } = splitChapters(romanChapters(1, 32, { breaks: true }));
    expect(chapters).toHaveLength(32);
    for (const chapter of chapters) {
      expect(chapter.blocks.map((b) => b.kind)).toEqual(["paragraph", "break", "paragraph"]);
      expect(firstWords(chapter.blocks)).toBe(`Chapter ${chapter.number} begins with a walk along the harbour wall.`);
    }
  });

  it("reads a file that starts at XXX as chapters from thirty", () => {
    const { chapters } = splitChapters(romanChapters(30, 32, { breaks: true }));
    expect(chapters.map((c) => c.number)).toEqual([30, 31, 32]);
    expect(chapters[0]?.blocks.map((b) => b.kind)).toEqual(["paragraph", "break", "paragraph"]);
  });

  it("keeps XXX a scene break in a story without roman headings", () => {
    const blocks = [paragraph("They left at dawn."), rule("XXX"), paragraph("They came back at dusk.")];
    expect(splitChapters(blocks)).toEqual({ before: blocks, chapters: [] });
  });
});

describe("opensHeadingRun", () => {
  const story = [paragraph("1. Cellar"), paragraph("A/N: Thanks to my beta."), paragraph("Toph stamped on the floor."), paragraph("2. Lanterns"), paragraph("They went down.")];

  it("is true for a weak heading that the next heading continues", () => {
    expect(opensHeadingRun(story, 0)).toBe(true);
  });

  it("is false for a weak heading the story does not continue", () => {
    expect(opensHeadingRun([paragraph("9/11"), paragraph("Nobody spoke of it."), paragraph("4. Later")], 0)).toBe(false);
  });

  it("is false for a paragraph that is no heading", () => {
    expect(opensHeadingRun(story, 2)).toBe(false);
  });

  it("passes over XXX scene breaks to the next heading", () => {
    expect(opensHeadingRun(romanChapters(30, 31, { breaks: true }), 0)).toBe(true);
  });
});
