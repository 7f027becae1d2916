/**
 * The parse fixtures (test/fixtures/parse) as the export tests use them: every story file that parses, stored in
 * a library through the store's own insertWork, so that the exports read them back as the archive holds them.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Quire } from "../../src/composition.js";
import type { ParsedWork } from "../../src/domain/work.js";
import type { ExportedWork } from "../../src/formats/export/exported-work.js";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { parseStory } from "../../src/importers/parse-story.js";
import { toStore } from "../factories.js";
import { zipFolder } from "./zip-folder.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "parse");

export interface ParsedFixture {
  name: string;
  work: ParsedWork;
}

/** Every fixture story file that the importer reads (a few are there to be refused), parsed. */
export async function parsedFixtures(): Promise<ParsedFixture[]> {
  const files = (await readdir(FIXTURES)).filter((f) => !f.endsWith(".expected.json") && f !== "README.md").sort();
  const parsed: ParsedFixture[] = [];
  for (const fileName of files) {
    const path = join(FIXTURES, fileName);
    const bytes = fileName.endsWith(".epub.d") ? await zipFolder(path) : await readFile(path);
    try {
      parsed.push({ name: fileName, work: (await parseStory(bytes, fileName.replace(/\.d$/u, ""))).work });
    } catch {
      // A fixture of a file the importer refuses has nothing to export.
    }
  }
  return parsed;
}

/** Stores the works; returns each one's id, in the order given. */
export async function storeParsedWorks(quire: Quire, works: readonly ParsedWork[]): Promise<number[]> {
  const { db, engine } = quire.library;
  const ids: number[] = [];
  await engine.writeTransaction(db, async (trx) => {
    for (const work of works) ids.push(await insertWork(trx, engine, toStore(work), "2026-11-01T00:00:00.000Z"));
  });
  await refreshWorkFilters(db, ids);
  return ids;
}

export const TEST_SITE = { origin: "https://archive.example", archiveName: "Quire Test Archive" };

/**
 * A parsed work as the exports take it, without a library in between: for checks of the writers alone (epubcheck),
 * which need not run once per database engine. The service's own mapping is checked by the round trip.
 */
export function exportedFromParsed(work: ParsedWork, id: number): ExportedWork {
  return {
    id,
    title: work.title ?? "Untitled",
    authors: work.authors,
    tags: {
      Rating: [work.rating], ArchiveWarning: work.warnings, Category: work.categories, Fandom: work.fandoms,
      Relationship: work.relationships, Character: work.characters, Freeform: work.freeforms,
    },
    language: work.language,
    status: work.status,
    published: work.published,
    updated: work.updated ?? work.published,
    wordCount: work.wordCount,
    chapterCount: work.chapters.length,
    expectedChapters: null,
    series: work.series.map((s, i) => ({ name: s.name, part: s.part ?? i + 1, url: `${TEST_SITE.origin}/series/${i + 1}` })),
    summary: work.summary,
    notes: work.notes,
    endNotes: work.endNotes,
    gifts: [],
    sourceUrl: `${TEST_SITE.origin}/works/${id}`,
    archiveName: TEST_SITE.archiveName,
    archiveUrl: `${TEST_SITE.origin}/`,
    changedAt: "2026-11-01T00:00:00.000Z",
    collection: false,
    chapters: work.chapters.map((c, i) => ({ position: i + 1, title: c.title, summary: c.summary, notes: c.notes, endNotes: c.endNotes, html: c.html, text: c.text })),
  };
}
