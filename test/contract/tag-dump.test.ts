/**
 * Tag import and export on every engine: the Archive's tag dump (CSV) with its ids mapped to ours, mergers that
 * come after their synonyms, rows rejected with reasons, the library's wrangling kept, works' filters refreshed;
 * the export read back; and Quire's own vocabulary file in and out.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readVocabulary } from "../../src/db/repositories/vocabulary.js";
import { insertWork } from "../../src/db/repositories/works.js";
import type { TagType } from "../../src/domain/tags/tag-type.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { searchWorks } from "../../src/services/search-works.js";
import { describeTags, listWranglingHistory } from "../../src/services/tags/describe-tags.js";
import { tagFileFormat } from "../../src/services/tags/import-tags.js";
import { makeTagCanonical } from "../../src/services/tags/make-canonical.js";
import { exportTagDump, importTagDump } from "../../src/services/tags/tag-dump.js";
import { exportVocabularyFile, importVocabularyFile } from "../../src/services/tags/vocabulary-transfer.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuire, freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { SMALL_VOCABULARY_YAML, sortedVocabulary, smallVocabulary } from "../support/small-vocabulary.js";

// The Archive's own ids, a merger listed after its synonyms, and the rows a real dump has that Quire cannot take.
const DUMP = `id,type,name,canonical,cached_count,merger_id
101,Freeform,h/c,false,12,205
102,Freeform,Hurt/Comfort Lite,false,3,205
205,Freeform,Hurt/Comfort,true,5000,
300,Fandom,Moonlit Harbour (TV),true,80,
301,Fandom,MH,false,4,300
302,Media,TV Shows,true,0,
303,Character,,false,0,
304,Freeform,Fluff,maybe,2,
305,Freeform,Orphan Synonym,false,1,999
306,Character,Harbour Ghost,false,1,300
13,Rating,Explicit,true,900,
14,Rating,Spicy,true,1,
"307","Freeform","Tea, and Sympathy",true,7,
301,Freeform,Duplicate Id,false,0,
308,Freeform,Too,Many,Fields,false,0,
309,Freeform,AU,false,3,310
310,Freeform,Alternate Universe,true,40,
`;

describe.each(TEST_ENGINES)("tag import and export on $name", (engine) => {
  const quire = freshQuirePerTest(engine);

  const importCsv = (text: string) => importTagDump(quire().library, Readable.from([text]), "dump.csv");
  const status = async (name: string, type: TagType) => {
    const [tag] = await describeTags(quire().library.db, { name, type });
    return tag && { status: tag.status, synonymOf: tag.synonymOf };
  };
  const exported = async () => {
    let text = "";
    const count = await exportTagDump(quire().library.db, (chunk) => (text += chunk));
    return { count, text, rows: parse(text, { columns: true }) as Record<string, string>[] };
  };

  it("imports an Archive tag dump: creates tags, sets canonical flags and mergers, and rejects what it cannot take, saying why", async () => {
    await quire().library.engine.writeTransaction(quire().library.db, async (trx) => {
      await insertWork(trx, quire().library.engine, toStore(parsedWork({ title: "Bandages", freeforms: ["h/c"] })), "2026-01-01T00:00:00.000Z");
      // The library has wrangled AU already: the dump will not undo it.
      await insertWork(trx, quire().library.engine, toStore(parsedWork({ title: "Elsewhere", freeforms: ["AU"] })), "2026-01-01T00:00:00.000Z");
    });
    await makeTagCanonical(quire().library, { name: "AU", type: "Freeform" });

    const report = await importCsv(DUMP);
    expect(report).toMatchObject({ format: "csv", entries: 17, madeCanonical: 4, merged: 3, kept: 1, worksRefreshed: 1 });
    expect(report.created).toBe(8); // h/c and AU were there already
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [7, "Media tags are not kept (Quire files fandoms without media)"],
      [8, "no name (the Archive's dump leaves some out)"],
      [9, 'canonical is "maybe", not true or false'],
      [10, "its merger_id 999 is not a tag of the file"],
      [11, 'its merger "Moonlit Harbour (TV)" is a Fandom tag, not a Character tag'],
      [13, '"Spicy" is not one of the Archive\'s Rating tags'],
      [15, "id 301 is in the file twice"],
      [16, "8 fields where the header has 6"],
    ]);
    expect(await status("h/c", "Freeform")).toEqual({ status: "synonym", synonymOf: "Hurt/Comfort" });
    expect(await status("Hurt/Comfort Lite", "Freeform")).toEqual({ status: "synonym", synonymOf: "Hurt/Comfort" });
    expect(await status("MH", "Fandom")).toEqual({ status: "synonym", synonymOf: "Moonlit Harbour (TV)" });
    expect(await status("Tea, and Sympathy", "Freeform")).toEqual({ status: "canonical", synonymOf: null });
    expect(await status("Harbour Ghost", "Character")).toEqual({ status: "unwrangled", synonymOf: null });
    expect(await status("AU", "Freeform")).toEqual({ status: "canonical", synonymOf: null });
    const found = await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), includeTags: [{ name: "Hurt/Comfort", type: "Freeform" }] });
    expect(found.works.map((w) => w.title)).toEqual(["Bandages"]);
    expect((await listWranglingHistory(quire().library.db, 1))[0]).toMatchObject({ operation: "import", detail: { source: "dump.csv", merged: 3, rejected: 8 } });

    expect(await importCsv(DUMP)).toMatchObject({ created: 0, madeCanonical: 0, merged: 0, worksRefreshed: 0 });
  });

  it("refuses a file that is no tag dump, and stores nothing of it", async () => {
    await expect(importCsv("name,kind\nAngst,Freeform\n")).rejects.toThrow(/not an Archive tag dump: its header lacks id, type, canonical, merger_id/u);
    await expect(importCsv("")).rejects.toThrow(/the file is empty/u);
    const { count } = await exported();
    expect(count).toBe(17); // the fixed ratings, warnings and categories only
  });

  it("exports every tag with its works count and merger, and the export imports into another library as it was", async () => {
    await importVocabularyFile(quire().library, SMALL_VOCABULARY_YAML, "small.yaml");
    await quire().library.engine.writeTransaction(quire().library.db, async (trx) => {
      for (const freeforms of [["h/c", "Angst"], ["Hurt/Comfort"], ["Angst"]]) await insertWork(trx, quire().library.engine, toStore(parsedWork({ freeforms })), "2026-01-01T00:00:00.000Z");
    });
    const { count, text, rows } = await exported();
    expect(text.split("\n")[0]).toBe("id,type,name,canonical,cached_count,merger_id");
    expect(rows).toHaveLength(count);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("Hurt/Comfort")).toMatchObject({ type: "Freeform", canonical: "true", cached_count: "1", merger_id: "" });
    expect(byName.get("h/c")).toMatchObject({ canonical: "false", cached_count: "1", merger_id: byName.get("Hurt/Comfort")?.id });
    expect(byName.get("Angst")).toMatchObject({ canonical: "false", cached_count: "2", merger_id: "" });
    expect(byName.get("Not Rated")).toMatchObject({ type: "Rating", canonical: "true", cached_count: "3" });
    expect(byName.get("Isolde Fenn & Mara Quell")).toMatchObject({ type: "Relationship", canonical: "true" });

    const other = await freshQuire(engine);
    try {
      const report = await importTagDump(other.quire.library, Readable.from([text]), "export.csv");
      expect(report.rejected).toEqual([]);
      let again = "";
      await exportTagDump(other.quire.library.db, (chunk) => (again += chunk));
      const shape = (csv: string) => {
        const list = parse(csv, { columns: true }) as Record<string, string>[];
        const names = new Map(list.map((r) => [r.id, r.name]));
        return list.map((r) => `${r.type}|${r.name}|${r.canonical}|${names.get(r.merger_id ?? "") ?? ""}`).sort();
      };
      expect(shape(again)).toEqual(shape(text));
    } finally {
      await other.dispose();
    }
  });

  it("imports and exports Quire's vocabulary file, with details the tag dump cannot hold", async () => {
    const report = await importVocabularyFile(quire().library, SMALL_VOCABULARY_YAML, "small.yaml");
    expect(report).toMatchObject({ format: "quire", entries: 12, merged: 0, kept: 0, rejected: [] });
    expect(report.linked).toBeGreaterThan(10);
    const { text, omitted } = await exportVocabularyFile(quire().library.db);
    expect(omitted).toEqual([]);
    const other = await freshQuire(engine);
    try {
      await importVocabularyFile(other.quire.library, text, "export.yaml");
      expect(sortedVocabulary(await readVocabulary(other.quire.library.db))).toEqual(sortedVocabulary(smallVocabulary()));
    } finally {
      await other.dispose();
    }
    await expect(importVocabularyFile(quire().library, "characters:\n  - { name: X, fandoms: [], gender: female }\n", "bad.yaml")).rejects.toThrow(/^bad\.yaml: characters\.0\.fandoms/u);
    // A canonical character the wranglers made, with no fandom, has no place in the file format.
    await quire().library.engine.writeTransaction(quire().library.db, (trx) => insertWork(trx, quire().library.engine, toStore(parsedWork({ characters: ["Lone Keeper"] })), "2026-01-01T00:00:00.000Z"));
    await makeTagCanonical(quire().library, { name: "Lone Keeper", type: "Character" });
    expect((await exportVocabularyFile(quire().library.db)).omitted).toEqual(['character "Lone Keeper" (no fandom)']);
  });
});

describe("tagFileFormat", () => {
  it("goes by the extension, then by the header line", () => {
    expect(tagFileFormat("tags.csv", "anything")).toBe("csv");
    expect(tagFileFormat("vocab.YML", "id,type,name")).toBe("quire");
    expect(tagFileFormat("tags-20210226", "\uFEFFid,type,name,canonical,cached_count,merger_id\r\n1,Freeform,A,true,0,")).toBe("csv");
    expect(tagFileFormat("vocabulary.txt", "fandoms:\n  - name: A\n")).toBe("quire");
  });
});
