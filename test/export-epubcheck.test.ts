/**
 * Every EPUB Quire writes passes epubcheck with no error and no warning: the book of each parse fixture that the
 * importer reads, of works posted with odd HTML, and a series as one book. The books are written by the pure
 * writers (no database: the service's mapping is the round trip's to check) and checked in one Java start.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeEpub } from "../src/formats/export/epub.js";
import { seriesBook } from "../src/formats/export/series-book.js";
import { epubcheckAll, epubcheckUnavailable } from "./support/epubcheck.js";
import { exportedFromParsed, parsedFixtures } from "./support/export-fixtures.js";
import { ODD_HTML_WORKS } from "./support/odd-html-works.js";

const unavailable = await epubcheckUnavailable();

describe("epubcheck", () => {
  it("passes every exported EPUB with no error and no warning", async (context) => {
    if (unavailable) {
      console.warn(`skipped: ${unavailable}`);
      context.skip();
      return;
    }
    const fixtures = await parsedFixtures();
    const works = [...fixtures.map((f) => f.work), ...ODD_HTML_WORKS].map((work, i) => exportedFromParsed(work, i + 1));
    const [first, second] = works.slice(-3);
    const books = first && second ? [...works, seriesBook({ id: 1, name: "A Series as One Book", summary: "Two works.", notes: null, url: "https://archive.example/series/1" }, [first, second])] : works;
    const folder = await mkdtemp(join(tmpdir(), "quire-epubcheck-"));
    const files = await Promise.all(books.map(async (book, i) => {
      const file = join(folder, `book-${i + 1}.epub`);
      await writeFile(file, await writeEpub(book));
      return file;
    }));
    const started = performance.now();
    const results = await epubcheckAll(files);
    console.log(`epubcheck: ${files.length} books in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(results).toHaveLength(files.length);
    const failed = results.filter((r) => r.fatals + r.errors + r.warnings > 0).map((r) => `${r.file}:\n  ${r.messages.join("\n  ")}`);
    expect(failed).toEqual([]);
  }, 900_000);
});
