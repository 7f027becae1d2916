/**
 * Properties of the importer over generated input (fast-check): whatever the bytes, parseStory ends, and either
 * gives a work that keeps its invariants or refuses with its typed error; a plain story's text comes through; and
 * no markup a story carries comes out active.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnreadableStoryError } from "../domain/errors.js";
import { countWords } from "../domain/word-count.js";
import type { ParsedWork } from "../domain/work.js";
import { loadXssVectors } from "../../test/support/xss-vectors.js";
import { parseStory } from "./parse-story.js";

const NAMES = ["story.txt", "story.html", "story.htm", "story.md", "story.epub", "story", "story.xhtml"];
// Fixed, so that a failure is the same failure on the next run; fast-check prints the seed and path to replay.
const SEED = 20261130;

/** The work's invariants, whatever the input: each a plain fact, so that a failure names the broken one. */
function checkInvariants(work: ParsedWork): void {
  expect(work.chapters.length).toBeGreaterThan(0);
  expect(work.chapters.some((c) => c.text.trim().length > 0)).toBe(true);
  work.chapters.forEach((chapter, index) => {
    expect(chapter.number).toBe(index + 1);
    expect(chapter.wordCount).toBeGreaterThanOrEqual(0);
    expect(chapter.wordCount).toBe(countWords(chapter.text));
    // Active markup only: "javascript:" in the text itself is words, escaped like any other.
    expect(chapter.html).not.toMatch(/<script|<iframe|<object|<embed|<[^>]*\son[a-z]+\s*=|<[^>]*=\s*["']?\s*javascript:/iu);
  });
  expect(work.wordCount).toBe(work.chapters.reduce((n, c) => n + c.wordCount, 0));
  expect(work.language).toMatch(/^[a-z]{2}$/u);
}

/** Parses, and sorts the outcome: a work (checked) or the importer's typed refusal, one line; anything else fails. */
async function parseOrRefuse(bytes: Uint8Array, name: string): Promise<ParsedWork | null> {
  try {
    const { work } = await parseStory(bytes, name);
    checkInvariants(work);
    return work;
  } catch (error) {
    if (!(error instanceof UnreadableStoryError)) throw error;
    expect(error.message.trim().length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/\n/u);
    return null;
  }
}

// Bytes that look like text often enough to reach the format parsers: printable ASCII, markup characters,
// line ends, a header label, high and control bytes.
const TEXTISH = fc.array(
  fc.oneof(
    fc.constantFrom("Title: ", "Author: ", "Chapter 1\n", "<p>", "</p>", "<div>", "<br>", "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "&#x110000;", "* * *", "---\n", "\n\n", "\r\n", "<script>", "<h1>", "</h1>", "Summary: "),
    fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 8 }),
  ),
  { maxLength: 60 },
).map((parts) => new TextEncoder().encode(parts.join("")));

describe("parseStory over generated input", () => {
  it("ends on any bytes with a work that keeps its invariants, or with its typed error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 4096 }), TEXTISH), fc.constantFrom(...NAMES), async (bytes, name) => {
        await parseOrRefuse(bytes, name);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("keeps every paragraph of a plain story, in order, in any of its formats", async () => {
    const word = fc.stringMatching(/^[a-z]{3,9}$/u);
    const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((words) => `The ${words.join(" ")}.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 8 }), fc.constantFrom("txt", "md", "html"), async (paragraphs, format) => {
        const body = format === "html" ? `<html><head><title>Tide Tables</title></head><body><h1>Tide Tables</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</body></html>` : `Title: Tide Tables\n\n${paragraphs.join("\n\n")}\n`;
        const { work } = await parseStory(new TextEncoder().encode(body), `tides.${format}`);
        checkInvariants(work);
        expect(work.title).toBe("Tide Tables");
        expect(work.chapters.map((c) => c.text).join("\n\n")).toBe(paragraphs.join("\n\n"));
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it("lets no script, event handler or javascript: URL through, wherever the story carries them", async () => {
    const vectors = loadXssVectors();
    const story = "<p>The harbour lights came on one at a time, and the boats came home beneath them.</p>";
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...vectors), { minLength: 1, maxLength: 4 }), fc.constantFrom("story.html", "story.md", "story.txt"), async (picked, name) => {
        const html = `<html><head><title>Lights</title></head><body>${picked.join(story)}${story}${picked.join("")}</body></html>`;
        await parseOrRefuse(new TextEncoder().encode(html), name);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
