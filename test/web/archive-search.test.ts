/**
 * Whole-library searches are kept until the library changes: each kind of change — a work stored, a work
 * retagged by review, a mute, a wrangling operation — is seen at once, on both engines.
 */
import { afterEach, describe, expect, it } from "vitest";
import { insertWork } from "../../src/db/repositories/works.js";
import { emptyWorkSearch } from "../../src/search/work-search.js";
import { createArchiveSearch, searchesWholeLibrary } from "../../src/services/archive/archive-search.js";
import { muteTag, unmuteTag } from "../../src/services/mute-tags.js";
import { correctInferredValue } from "../../src/services/review/correct-inferred-value.js";
import { makeTagCanonical } from "../../src/services/tags/make-canonical.js";
import { mergeTag } from "../../src/services/tags/merge-tag.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";
import { storeWebWorks } from "../support/web-library.js";

describe("searchesWholeLibrary", () => {
  it("is true for the whole library, muted tags aside, and false for any filter", () => {
    expect(searchesWholeLibrary({ ...emptyWorkSearch(), excludeTags: [{ name: "Angst", type: null }], page: 3 })).toBe(true);
    expect(searchesWholeLibrary({ ...emptyWorkSearch(), includeTags: [{ name: "Angst", type: null }] })).toBe(false);
    expect(searchesWholeLibrary({ ...emptyWorkSearch(), languages: ["de"] })).toBe(false);
    expect(searchesWholeLibrary({ ...emptyWorkSearch(), stats: { words: { min: 1, max: null } } })).toBe(false);
  });
});

describe.each(TEST_ENGINES)("the archive's search on $name", (engine) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => dispose?.());

  it("keeps a whole-library search until the library changes", async (context) => {
    if (engine.unavailable) {
      console.warn(`skipped: ${engine.unavailable}`);
      context.skip();
    }
    const fresh = await freshQuire(engine);
    dispose = fresh.dispose;
    const { db, engine: dbEngine } = fresh.quire.library;
    await storeWebWorks(fresh.quire);
    const search = createArchiveSearch({ db, searchIndex: fresh.quire.searchIndex });
    const everything = emptyWorkSearch();

    const first = await search(everything);
    expect(first.total).toBe(5);
    expect(await search(everything)).toBe(first);

    const sixth = await insertWork(db, dbEngine, toStore(parsedWork({
      title: "A Sixth", freeforms: ["Angst"], characters: ["Ilse Brand"], inferred: [{ field: "characters", value: "Ilse Brand", confidence: 0.6, evidence: "named Ilse ×3" }],
    })), "2026-11-02T00:00:00.000Z");
    const afterInsert = await search(everything);
    expect(afterInsert.total).toBe(6);
    expect(afterInsert.facets.characters.find((c) => c.name === "Ilse Brand")?.count).toBe(2);

    await correctInferredValue(fresh.quire.library, sixth, { field: "characters", value: "Ilse Brand", to: "Mara Quell" });
    expect((await search(everything)).facets.characters.find((c) => c.name === "Ilse Brand")?.count).toBe(1);

    await muteTag(db, { name: "Angst", type: null });
    expect((await search(everything)).total).toBe(3);
    await unmuteTag(db, { name: "Angst", type: null });
    expect((await search(everything)).total).toBe(6);
    // Unmuted and another muted with no search between: SQLite gives the new mute the old one's id.
    await muteTag(db, { name: "Angst", type: null });
    expect((await search(everything)).total).toBe(3);
    await unmuteTag(db, { name: "Angst", type: null });
    await muteTag(db, { name: "Fluff", type: null });
    expect((await search(everything)).total).toBe(4);
    await unmuteTag(db, { name: "Fluff", type: null });

    const library = { db, engine: dbEngine };
    await makeTagCanonical(library, { name: "Fluff", type: "Freeform" });
    await mergeTag(library, { name: "Angst", type: "Freeform" }, { name: "Fluff", type: "Freeform" });
    const merged = await search(everything);
    expect(merged.facets.freeforms.find((f) => f.name === "Fluff")?.count).toBe(5);
    expect(merged.facets.freeforms.some((f) => f.name === "Angst")).toBe(false);

    // A filtered search runs every time.
    const filtered = { ...everything, includeTags: [{ name: "Fluff", type: null }] };
    expect(await search(filtered)).not.toBe(await search(filtered));
  });
});
