/**
 * The wrangling services on every engine: each operation's rules and errors, the works' filters (so search
 * results and counts) following at once, one transaction per operation, and the history.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { storeVocabulary } from "../../src/db/repositories/vocabulary.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { AmbiguousTagError } from "../../src/domain/errors.js";
import type { TagType } from "../../src/domain/tags/tag-type.js";
import type { ParsedWork } from "../../src/domain/work.js";
import { emptyWorkSearch, type TagRef } from "../../src/search/work-search.js";
import { searchWorks } from "../../src/services/search-works.js";
import { describeTags, listUnwrangled, listWranglingHistory } from "../../src/services/tags/describe-tags.js";
import { makeTagCanonical } from "../../src/services/tags/make-canonical.js";
import { mergeTag } from "../../src/services/tags/merge-tag.js";
import { renameTag } from "../../src/services/tags/rename-tag.js";
import { addMetaTag, addTagParent, removeMetaTag, removeTagParent } from "../../src/services/tags/tag-links.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";
import { smallVocabulary } from "../support/small-vocabulary.js";

const NOW = "2026-01-01T00:00:00.000Z";
const MARA_TOBIAS = "Mara Quell/Tobias Wren (Moonlit Harbour)";

const WORKS: Record<string, Partial<ParsedWork>> = {
  canon: { title: "Canon", fandoms: ["Moonlit Harbour (TV)"], relationships: [MARA_TOBIAS], characters: ["Mara Quell"], freeforms: ["Angst"] },
  ship1: { title: "Ship One", fandoms: ["MH"], relationships: ["Marobias"], freeforms: ["Lighthouse AU"] },
  ship2: { title: "Ship Two", fandoms: ["Moonlit Harbour"], relationships: ["marobias"], freeforms: ["Lamp Keeping"] },
  orchard: { title: "Orchard", fandoms: ["Glass Orchard"], characters: ["Isolde"], freeforms: ["Angst", "Lamp Keeping"] },
};

const ref = (name: string, type: TagType | null = null): TagRef => ({ name, type });

describe.each(TEST_ENGINES)("wrangling on $name", (engine) => {
  const quire = freshQuirePerTest(engine);
  beforeEach(async () => {
    const { db, engine: libraryEngine } = quire().library;
    await libraryEngine.writeTransaction(db, async (trx) => {
      await storeVocabulary(trx, smallVocabulary(), NOW);
      for (const work of Object.values(WORKS)) await insertWork(trx, libraryEngine, toStore(parsedWork(work)), NOW);
    });
  });

  const find = async (...includeTags: TagRef[]) => {
    const result = await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), includeTags });
    return { titles: result.works.map((w) => w.title).sort(), facets: result.facets };
  };
  const status = async (name: string, type: TagType) => (await describeTags(quire().library.db, ref(name, type)))[0];
  const operations = async () => (await listWranglingHistory(quire().library.db, 100)).map((e) => e.operation);

  describe("merge", () => {
    it("makes an unknown tag a synonym: searches by the canonical tag find its works, and the facet counts them, at once", async () => {
      expect((await find(ref(MARA_TOBIAS, "Relationship"))).titles).toEqual(["Canon"]);
      const before = await find(ref("Moonlit Harbour (TV)", "Fandom"));
      expect(before.facets.relationships).toEqual([{ name: "Marobias", count: 2 }, { name: MARA_TOBIAS, count: 1 }]);

      const canonicalId = (await status(MARA_TOBIAS, "Relationship"))?.id;
      expect(canonicalId).toEqual(expect.any(Number));
      const merged = await mergeTag(quire().library, ref("Marobias"), ref(MARA_TOBIAS));
      expect(merged).toMatchObject({ changed: true, works: 2, canonical: { id: canonicalId }, synonym: { name: "Marobias", mergerId: canonicalId } });
      const after = await find(ref(MARA_TOBIAS, "Relationship"));
      expect(after.titles).toEqual(["Canon", "Ship One", "Ship Two"]);
      expect(after.facets.relationships).toEqual([{ name: MARA_TOBIAS, count: 3 }]);
      expect((await find(ref("marobias"))).titles).toEqual(["Canon", "Ship One", "Ship Two"]);
      expect(await status("Marobias", "Relationship")).toMatchObject({ status: "synonym", synonymOf: MARA_TOBIAS, works: 2 });

      expect(await mergeTag(quire().library, ref("Marobias"), ref(MARA_TOBIAS))).toMatchObject({ changed: false, works: 0 });
      expect(await operations()).toEqual(["merge"]);
    });

    it("turns a canonical tag into a synonym: its synonyms follow, and it hands its links to the target", async () => {
      await makeTagCanonical(quire().library, ref("Lamp Keeping"));
      await addMetaTag(quire().library, ref("Lamp Keeping"), ref("Alternate Universe - Lighthouses"));
      expect((await find(ref("Alternate Universe"))).titles).toEqual(["Orchard", "Ship One", "Ship Two"]);

      // "Alternate Universe - Lighthouses" (with the synonym "Lighthouse AU", a meta and a sub tag) into "Angst".
      await makeTagCanonical(quire().library, ref("Angst"));
      const merged = await mergeTag(quire().library, ref("Alternate Universe - Lighthouses"), ref("Angst"));
      expect(merged).toMatchObject({ changed: true, synonymsMoved: 1, linksMoved: 2 });
      expect(await status("Lighthouse AU", "Freeform")).toMatchObject({ status: "synonym", synonymOf: "Angst" });
      expect(await status("Angst", "Freeform")).toMatchObject({ synonyms: ["Alternate Universe - Lighthouses", "Lighthouse AU"], metaTags: ["Alternate Universe"], subTags: ["Lamp Keeping"] });
      expect(await status("Alternate Universe - Lighthouses", "Freeform")).toMatchObject({ metaTags: [], subTags: [] });
      // Works under the old sub tag now filter as the new canonical tag and its meta tag.
      expect((await find(ref("Angst"))).titles).toEqual(["Canon", "Orchard", "Ship One", "Ship Two"]);
      expect((await find(ref("Alternate Universe"))).titles).toEqual(["Canon", "Orchard", "Ship One", "Ship Two"]);
    });

    it("refuses other types, targets that are not canonical, the same tag and fixed tags", async () => {
      const refused = (synonym: TagRef, canonical: TagRef) => mergeTag(quire().library, synonym, canonical).then(() => null, (e: unknown) => e);
      await expect(refused(ref("Marobias"), ref("Moonlit Harbour (TV)"))).resolves.toMatchObject({ code: "wrong-type", message: expect.stringMatching(/"Marobias" is a Relationship tag and "Moonlit Harbour \(TV\)" a Fandom tag/u) });
      await expect(refused(ref("Marobias"), ref("Tobias/Mara"))).resolves.toMatchObject({ code: "not-canonical", message: `"Tobias/Mara" is a synonym of "${MARA_TOBIAS}", so it cannot be merged into: use "${MARA_TOBIAS}"` });
      await expect(refused(ref("Lamp Keeping"), ref("Angst"))).resolves.toMatchObject({ code: "not-canonical", message: expect.stringMatching(/"Angst" is not canonical.*make it canonical first/u) });
      await expect(refused(ref("Angst"), ref("angst"))).resolves.toMatchObject({ code: "same-tag" });
      await expect(refused(ref("Mature"), ref("Explicit"))).resolves.toMatchObject({ code: "fixed-tag" });
      await expect(refused(ref("Nobody Ever"), ref("Angst"))).resolves.toMatchObject({ code: "unknown-tag", message: 'no tag is named "Nobody Ever"' });
      expect(await operations()).toEqual([]);
    });
  });

  it("asks which type a name means when several types have it", async () => {
    await quire().library.engine.writeTransaction(quire().library.db, (trx) => insertWork(trx, quire().library.engine, toStore(parsedWork({ freeforms: ["Mara"] })), NOW));
    const error = await makeTagCanonical(quire().library, ref("Mara")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousTagError);
    expect(error).toMatchObject({ types: ["Character", "Freeform"], message: '"Mara" names tags of several types (Character, Freeform): say which type' });
    expect(await makeTagCanonical(quire().library, ref("Mara", "Freeform"))).toMatchObject({ changed: true, tag: { type: "Freeform" } });
    expect((await describeTags(quire().library.db, ref("mara"))).map((t) => [t.type, t.status])).toEqual([["Character", "synonym"], ["Freeform", "canonical"]]);
  });

  describe("canonical", () => {
    it("makes an unwrangled tag canonical, and a synonym canonical on its own: its works stop filtering as its old merger", async () => {
      expect(await makeTagCanonical(quire().library, ref("Lamp Keeping"))).toMatchObject({ changed: true, works: 0 });
      expect(await status("Lamp Keeping", "Freeform")).toMatchObject({ status: "canonical" });
      expect(await makeTagCanonical(quire().library, ref("Lamp Keeping"))).toMatchObject({ changed: false });

      expect((await find(ref("Moonlit Harbour (TV)"))).titles).toEqual(["Canon", "Ship One", "Ship Two"]);
      expect(await makeTagCanonical(quire().library, ref("MH"))).toMatchObject({ changed: true, works: 1 });
      expect((await find(ref("Moonlit Harbour (TV)"))).titles).toEqual(["Canon", "Ship Two"]);
      expect((await find(ref("MH"))).titles).toEqual(["Ship One"]);
      const history = await listWranglingHistory(quire().library.db, 10);
      expect(history.map((e) => [e.operation, e.tag?.name, e.otherTag?.name ?? null])).toEqual([["canonical", "MH", "Moonlit Harbour (TV)"], ["canonical", "Lamp Keeping", null]]);
    });
  });

  describe("parents", () => {
    it("links only the Archive's pairs, to a canonical parent, and changes no filters", async () => {
      const added = await addTagParent(quire().library, ref("Isolde Fenn"), ref("Moonlit Harbour (Film)"));
      expect(added).toMatchObject({ changed: true, works: 0, lower: { name: "Isolde Fenn" }, upper: { name: "Moonlit Harbour (Film)" } });
      expect(await status("Moonlit Harbour (Film)", "Fandom")).toMatchObject({ children: ["Isolde Fenn", "Isolde Fenn & Mara Quell", "Mara Quell"] });
      expect(await addTagParent(quire().library, ref("Isolde Fenn"), ref("Moonlit Harbour (Film)"))).toMatchObject({ changed: false });
      // The character → relationship pair, and a freeform under a fandom.
      await makeTagCanonical(quire().library, ref("Lamp Keeping"));
      expect(await addTagParent(quire().library, ref("Lamp Keeping"), ref("Moonlit Harbour (TV)"))).toMatchObject({ changed: true });

      const refused = (child: TagRef, parent: TagRef) => addTagParent(quire().library, child, parent).then(() => null, (e: unknown) => e);
      await expect(refused(ref("Moonlit Harbour (TV)"), ref("Mara Quell"))).resolves.toMatchObject({
        code: "wrong-type", message: 'a Character tag ("Mara Quell") cannot be the parent of a Fandom tag ("Moonlit Harbour (TV)"): parents go Fandom → Character, Fandom → Relationship, Fandom → Freeform, Character → Relationship',
      });
      await expect(refused(ref("Isolde Fenn"), ref("MH"))).resolves.toMatchObject({ code: "not-canonical" });
      await expect(refused(ref("Toby Wren"), ref("Glass Orchard (Books)"))).resolves.toMatchObject({ code: "not-canonical", message: expect.stringMatching(/"Toby Wren" is a synonym of "Tobias Wren \(Moonlit Harbour\)"/u) });

      expect(await removeTagParent(quire().library, ref("Isolde Fenn"), ref("Moonlit Harbour (Film)"))).toMatchObject({ changed: true });
      expect(await removeTagParent(quire().library, ref("Isolde Fenn"), ref("Moonlit Harbour (Film)"))).toMatchObject({ changed: false });
      expect(await operations()).toEqual(["remove-parent", "add-parent", "canonical", "add-parent"]);
    });
  });

  describe("meta tags", () => {
    it("put a tag's works under the meta tag at once, and take them out again", async () => {
      await makeTagCanonical(quire().library, ref("Lamp Keeping"));
      expect((await find(ref("Alternate Universe - Lighthouses"))).titles).toEqual(["Ship One"]);
      expect(await addMetaTag(quire().library, ref("Lamp Keeping"), ref("Alternate Universe - Lighthouses"))).toMatchObject({ changed: true, works: 2 });
      const under = await find(ref("Alternate Universe"));
      expect(under.titles).toEqual(["Orchard", "Ship One", "Ship Two"]);
      expect(under.facets.freeforms).toEqual(expect.arrayContaining([{ name: "Alternate Universe", count: 3 }, { name: "Alternate Universe - Lighthouses", count: 3 }]));

      expect(await removeMetaTag(quire().library, ref("Lamp Keeping"), ref("Alternate Universe - Lighthouses"))).toMatchObject({ changed: true, works: 2 });
      expect((await find(ref("Alternate Universe"))).titles).toEqual(["Ship One"]);
      expect(await removeMetaTag(quire().library, ref("Lamp Keeping"), ref("Alternate Universe - Lighthouses"))).toMatchObject({ changed: false });
    });

    it("refuse cycles, other types and tags that are not canonical, and leave nothing behind", async () => {
      const refused = (sub: TagRef, meta: TagRef) => addMetaTag(quire().library, sub, meta).then(() => null, (e: unknown) => e);
      await expect(refused(ref("Alternate Universe"), ref("Alternate Universe - Lighthouses"))).resolves.toMatchObject({
        code: "cycle", message: '"Alternate Universe" is already above "Alternate Universe - Lighthouses": making "Alternate Universe - Lighthouses" its meta tag would make a cycle',
      });
      await expect(refused(ref("Harbourverse"), ref("Harbourverse"))).resolves.toMatchObject({ code: "cycle" });
      await expect(refused(ref("Hurt/Comfort"), ref("Harbourverse"))).resolves.toMatchObject({ code: "wrong-type" });
      await expect(refused(ref("Lamp Keeping"), ref("Alternate Universe"))).resolves.toMatchObject({ code: "not-canonical" });
      expect(await operations()).toEqual([]);
      expect(await status("Alternate Universe", "Freeform")).toMatchObject({ metaTags: [], subTags: ["Alternate Universe - Lighthouses"] });
    });
  });

  describe("rename", () => {
    it("changes case and diacritics only", async () => {
      expect(await renameTag(quire().library, ref("Isolde Fenn"), "Isolde  Fénn")).toMatchObject({ changed: true, previousName: "Isolde Fenn", tag: { name: "Isolde Fénn" } });
      expect(await status("Isolde Fénn", "Character")).toMatchObject({ parents: ["Glass Orchard (Books)"] });
      expect(await renameTag(quire().library, ref("isolde fénn"), "Isolde Fénn")).toMatchObject({ changed: false });
      const refused = (name: string, to: string) => renameTag(quire().library, ref(name), to).then(() => null, (e: unknown) => e);
      await expect(refused("Isolde Fénn", "Isolde Fenwick")).resolves.toMatchObject({
        code: "rename", message: '"Isolde Fénn" can only change its case and diacritics, not become "Isolde Fenwick": make "Isolde Fenwick" a tag of its own and merge "Isolde Fénn" into it',
      });
      await makeTagCanonical(quire().library, ref("Lamp Keeping"));
      await quire().library.engine.writeTransaction(quire().library.db, (trx) => insertWork(trx, quire().library.engine, toStore(parsedWork({ freeforms: ["Lamp Kéeping"] })), NOW));
      await expect(refused("Lamp Keeping", "Lamp Kéeping")).resolves.toMatchObject({ code: "name-taken" });
      await expect(refused("Explicit", "EXPLICIT")).resolves.toMatchObject({ code: "fixed-tag" });
      expect((await listWranglingHistory(quire().library.db, 10)).find((e) => e.operation === "rename")?.detail).toEqual({ from: "Isolde Fenn", to: "Isolde Fénn" });
    });
  });

  it("lists unwrangled tags by their number of works, of one type or all", async () => {
    const all = await listUnwrangled(quire().library.db, { type: null, limit: 100 });
    expect(all.map((t) => [t.type, t.name, t.works])).toEqual([["Freeform", "Angst", 2], ["Freeform", "Lamp Keeping", 2], ["Relationship", "Marobias", 2], ["Character", "Isolde", 1]]);
    expect((await listUnwrangled(quire().library.db, { type: "Relationship", limit: 100 })).map((t) => [t.name, t.works])).toEqual([["Marobias", 2]]);
    expect(await listUnwrangled(quire().library.db, { type: "Freeform", limit: 1 })).toHaveLength(1);
    await mergeTag(quire().library, ref("Marobias"), ref(MARA_TOBIAS));
    expect(await listUnwrangled(quire().library.db, { type: "Relationship", limit: 100 })).toEqual([]);
  });
});
