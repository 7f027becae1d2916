/**
 * The search service on every engine: the Archive's query syntax, tag filters through synonyms and meta tags,
 * ranges, sorts with stable pages, facets over the whole result set, and muted tags that vanish from results and
 * counts alike. Results are compared as sets (or top-k membership), since the engines rank differently.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { refreshWorkFilters } from "../../src/db/repositories/tags.js";
import { insertWork } from "../../src/db/repositories/works.js";
import { nameKey } from "../../src/domain/sort-key.js";
import type { TagType } from "../../src/domain/tags/tag-type.js";
import type { ParsedWork } from "../../src/domain/work.js";
import { parseQueryString } from "../../src/search/parse-query.js";
import { emptyWorkSearch, type WorkSearch } from "../../src/search/work-search.js";
import { muteTag, unmuteTag } from "../../src/services/mute-tags.js";
import { searchWorks } from "../../src/services/search-works.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuire, TEST_ENGINES } from "../support/databases.js";

// A long work: filler, then a phrase deep inside, past PostgreSQL's 16,383 positions.
const FILLER = Array.from({ length: 30_000 }, (_, i) => ["river", "stone", "bridge", "window", "harbour"][i % 5]).join(" ");

const LIBRARY: Record<string, ParsedWork> = {
  salt: parsedWork({
    title: "Salt on the Wind", authors: ["Aurelie Finch"], fandoms: ["Buffy the Vampire Slayer"], rating: "Teen And Up Audiences",
    warnings: ["No Archive Warnings Apply"], categories: ["F/M"], relationships: ["Buffy Summers/Spike"], characters: ["Buffy Summers", "Spike"],
    freeforms: ["Angst", "Hurt/Comfort"], status: "complete", published: "2003-05-01", updated: "2003-06-01",
    series: [{ name: "Night Shift", part: 1 }],
    chapters: ["The slayer walked the cemetery under cold moonlight, counting graves.", "Spike waited by the crypt, smoking, pretending not to wait."],
  }),
  crypt: parsedWork({
    title: "Crypt Keeping", authors: ["Aurelie Finch", "Bastian Oake"], fandoms: ["Buffy the Vampire Slayer", "Angel: the Series"], rating: "Mature",
    warnings: ["Graphic Depictions Of Violence"], categories: ["M/M"], relationships: ["Spuffy"], characters: ["Spike", "Wesley Wyndam-Pryce"],
    freeforms: ["Alternate Universe - Coffee Shops"], status: "in-progress", published: "2004-01-10", updated: "2005-02-01",
    series: [{ name: "Night Shift", part: 2 }],
    chapters: ["Wesley opened a coffee shop in Los Angeles and nobody came.", "Then the vampires came, and they tipped badly.", "A third chapter about inventory."],
  }),
  gate: parsedWork({
    title: "Gatewalkers", authors: ["Corin Vale"], fandoms: ["Stargate SG-1"], rating: "General Audiences", categories: ["Gen"],
    characters: ["Daniel Jackson"], freeforms: ["Friendship"], status: "complete", published: "2010-03-03",
    chapters: ["Daniel translated the inscription twice before he believed it: the gate remembered everyone who walked through."],
  }),
  ciudad: parsedWork({
    title: "La ciudad de cristal", authors: ["Lucía Berenguer"], fandoms: ["Harry Potter - J. K. Rowling"], rating: "Explicit", language: "es",
    freeforms: ["Angst"], status: "complete", published: "2019-08-20", updated: "2020-01-05",
    chapters: ["Hermione caminó por la ciudad de cristal buscando una salida que no existía."],
  }),
  teacups: parsedWork({
    title: "Teacups", authors: ["Pim Hollis"], fandoms: ["Good Omens"], rating: "Not Rated", freeforms: ["Fluff", "Fluffy Bunnies Everywhere"],
    relationships: ["Aziraphale/Crowley"], status: "unknown",
    chapters: [`Crowley broke a teacup on purpose. ${FILLER} Aziraphale sighed over the porcelain shards and mended them anyway.`],
  }),
};

/** Wrangling, by hand until the tag vocabulary brings its commands: canonical tags, a synonym, a meta tag. */
async function wrangle(quire: Quire): Promise<void> {
  const { db } = quire.library;
  const tagId = async (type: TagType, name: string) =>
    (await db.selectFrom("tags").select("id").where("type", "=", type).where("name_key", "=", nameKey(name)).executeTakeFirstOrThrow()).id;
  const spuffy = await tagId("Relationship", "Spuffy");
  const spuffyCanonical = await tagId("Relationship", "Buffy Summers/Spike");
  await db.updateTable("tags").set({ canonical: 1 }).where("id", "=", spuffyCanonical).execute();
  await db.updateTable("tags").set({ merger_id: spuffyCanonical }).where("id", "=", spuffy).execute();
  const now = new Date().toISOString();
  await db.insertInto("tags").values({ type: "Freeform", name: "Alternate Universe", name_key: nameKey("Alternate Universe"), canonical: 1, merger_id: null, created_at: now, updated_at: now }).execute();
  await db.insertInto("meta_tags").values({ meta_id: await tagId("Freeform", "Alternate Universe"), sub_id: await tagId("Freeform", "Alternate Universe - Coffee Shops") }).execute();
  const ids = (await db.selectFrom("works").select("id").execute()).map((w) => w.id);
  await refreshWorkFilters(db, ids);
}

