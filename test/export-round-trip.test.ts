/**
 * Lossless round trip: every fixture the importer reads is stored, exported in each format, and read back by the
 * importer (parseStory, what `quire parse` runs), which must find the same metadata and text as the archive holds.
 */
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import type { ParsedWork } from "../src/domain/work.js";
import type { ExportedWork } from "../src/formats/export/exported-work.js";
import { EXPORT_FORMATS, exportFileName } from "../src/formats/export/file-name.js";
import { writeExport } from "../src/formats/export/write-export.js";
import { parseStory } from "../src/importers/parse-story.js";
import { exportWorkAsOwner } from "../src/services/export/export-works.js";
import { freshQuire, TEST_ENGINES } from "./support/databases.js";
import { parsedFixtures, storeParsedWorks, TEST_SITE } from "./support/export-fixtures.js";

const fixtures = await parsedFixtures();

/** What a work states, in the shape both sides can be compared in. */
function stated(work: { title: string | null; authors: string[]; language: string; status: string; published: string | null; summary: string | null; notes: string | null; endNotes: string | null }) {
  return { title: work.title, authors: work.authors, language: work.language, status: work.status, published: work.published, summary: work.summary, notes: work.notes, endNotes: work.endNotes };
}

function fromArchive(work: ExportedWork) {
  return {
    ...stated(work),
    fandoms: work.tags.Fandom, rating: work.tags.Rating, warnings: work.tags.ArchiveWarning, categories: work.tags.Category,
    relationships: work.tags.Relationship, characters: work.tags.Character, freeforms: work.tags.Freeform,
    updated: work.updated, series: work.series.map((s) => ({ name: s.name, part: s.part })),
    chapters: work.chapters.map((c) => ({ title: c.title, text: c.text })), wordCount: work.wordCount,
  };
}

function fromImporter(work: ParsedWork) {
  return {
    ...stated(work),
    fandoms: work.fandoms, rating: [work.rating], warnings: work.warnings, categories: work.categories,
    relationships: work.relationships, characters: work.characters, freeforms: work.freeforms,
    // The archive keeps the date posted as the date updated when a file gave none.
    updated: work.updated ?? work.published, series: work.series,
    chapters: work.chapters.map((c) => ({ title: c.title, text: c.text })), wordCount: work.wordCount,
  };
}

/**
 * Summaries and notes compared as paragraphs (an empty paragraph, left where the importer removed an e-mail
 * address, is no paragraph); in plain text, whose header states a note's paragraphs as lines, as words.
 */
function comparable(format: string, key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (typeof value !== "string" || !["summary", "notes", "endNotes"].includes(key)) return json;
  return format === "txt" ? value.replace(/\s+/gu, " ") : value.replace(/\n{3,}/gu, "\n\n");
}

/**
 * The one loss, of plain text alone: an end note with a line of its own that reads as a header field
 * ("Feedback: …"), which in a text header is one.
 */
const KNOWN_LOSSES = new Set(["text-signature-after-end-startrek.txt txt endNotes"]);

describe.each(TEST_ENGINES)("export round trip on $name", (engine) => {
  let library: Awaited<ReturnType<typeof freshQuire>> | undefined;
  let ids: number[] = [];
  beforeAll(async () => {
    if (engine.unavailable) return;
    library = await freshQuire(engine);
    ids = await storeParsedWorks(library.quire, fixtures.map((f) => f.work));
  });
  afterAll(async () => {
    await library?.dispose();
  });

  it("reads back every fixture in every format", async (context) => {
    if (engine.unavailable || !library) {
      console.warn(`skipped: ${engine.unavailable}`);
      context.skip();
      return;
    }
    expect(fixtures.length).toBeGreaterThan(80);
    const failures: string[] = [];
    for (const [index, fixture] of fixtures.entries()) {
      const exported = await exportWorkAsOwner(library.quire.library.db, ids[index] ?? 0, TEST_SITE);
      const expected = fromArchive(exported);
      for (const format of EXPORT_FORMATS) {
        const bytes = await writeExport(exported, format);
        const { work } = await parseStory(bytes, exportFileName(exported.title, format));
        const actual = fromImporter(work);
        for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
          if (KNOWN_LOSSES.has(`${fixture.name} ${format} ${key}`)) continue;
          if (comparable(format, key, actual[key]) !== comparable(format, key, expected[key])) failures.push(`${fixture.name} ${format} ${key}: ${JSON.stringify(actual[key]).slice(0, 300)} != ${JSON.stringify(expected[key]).slice(0, 300)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
