/**
 * The fixture corpus: every story file in test/fixtures/parse is parsed and compared with its expected JSON
 * (the format is described in test/fixtures/parse/README.md).
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStory } from "../src/importers/parse-story.js";
import type { ParsedChapter, ParsedWork } from "../src/domain/work.js";
import { zipFolder } from "./support/zip-folder.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "parse");
const CHAPTER_KEYS = ["number", "title", "summary", "notes", "endNotes", "wordCount"] as const;

interface ExpectedChapter extends Partial<Pick<ParsedChapter, (typeof CHAPTER_KEYS)[number]>> {
  textStart?: string;
  textEnd?: string;
  textIncludes?: string[];
  textExcludes?: string[];
  htmlIncludes?: string[];
  htmlExcludes?: string[];
}

type Expected = Partial<Omit<ParsedWork, "chapters">> & { chapters?: ExpectedChapter[] };

const names = (await readdir(FIXTURES)).filter((n) => n.endsWith(".expected.json")).map((n) => n.replace(/\.expected\.json$/u, ""));
const files = await readdir(FIXTURES);

async function loadStory(name: string): Promise<{ bytes: Uint8Array; fileName: string }> {
  const fileName = files.find((f) => f.startsWith(`${name}.`) && !f.endsWith(".expected.json"));
  if (!fileName) throw new Error(`no story file for fixture ${name}`);
  const path = join(FIXTURES, fileName);
  return { bytes: fileName.endsWith(".epub.d") ? await zipFolder(path) : await readFile(path), fileName };
}

describe("parse fixtures", () => {
  it("has a corpus of at least 40 fixtures", () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(names)("%s", async (name) => {
    const expected = JSON.parse(await readFile(join(FIXTURES, `${name}.expected.json`), "utf8")) as Expected;
    const { bytes, fileName } = await loadStory(name);
    const { work } = await parseStory(bytes, fileName);
    const { chapters, provenance, ...fields } = expected;
    for (const [key, value] of Object.entries(fields)) {
      expect(work[key as keyof ParsedWork], `field ${key}`).toEqual(value);
    }
    if (provenance) expect(work.provenance).toMatchObject(provenance);
    // Whatever a fixture is for, no e-mail address and no active markup may come out of it.
    expect(JSON.stringify(work), "an e-mail address in the output").not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/u);
    for (const chapter of work.chapters) {
      expect(chapter.html, "active markup in chapter html").not.toMatch(/<script|<iframe|<img|\son\w+\s*=|javascript:|style=/iu);
    }
    if (chapters) {
      expect(work.chapters.map((c) => c.title), "chapter titles").toHaveLength(chapters.length);
      chapters.forEach((chapterExpected, index) => checkChapter(work.chapters[index], chapterExpected, index));
    }
  });
});

function checkChapter(actual: ParsedChapter | undefined, expected: ExpectedChapter, index: number): void {
  if (!actual) throw new Error(`chapter ${index + 1} is missing`);
  const where = `chapter ${index + 1}`;
  for (const key of CHAPTER_KEYS) {
    if (key in expected) expect(actual[key], `${where} ${key}`).toEqual(expected[key]);
  }
  if (expected.textStart !== undefined) expect(actual.text.slice(0, expected.textStart.length), `${where} textStart`).toBe(expected.textStart);
  if (expected.textEnd !== undefined) expect(actual.text.slice(-expected.textEnd.length), `${where} textEnd`).toBe(expected.textEnd);
  for (const s of expected.textIncludes ?? []) expect(actual.text, `${where} text includes`).toContain(s);
  for (const s of expected.textExcludes ?? []) expect(actual.text, `${where} text excludes`).not.toContain(s);
  for (const s of expected.htmlIncludes ?? []) expect(actual.html, `${where} html includes`).toContain(s);
  for (const s of expected.htmlExcludes ?? []) expect(actual.html, `${where} html excludes`).not.toContain(s);
}
