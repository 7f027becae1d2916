/**
 * The parse fixtures (test/fixtures/parse) as the export tests use them: every story file that parses, stored in
 * a library through the store's own insertWork, so that the exports read them back as the archive holds them.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Quire } from "../../src/composition.js";
import type { ParsedWork } from "../../src/domain/work.js";
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
