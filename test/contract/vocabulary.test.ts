/**
 * The stored vocabulary on every engine: a vocabulary file stored as tags, synonyms, parents, meta tags and
 * details and read back as the same file; a second store that adds what is new and undoes no wrangling; tags
 * already on works wrangled with their filters; and the starter vocabulary seeded once per version.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openQuire } from "../../src/composition.js";
import { readSetting } from "../../src/db/repositories/library-settings.js";
import { readVocabulary, storeVocabulary } from "../../src/db/repositories/vocabulary.js";
import { listWranglings } from "../../src/db/repositories/wrangling-history.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { VocabularyError } from "../../src/domain/errors.js";
import type { TagType } from "../../src/domain/tags/tag-type.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { searchWorks } from "../../src/services/search-works.js";
import { makeTagCanonical } from "../../src/services/tags/make-canonical.js";
import { mergeTag } from "../../src/services/tags/merge-tag.js";
import { seedStarterVocabulary, shippedStarterVocabulary, STARTER_VOCABULARY_SETTING } from "../../src/services/tags/seed-starter-vocabulary.js";
import { removeMetaTag, removeTagParent } from "../../src/services/tags/tag-links.js";
import { starterVocabulary } from "../../src/tags/starter-vocabulary.js";
import type { VocabularyFile } from "../../src/tags/vocabulary-file.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { smallVocabulary, sortedVocabulary, starterVocabularyOf } from "../support/small-vocabulary.js";

const NOW = "2026-01-01T00:00:00.000Z";

describe.each(TEST_ENGINES)("the stored vocabulary on $name", (engine) => {
  const quire = freshQuirePerTest(engine);

  const store = (file: VocabularyFile) => quire().library.engine.writeTransaction(quire().library.db, (trx) => storeVocabulary(trx, file, NOW));
  const tag = async (type: TagType, name: string) => {
    const row = await quire().library.db.selectFrom("tags as t").leftJoin("tags as m", "m.id", "t.merger_id")
      .select(["t.id", "t.canonical", "m.name as merger"]).where("t.type", "=", type).where("t.name", "=", name).executeTakeFirst();
    return row ? { canonical: row.canonical === 1, merger: row.merger } : undefined;
  };
  const links = async (table: "tag_parents" | "meta_tags") => {
    const [upper, lower] = table === "tag_parents" ? ["parent_id", "child_id"] : ["meta_id", "sub_id"];
    const { rows } = await sql<{ upper: string; lower: string }>`select u.name as upper, d.name as lower from ${sql.table(table)} l
      join tags u on u.id = ${sql.ref(`l.${upper}`)} join tags d on d.id = ${sql.ref(`l.${lower}`)}`.execute(quire().library.db);
    return rows.map((r) => `${r.upper} > ${r.lower}`).sort();
  };
  const search = async (name: string, type: "Fandom" | "Freeform") => {
    const result = await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), includeTags: [{ name, type }] });
    return { titles: result.works.map((w) => w.title).sort(), facets: result.facets };
  };

  it("stores canonical tags, synonyms, parents, meta tags and details, and reads the same file back", async () => {
    const file = smallVocabulary();
    const report = await store(file);
    expect(report).toMatchObject({ merged: 0, madeCanonical: 0, kept: 0, worksRefreshed: 0 });
    expect(report.created).toBe(4 + 4 + 3 + 3 + 2 + 1 + 3 + 2); // fandoms and their synonyms, characters and theirs, ships and theirs, freeforms and theirs
    expect(await tag("Fandom", "Moonlit Harbour (TV)")).toEqual({ canonical: true, merger: null });
    expect(await tag("Fandom", "MH")).toEqual({ canonical: false, merger: "Moonlit Harbour (TV)" });
    expect(await tag("Relationship", "Tobias/Mara")).toEqual({ canonical: false, merger: "Mara Quell/Tobias Wren (Moonlit Harbour)" });
    expect(await tag("Relationship", "Isolde Fenn & Mara Quell")).toEqual({ canonical: true, merger: null });
    expect(await links("tag_parents")).toEqual([
      "Glass Orchard (Books) > Isolde Fenn", "Glass Orchard (Books) > Isolde Fenn & Mara Quell", "Isolde Fenn > Isolde Fenn & Mara Quell",
      "Mara Quell > Isolde Fenn & Mara Quell", "Mara Quell > Mara Quell/Tobias Wren (Moonlit Harbour)",
      "Moonlit Harbour (Film) > Isolde Fenn & Mara Quell", "Moonlit Harbour (Film) > Mara Quell",
      "Moonlit Harbour (TV) > Isolde Fenn & Mara Quell", "Moonlit Harbour (TV) > Mara Quell", "Moonlit Harbour (TV) > Mara Quell/Tobias Wren (Moonlit Harbour)",
      "Moonlit Harbour (TV) > Tobias Wren (Moonlit Harbour)", "Tobias Wren (Moonlit Harbour) > Mara Quell/Tobias Wren (Moonlit Harbour)",
    ]);
    expect(await links("meta_tags")).toEqual(["Alternate Universe > Alternate Universe - Lighthouses", "Harbourverse > Moonlit Harbour (Film)", "Harbourverse > Moonlit Harbour (TV)"]);

    const read = await readVocabulary(quire().library.db);
    expect(sortedVocabulary(read)).toEqual(sortedVocabulary(file));
    // A character's fandoms keep their order: the home fandom first.
    expect(read.characters.find((c) => c.name === "Mara Quell")?.fandoms).toEqual(["Moonlit Harbour (TV)", "Moonlit Harbour (Film)"]);
  });

  it("changes nothing when the same file is stored again", async () => {
    await store(smallVocabulary());
    expect(await store(smallVocabulary())).toEqual({ created: 0, madeCanonical: 0, merged: 0, linked: 0, kept: 0, detailed: 0, worksRefreshed: 0 });
  });

  it("adds what a newer file brings and undoes no wrangling", async () => {
    await store(smallVocabulary());
    const library = quire().library;
    await makeTagCanonical(library, { name: "MH", type: "Fandom" });
    await mergeTag(library, { name: "Hurt/Comfort", type: "Freeform" }, { name: "Alternate Universe", type: "Freeform" });
    await removeTagParent(library, { name: "Mara Quell", type: null }, { name: "Moonlit Harbour (Film)", type: null });
    await removeMetaTag(library, { name: "Moonlit Harbour (Film)", type: null }, { name: "Harbourverse", type: null });

    const newer = smallVocabulary();
    newer.relationships[0]?.shipNames.push("Tobara");
    newer.characters[0]?.mentions.push("the Captain");
    newer.freeforms.push({ name: "Found Family", synonyms: ["found!family"], metaTags: [] });
    const report = await store(newer);
    expect(report).toMatchObject({ created: 2, linked: 0, merged: 0, madeCanonical: 0, detailed: 2 });
    expect(report.kept).toBe(2); // MH is canonical, Hurt/Comfort a synonym: both stay so

    expect(await tag("Fandom", "MH")).toEqual({ canonical: true, merger: null });
    expect(await tag("Freeform", "Hurt/Comfort")).toEqual({ canonical: false, merger: "Alternate Universe" });
    expect(await links("tag_parents")).not.toContain("Moonlit Harbour (Film) > Mara Quell");
    expect(await links("meta_tags")).not.toContain("Harbourverse > Moonlit Harbour (Film)");
    const read = await readVocabulary(library.db);
    expect(read.relationships.find((r) => r.members.includes("Mara Quell") && r.kind === "romantic")?.shipNames).toEqual(["Marobias", "Tobara"]);
    expect(read.characters.find((c) => c.name === "Mara Quell")).toMatchObject({ fandoms: ["Moonlit Harbour (TV)"], mentions: ["Mara", "Mara Quell", "the Captain"] });
    // The wrangled synonym is the library's vocabulary now, for the importer to use.
    expect(read.freeforms.find((f) => f.name === "Alternate Universe")?.synonyms).toEqual(["AU", "Hurt/Comfort", "h/c"]);
    expect(read.fandoms.map((f) => f.name)).toContain("MH");
  });

  it("wrangles tags already on works and refreshes their filters", async () => {
    const { db, engine: libraryEngine } = quire().library;
    await libraryEngine.writeTransaction(db, async (trx) => {
      await insertWork(trx, libraryEngine, toStore(parsedWork({ title: "Lamps", fandoms: ["MH"], freeforms: ["Lighthouse AU"] })), NOW);
      await insertWork(trx, libraryEngine, toStore(parsedWork({ title: "Crossing", fandoms: ["Moonlit Harbour", "Glass Orchard"] })), NOW);
    });
    expect((await search("Moonlit Harbour (TV)", "Fandom")).titles).toEqual([]);
    const report = await store(smallVocabulary());
    expect(report).toMatchObject({ merged: 4, worksRefreshed: 2 });
    expect((await search("Moonlit Harbour (TV)", "Fandom")).titles).toEqual(["Crossing", "Lamps"]);
    const au = await search("Alternate Universe", "Freeform");
    expect(au.titles).toEqual(["Lamps"]);
    expect(au.facets.fandoms).toEqual([{ name: "Harbourverse", count: 1 }, { name: "Moonlit Harbour (TV)", count: 1 }]);
    const crossing = await searchWorks({ db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), crossover: "only" });
    expect(crossing.works.map((w) => w.title)).toEqual(["Crossing"]);
  });

  it("refuses, before writing anything, a file that names tags neither it nor the library has", async () => {
    const file = smallVocabulary();
    file.characters.push({ name: "Nobody", fandoms: ["No Such Fandom"], gender: "unknown", synonyms: [], mentions: [], ambiguousMentions: [] });
    file.relationships.push({ members: ["Mara Quell", "Ghost"], kind: "romantic", shipNames: [], synonyms: [] });
    const error = await store(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VocabularyError);
    expect(error).toHaveProperty("problems", [
      'character "Nobody": fandom "No Such Fandom" is neither in the vocabulary nor in the library',
      'relationship "Mara Quell/Ghost": character "Ghost" is neither in the vocabulary nor in the library',
    ]);
    expect(await tag("Fandom", "Moonlit Harbour (TV)")).toBeUndefined();
    // A partial file may lean on what the library has already.
    await store(smallVocabulary());
    await store({ fandoms: [], characters: [], freeforms: [], relationships: [{ members: ["Isolde Fenn", "Tobias Wren (Moonlit Harbour)"], kind: "romantic", shipNames: ["Isobias"], synonyms: [] }] });
    expect(await tag("Relationship", "Isolde Fenn/Tobias Wren (Moonlit Harbour)")).toEqual({ canonical: true, merger: null });
    expect(await links("tag_parents")).toContain("Isolde Fenn > Isolde Fenn/Tobias Wren (Moonlit Harbour)");
  });

  it("seeds a starter vocabulary once per version, and a newer one adds without undoing wrangling", async () => {
    const first = starterVocabularyOf(smallVocabulary());
    const seeded = await seedStarterVocabulary(quire().library, first);
    expect(seeded).toMatchObject({ version: first.version, report: { merged: 0 } });
    expect(await readSetting(quire().library.db, STARTER_VOCABULARY_SETTING)).toBe(first.version);
    expect(await seedStarterVocabulary(quire().library, first)).toBeNull();

    await makeTagCanonical(quire().library, { name: "AU", type: "Freeform" });
    const newer = smallVocabulary();
    newer.fandoms.push({ name: "Salt Roads (Podcast)", synonyms: ["Salt Roads"], metaTags: [], creators: [], places: [] });
    const second = starterVocabularyOf(newer);
    expect(second.version).not.toBe(first.version);
    expect(await seedStarterVocabulary(quire().library, second)).toMatchObject({ report: { created: 2, kept: 1 } });
    expect(await tag("Fandom", "Salt Roads")).toEqual({ canonical: false, merger: "Salt Roads (Podcast)" });
    expect(await tag("Freeform", "AU")).toEqual({ canonical: true, merger: null });
    expect((await listWranglings(quire().library.db, 10)).map((e) => [e.operation, e.detail.version ?? null])).toEqual([
      ["seed", second.version], ["canonical", null], ["seed", first.version],
    ]);
  });
});

describe.each(TEST_ENGINES)("the shipped starter vocabulary on $name", (engine) => {
  it.skipIf(engine.unavailable)("is in a new library, whole, and marked with its version", async () => {
    // A library without it, opened as the CLI opens one, so that the seeding itself runs here.
    const target = await engine.createTarget();
    try {
      const quire = await openQuire(target);
      try {
        expect(await readSetting(quire.library.db, STARTER_VOCABULARY_SETTING)).toBe(shippedStarterVocabulary().version);
        expect(await seedStarterVocabulary(quire.library)).toBeNull();
        const starter = starterVocabulary();
        expect(starter.fandoms.length).toBeGreaterThan(10);
        expect(sortedVocabulary(await readVocabulary(quire.library.db))).toEqual(sortedVocabulary(starter));
        expect((await listWranglings(quire.library.db, 10)).map((e) => [e.operation, e.detail.version ?? null])).toEqual([["seed", shippedStarterVocabulary().version]]);
      } finally {
        await quire.close();
      }
    } finally {
      await engine.dropTarget(target);
    }
  });
});