describe.each(TEST_ENGINES)("search on $name", (engine) => {
  let quire: Quire;
  let dispose: (() => Promise<void>) | undefined;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    if (engine.unavailable) return;
    ({ quire, dispose } = await freshQuire(engine));
    const { db } = quire.library;
    await quire.library.engine.writeTransaction(db, async (trx) => {
      for (const [key, work] of Object.entries(LIBRARY)) ids[key] = await insertWork(trx, quire.library.engine, toStore(work), "2026-01-01T00:00:00.000Z");
    });
    // Stats come with the community features; set here to test their ranges and sorts (salt and gate tie on kudos).
    for (const [key, stats] of Object.entries({ salt: { kudos: 40, hits: 900 }, crypt: { kudos: 12, hits: 300 }, gate: { kudos: 40, hits: 50 }, ciudad: { kudos: 3, hits: 20 } })) {
      await db.updateTable("works").set(stats).where("id", "=", ids[key] ?? 0).execute();
    }
    await wrangle(quire);
    await quire.library.engine.optimize(db);
  });
  afterAll(async () => {
    await dispose?.();
  });

  const find = async (change: Partial<WorkSearch> | string): Promise<{ total: number; keys: string[]; facets: Awaited<ReturnType<Quire["searchIndex"]["search"]>>["facets"] }> => {
    const base = emptyWorkSearch();
    let query: WorkSearch;
    if (typeof change === "string") {
      const parsed = parseQueryString(change);
      query = { ...base, text: parsed.text, stats: parsed.stats, sort: parsed.sort ?? base.sort, perPage: 100 };
    } else {
      query = { ...base, perPage: 100, ...change };
    }
    const result = await searchWorks({ db: quire.library.db, searchIndex: quire.searchIndex }, query);
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return { total: result.total, keys: result.works.map((w) => byId.get(w.id) ?? `?${w.id}`), facets: result.facets };
  };
  const set = async (change: Partial<WorkSearch> | string) => (await find(change)).keys.sort();

  describe("text", () => {
    it.skipIf(engine.unavailable)("needs every word, in any field, in any case and with or without accents", async () => {
      expect(await set("cemetery moonlight")).toEqual(["salt"]);
      expect(await set("CRYPT")).toEqual(["crypt", "salt"]);
      expect(await set("ciudád CRISTAL")).toEqual(["ciudad"]);
      expect(await set("caminó")).toEqual(["ciudad"]);
      expect(await set("finch")).toEqual(["crypt", "salt"]);
      expect(await set("friendship daniel")).toEqual(["gate"]);
    });

    it.skipIf(engine.unavailable)("matches phrases word for word, also deep inside a long work", async () => {
      expect(await set('"cold moonlight"')).toEqual(["salt"]);
      expect(await set('"moonlight cold"')).toEqual([]);
      expect(await set('"porcelain shards"')).toEqual(["teacups"]);
      expect(await set('"shards porcelain"')).toEqual([]);
    });

    it.skipIf(engine.unavailable)("takes OR, NOT, parentheses and prefixes", async () => {
      expect(await set("gate OR crypt")).toEqual(["crypt", "gate", "salt"]);
      expect(await set("crypt -moonlight")).toEqual(["crypt"]);
      expect(await set("crypt NOT moonlight")).toEqual(["crypt"]);
      expect(await set("-crypt")).toEqual(["ciudad", "gate", "teacups"]);
      expect(await set("(gate || cristal) -daniel")).toEqual(["ciudad"]);
      expect(await set("moon*")).toEqual(["salt"]);
      expect(await set('"inscription tw"*')).toEqual([]);
      expect(await set("inscrip*")).toEqual(["gate"]);
    });

    it.skipIf(engine.unavailable)("finds nothing for words with nothing searchable in them", async () => {
      expect((await find({ text: { kind: "term", text: "🦊", prefix: false, field: null } })).total).toBe(0);
    });

    it.skipIf(engine.unavailable)("limits words to a field with title:, author: and tag:", async () => {
      expect(await set("title:crypt")).toEqual(["crypt"]);
      expect(await set("author:oake")).toEqual(["crypt"]);
      expect(await set('author:"aurelie finch"')).toEqual(["crypt", "salt"]);
      expect(await set("tag:angst")).toEqual(["ciudad", "salt"]);
      expect(await set("tag:crowley")).toEqual(["teacups"]);
      expect(await set("title:crowley")).toEqual([]);
    });

    it.skipIf(engine.unavailable)("ranks a title match above a match in the story text", async () => {
      const { keys } = await find("crypt");
      expect(keys[0]).toBe("crypt");
    });

    it.skipIf(engine.unavailable)("reads ranges and sorts from the query", async () => {
      expect(await set("words>17")).toEqual(["crypt", "salt", "teacups"]);
      expect(await set("words:1-13")).toEqual(["ciudad"]);
      expect(await set("kudos>10 hits<500")).toEqual(["crypt", "gate"]);
      expect((await find("sort:hits")).keys.slice(0, 2)).toEqual(["salt", "crypt"]);
      expect((await find("sort:>hits")).keys).toEqual(["teacups", "ciudad", "gate", "crypt", "salt"]);
    });
  });

  describe("tag filters", () => {
    it.skipIf(engine.unavailable)("include every tag (AND), of any type", async () => {
      expect(await set({ includeTags: [{ name: "Spike", type: "Character" }] })).toEqual(["crypt", "salt"]);
      expect(await set({ includeTags: [{ name: "Spike", type: null }, { name: "Angst", type: null }] })).toEqual(["salt"]);
      // The search reorders included tags by how many works each lists: the order they are named in changes nothing.
      expect(await set({ includeTags: [{ name: "Angst", type: null }, { name: "Spike", type: null }] })).toEqual(["salt"]);
      expect(await set({ includeTags: [{ name: "mature", type: "Rating" }, { name: "Spike", type: "Character" }] })).toEqual(["crypt"]);
      expect(await set({ includeTags: [{ name: "Spike", type: "Character" }, { name: "No Such Tag", type: null }] })).toEqual([]);
      expect(await set({ includeTags: [{ name: "mature", type: "Rating" }] })).toEqual(["crypt"]);
      expect(await set({ includeTags: [{ name: "Gen", type: "Category" }] })).toEqual(["gate"]);
      expect(await set({ includeTags: [{ name: "Graphic Depictions Of Violence", type: "ArchiveWarning" }] })).toEqual(["crypt"]);
    });

    it.skipIf(engine.unavailable)("exclude any tag (OR)", async () => {
      expect(await set({ excludeTags: [{ name: "Angst", type: null }, { name: "Fluff", type: "Freeform" }] })).toEqual(["crypt", "gate"]);
    });

    it.skipIf(engine.unavailable)("resolve synonyms both ways and find sub-tags under a meta tag", async () => {
      expect(await set({ includeTags: [{ name: "Buffy Summers/Spike", type: "Relationship" }] })).toEqual(["crypt", "salt"]);
      expect(await set({ includeTags: [{ name: "spuffy", type: null }] })).toEqual(["crypt", "salt"]);
      expect(await set({ excludeTags: [{ name: "Spuffy", type: null }] })).toEqual(["ciudad", "gate", "teacups"]);
      expect(await set({ includeTags: [{ name: "Alternate Universe", type: "Freeform" }] })).toEqual(["crypt"]);
    });

    it.skipIf(engine.unavailable)("look for an unknown tag name as words in the works' tags", async () => {
      expect(await set({ includeTags: [{ name: "Fluffy Bunnies", type: null }] })).toEqual(["teacups"]);
      expect(await set({ includeTags: [{ name: "No Such Tag Anywhere", type: null }] })).toEqual([]);
    });

    it.skipIf(engine.unavailable)("match nothing for a name no tag of the type asked for has", async () => {
      expect(await set({ includeTags: [{ name: "Spike", type: "Fandom" }] })).toEqual([]);
      expect(await set({ excludeTags: [{ name: "Spike", type: "Freeform" }] })).toEqual(["ciudad", "crypt", "gate", "salt", "teacups"]);
    });
  });

  describe("other filters", () => {
    it.skipIf(engine.unavailable)("crossovers: include, exclude, only", async () => {
      expect(await set({ crossover: "only" })).toEqual(["crypt"]);
      expect(await set({ crossover: "exclude" })).toEqual(["ciudad", "gate", "salt", "teacups"]);
      expect((await find({ crossover: "include" })).total).toBe(5);
    });

    it.skipIf(engine.unavailable)("completion, single chapter, word counts, language, author and series", async () => {
      expect(await set({ completion: "complete" })).toEqual(["ciudad", "gate", "salt"]);
      expect(await set({ completion: "in-progress" })).toEqual(["crypt"]);
      expect(await set({ singleChapter: true })).toEqual(["ciudad", "gate", "teacups"]);
      expect(await set({ stats: { words: { min: 17, max: 30 } } })).toEqual(["crypt", "salt"]);
      expect(await set({ languages: ["es"] })).toEqual(["ciudad"]);
      expect(await set({ authors: ["aurelie finch"] })).toEqual(["crypt", "salt"]);
      expect(await set({ authors: ["Aurelie Finch", "Bastian Oake"] })).toEqual(["crypt"]);
      expect(await set({ series: "Night Shift" })).toEqual(["crypt", "salt"]);
    });

    it.skipIf(engine.unavailable)("published and updated dates, inclusive", async () => {
      expect(await set({ published: { from: "2004-01-10", to: "2010-03-03" } })).toEqual(["crypt", "gate"]);
      expect(await set({ updated: { from: "2005-01-01", to: null } })).toEqual(["ciudad", "crypt", "gate"]);
      expect(await set({ updated: { from: null, to: "2003-06-01" } })).toEqual(["salt"]);
    });
  });

  describe("sorting and pages", () => {
    it.skipIf(engine.unavailable)("sorts by every field in both directions, unknown dates last", async () => {
      const sorted = async (field: WorkSearch["sort"]["field"], direction: "asc" | "desc") => (await find({ sort: { field, direction } })).keys;
      expect(await sorted("title", "asc")).toEqual(["crypt", "gate", "ciudad", "salt", "teacups"]);
      expect(await sorted("title", "desc")).toEqual(["teacups", "salt", "ciudad", "gate", "crypt"]);
      // salt and crypt share their first author: the earlier id comes first.
      expect(await sorted("author", "asc")).toEqual(["salt", "crypt", "gate", "ciudad", "teacups"]);
      expect(await sorted("words", "desc")).toEqual(["teacups", "crypt", "salt", "gate", "ciudad"]);
      expect(await sorted("published", "asc")).toEqual(["salt", "crypt", "gate", "ciudad", "teacups"]);
      expect(await sorted("updated", "desc")).toEqual(["ciudad", "gate", "crypt", "salt", "teacups"]);
      expect(await sorted("kudos", "desc")).toEqual(["gate", "salt", "crypt", "ciudad", "teacups"]);
      expect(await sorted("kudos", "asc")).toEqual(["teacups", "ciudad", "crypt", "salt", "gate"]);
      expect(await sorted("comments", "desc")).toEqual(["teacups", "ciudad", "gate", "crypt", "salt"]);
    });

    it.skipIf(engine.unavailable)("pages through a sort with ties without repeating or losing a work", async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page += 1) seen.push(...(await find({ sort: { field: "kudos", direction: "desc" }, page, perPage: 2 })).keys);
      expect(seen).toEqual(["gate", "salt", "crypt", "ciudad", "teacups"]);
      const last = await find({ sort: { field: "kudos", direction: "desc" }, page: 4, perPage: 2 });
      expect(last).toMatchObject({ total: 5, keys: [] });
    });
  });

  describe("blurbs", () => {
    it.skipIf(engine.unavailable)("show each work's tags by type in the order given, its authors, series and counts", async () => {
      const result = await searchWorks({ db: quire.library.db, searchIndex: quire.searchIndex }, { ...emptyWorkSearch(), text: { kind: "term", text: "keeping", prefix: false, field: "title" } });
      expect(result.works).toEqual([{
        id: ids.crypt, title: "Crypt Keeping", authors: ["Aurelie Finch", "Bastian Oake"], rating: "Mature",
        warnings: ["Graphic Depictions Of Violence"], categories: ["M/M"], fandoms: ["Buffy the Vampire Slayer", "Angel: the Series"],
        relationships: ["Spuffy"], characters: ["Spike", "Wesley Wyndam-Pryce"], freeforms: ["Alternate Universe - Coffee Shops"],
        summary: null, language: "en", wordCount: 24, chapters: 3, expectedChapters: null, status: "in-progress", published: "2004-01-10", updated: "2005-02-01",
        series: [{ id: expect.any(Number), name: "Night Shift", part: 2 }],
      }]);
      const [series] = result.works[0]?.series ?? [];
      const stored = await quire.library.db.selectFrom("series").select("id").where("name", "=", "Night Shift").executeTakeFirstOrThrow();
      expect(series?.id).toBe(stored.id);
    });
  });

  describe("facets", () => {
    it.skipIf(engine.unavailable)("count every value of every type over the whole result set, not the page", async () => {
      const { total, keys, facets } = await find({ includeTags: [{ name: "Buffy the Vampire Slayer", type: "Fandom" }], perPage: 1 });
      expect(total).toBe(2);
      expect(keys).toHaveLength(1);
      expect(facets.fandoms).toEqual([{ name: "Buffy the Vampire Slayer", count: 2 }, { name: "Angel: the Series", count: 1 }]);
      expect(facets.relationships).toEqual([{ name: "Buffy Summers/Spike", count: 2 }]);
      expect(facets.characters).toEqual([{ name: "Spike", count: 2 }, { name: "Buffy Summers", count: 1 }, { name: "Wesley Wyndam-Pryce", count: 1 }]);
      expect(facets.freeforms).toEqual([
        { name: "Alternate Universe", count: 1 }, { name: "Alternate Universe - Coffee Shops", count: 1 }, { name: "Angst", count: 1 }, { name: "Hurt/Comfort", count: 1 },
      ]);
      expect(facets.rating).toEqual([{ name: "Mature", count: 1 }, { name: "Teen And Up Audiences", count: 1 }]);
      expect(facets.status).toEqual([{ name: "complete", count: 1 }, { name: "in-progress", count: 1 }]);
      expect(facets.language).toEqual([{ name: "en", count: 2 }]);
    });
  });

  describe("muted tags", () => {
    it.skipIf(engine.unavailable)("remove works from results and from every count, through synonyms", async () => {
      const { db } = quire.library;
      await muteTag(db, { name: "spuffy", type: null });
      try {
        const all = await find({});
        expect(all.total).toBe(3);
        expect(all.keys.sort()).toEqual(["ciudad", "gate", "teacups"]);
        expect(all.facets.characters.find((c) => c.name === "Spike")).toBeUndefined();
        expect(all.facets.rating.reduce((n, r) => n + r.count, 0)).toBe(3);
        expect((await find("crypt")).total).toBe(0);
      } finally {
        await unmuteTag(db, { name: "spuffy", type: null });
      }
      expect((await find({})).total).toBe(5);
    });
  });

  it.skipIf(engine.unavailable)("treats hostile query text as words, never as SQL", async () => {
    for (const text of ["'; drop table works; --", "\" OR 1=1 --", "title:(\"a' b\")", "author:'", "NEAR(a b)", "{title}: x", "a:*", "!!", "'a' <-> 'b'"]) {
      await expect(find(text)).resolves.toBeDefined();
    }
    const { n } = await sql<{ n: number }>`select count(*) as n from works`.execute(quire.library.db).then((r) => r.rows[0] ?? { n: 0 });
    expect(Number(n)).toBe(5);
  });
});
