/**
 * The review queue on every engine: inferred values stored with their works, listed below a threshold (inferred
 * ratings always), accepted, and corrected so that the work's tags, filters, facets and full-text entry change at
 * once; a work read again keeps every decision.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { insertWork, replaceWork } from "../../src/db/repositories/works.js";
import { QuireError, ValidationError } from "../../src/domain/errors.js";
import type { InferredValue, ParsedWork } from "../../src/domain/work.js";
import { parseQueryString } from "../../src/search/parse-query.js";
import { emptyWorkSearch, type TagRef, type WorkSearch } from "../../src/search/work-search.js";
import { acceptInferredValues } from "../../src/services/review/accept-inferred-values.js";
import { correctInferredValue } from "../../src/services/review/correct-inferred-value.js";
import { listReviewQueue } from "../../src/services/review/list-review-queue.js";
import { searchWorks } from "../../src/services/search-works.js";
import { parsedWork, toStore } from "../factories.js";
import { freshQuirePerTest, TEST_ENGINES } from "../support/databases.js";

const NOW = "2026-01-01T00:00:00.000Z";
const SPIKE = "Spike (Buffy the Vampire Slayer)";

const value = (field: InferredValue["field"], name: string, confidence: number, evidence = `seen ${name}`): InferredValue => ({ field, value: name, confidence, evidence });

/** The tagger's output for a header-less Buffy story: a sure fandom, a doubtful character and category, a rating. */
const SALT_INFERRED = [
  value("fandoms", "Buffy the Vampire Slayer", 0.95, "Buffy ×12, places: Sunnydale ×1"),
  value("characters", SPIKE, 0.55, "named Spike ×3"),
  value("categories", "F/M", 0.6, "from Buffy Summers/Spike"),
  value("rating", "Mature", 0.9, "sexual content: 2 passages"),
];

const LIBRARY: Record<string, ParsedWork> = {
  salt: parsedWork({
    title: "Salt on the Wind", authors: ["Aurelie Finch", "Bastian Oake"], summary: "A night in Sunnydale.", series: [{ name: "Night Shift", part: 1 }],
    collections: ["Hellmouth Fest"], fandoms: ["Buffy the Vampire Slayer"], characters: ["Buffy Summers", SPIKE], categories: ["F/M"], rating: "Mature",
    chapters: ["Spike waited by the crypt while the slayer walked the cemetery."],
    // The same value twice is stored once.
    inferred: [...SALT_INFERRED, value("characters", SPIKE, 0.55, "named Spike ×3")],
  }),
  gate: parsedWork({
    title: "Gatewalkers", fandoms: ["Stargate SG-1"], characters: ["Daniel Jackson"], rating: "General Audiences", ratingRaw: "G",
    chapters: ["Daniel translated the inscription twice."],
    inferred: [value("characters", "Daniel Jackson", 0.4, "named Daniel ×1")],
  }),
  sure: parsedWork({
    title: "Sure Footing", fandoms: ["Stargate SG-1"], characters: ["Samantha Carter"], rating: "Teen And Up Audiences", ratingRaw: "PG-13",
    chapters: ["Carter checked the readings again."],
    inferred: [value("characters", "Samantha Carter", 0.9, "named Carter ×7")],
  }),
  stated: parsedWork({ title: "Stated Plainly", fandoms: ["Good Omens"], rating: "Explicit", ratingRaw: "NC-17", chapters: ["Nothing was inferred here."] }),
};

describe.each(TEST_ENGINES)("review queue on $name", (engine) => {
  const quire = freshQuirePerTest(engine);
  const ids: Record<string, number> = {};

  beforeEach(async () => {
    const { db, engine: libraryEngine } = quire().library;
    await libraryEngine.writeTransaction(db, async (trx) => {
      for (const [key, work] of Object.entries(LIBRARY)) ids[key] = await insertWork(trx, libraryEngine, toStore(work), NOW);
    });
  });

  const id = (key: string): number => ids[key] ?? -1;
  const keyOf = (workId: number) => Object.entries(ids).find(([, i]) => i === workId)?.[0] ?? `?${workId}`;
  const queue = async (options: Parameters<typeof listReviewQueue>[1] = {}) => {
    const result = await listReviewQueue(quire().library.db, options);
    return { total: result.total, works: result.works.map((w) => ({ key: keyOf(w.workId), title: w.title, values: w.values.map((v) => `${v.field}:${v.value}`) })) };
  };
  const storedValues = async (key: string) =>
    (await quire().library.db.selectFrom("inferred_values").select(["field", "value", "confidence", "evidence", "decision", "corrected_to"]).where("work_id", "=", id(key)).orderBy("id").execute())
      .map((r) => ({ ...r, confidence: Number(r.confidence) }));
  const search = async (change: Partial<WorkSearch> | string) => {
    const base = { ...emptyWorkSearch(), perPage: 100 };
    const query = typeof change === "string" ? { ...base, text: parseQueryString(change).text } : { ...base, ...change };
    const result = await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, query);
    return { keys: result.works.map((w) => keyOf(w.id)).sort(), facets: result.facets };
  };
  const withTag = (ref: TagRef) => search({ includeTags: [ref] });
  const rejection = async (promise: Promise<unknown>) => {
    const error: unknown = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(QuireError);
    return error instanceof QuireError ? { type: error.constructor.name, code: error.code, message: error.message } : null;
  };

  it("stores each inferred value with its work, once, with its confidence and evidence", async () => {
    expect(await storedValues("salt")).toEqual(SALT_INFERRED.map((v) => ({ field: v.field, value: v.value, confidence: v.confidence, evidence: v.evidence, decision: null, corrected_to: null })));
    expect(await storedValues("stated")).toEqual([]);
  });

  it("lists works with values below the threshold, the least sure first, and every inferred rating", async () => {
    expect(await queue()).toEqual({
      total: 2,
      works: [
        { key: "gate", title: "Gatewalkers", values: ["characters:Daniel Jackson"] },
        { key: "salt", title: "Salt on the Wind", values: [`characters:${SPIKE}`, "categories:F/M", "rating:Mature"] },
      ],
    });
    // A rating sure at 90% is still listed at any threshold; a sure fandom only once the threshold passes it.
    expect((await queue({ below: 0.5 })).works).toEqual([{ key: "gate", title: "Gatewalkers", values: ["characters:Daniel Jackson"] }, { key: "salt", title: "Salt on the Wind", values: ["rating:Mature"] }]);
    expect((await queue({ below: 1 })).works.map((w) => w.values.length)).toEqual([1, 4, 1]);
  });

  it("filters by field and pages by work", async () => {
    expect((await queue({ field: "rating" })).works.map((w) => w.key)).toEqual(["salt"]);
    expect((await queue({ field: "characters" })).works.map((w) => [w.key, w.values])).toEqual([["gate", ["characters:Daniel Jackson"]], ["salt", [`characters:${SPIKE}`]]]);
    expect(await queue({ limit: 1, offset: 1 })).toMatchObject({ total: 2, works: [{ key: "salt" }] });
    expect(await queue({ limit: 1, offset: 2 })).toEqual({ total: 2, works: [] });
    expect(await rejection(listReviewQueue(quire().library.db, { below: 1.5 }))).toMatchObject({ type: "ValidationError" });
  });

  it("accepts a work's open values, leaving the sure ones undecided, and the queue drops them", async () => {
    const accepted = await acceptInferredValues(quire().library, id("salt"), { field: null, value: null });
    expect(accepted.values.map((v) => v.value)).toEqual([SPIKE, "F/M", "Mature"]);
    expect((await storedValues("salt")).map((v) => [v.value, v.decision])).toEqual([["Buffy the Vampire Slayer", null], [SPIKE, "accepted"], ["F/M", "accepted"], ["Mature", "accepted"]]);
    expect((await queue()).works.map((w) => w.key)).toEqual(["gate"]);
    expect((await acceptInferredValues(quire().library, id("salt"), { field: null, value: null })).values).toEqual([]);
  });

  it("accepts one field, or one value by name in any case, whatever its confidence", async () => {
    expect((await acceptInferredValues(quire().library, id("salt"), { field: "rating", value: null })).values.map((v) => v.value)).toEqual(["Mature"]);
    expect((await queue()).works.find((w) => w.key === "salt")?.values).toEqual([`characters:${SPIKE}`, "categories:F/M"]);
    expect((await acceptInferredValues(quire().library, id("sure"), { field: "characters", value: "samantha  CARTER" })).values.map((v) => v.value)).toEqual(["Samantha Carter"]);
    expect((await storedValues("sure"))[0]?.decision).toBe("accepted");
  });

  it("says which work, field or value it does not know, with a typed error", async () => {
    expect(await rejection(acceptInferredValues(quire().library, 999_999, { field: null, value: null }))).toMatchObject({ type: "ReviewError", code: "unknown-work" });
    expect(await rejection(acceptInferredValues(quire().library, id("gate"), { field: "fandoms", value: null }))).toMatchObject({ type: "ReviewError", code: "unknown-field" });
    expect(await rejection(correctInferredValue(quire().library, id("salt"), { field: "characters", value: "Angel", to: "Darla" }))).toMatchObject({
      type: "ReviewError", code: "unknown-value", message: expect.stringContaining(SPIKE),
    });
    expect(await rejection(correctInferredValue(quire().library, id("stated"), { field: "rating", value: null, to: "Mature" }))).toMatchObject({ code: "unknown-field" });
  });

  it("corrects a character: the work's tags, filters, facets and text index follow at once", async () => {
    const corrected = await correctInferredValue(quire().library, id("salt"), { field: "characters", value: SPIKE, to: "  Riley   Finn " });
    expect(corrected).toEqual({ workId: id("salt"), title: "Salt on the Wind", field: "characters", value: SPIKE, correctedTo: "Riley Finn" });
    expect((await withTag({ name: "Riley Finn", type: "Character" })).keys).toEqual(["salt"]);
    expect((await withTag({ name: SPIKE, type: "Character" })).keys).toEqual([]);
    const { facets } = await search({});
    expect(facets.characters).toEqual(expect.arrayContaining([{ name: "Riley Finn", count: 1 }, { name: "Buffy Summers", count: 1 }]));
    expect(facets.characters.map((f) => f.name)).not.toContain(SPIKE);
    // The tags part of the full-text entry: "Spike" stays in the story text, but no longer among the tags.
    expect((await search("tag:finn")).keys).toEqual(["salt"]);
    expect((await search("tag:spike")).keys).toEqual([]);
    // The rest of the entry is rebuilt as it was: title, authors, summary, series, collection and story text.
    for (const words of ["crypt spike", "title:salt", "author:oake", "sunnydale", '"night shift"', "hellmouth"]) expect({ words, keys: (await search(words)).keys }).toEqual({ words, keys: ["salt"] });
    expect((await storedValues("salt")).find((v) => v.value === SPIKE)).toMatchObject({ decision: "corrected", corrected_to: "Riley Finn" });
    expect((await queue({ field: "characters" })).works.map((w) => w.key)).toEqual(["gate"]);

    // Corrected again, the last correction is what goes: here the character is removed altogether.
    await correctInferredValue(quire().library, id("salt"), { field: "characters", value: SPIKE, to: null });
    expect((await withTag({ name: "Riley Finn", type: "Character" })).keys).toEqual([]);
    expect((await search({})).facets.characters.map((f) => `${f.name} ${f.count}`).sort()).toEqual(["Buffy Summers 1", "Daniel Jackson 1", "Samantha Carter 1"]);
  });

  it("corrects a category to one of the Archive's, in any spelling, and refuses others", async () => {
    await correctInferredValue(quire().library, id("salt"), { field: "categories", value: "F/M", to: "slash" });
    expect((await withTag({ name: "M/M", type: "Category" })).keys).toEqual(["salt"]);
    expect((await withTag({ name: "F/M", type: "Category" })).keys).toEqual([]);
    expect(await rejection(correctInferredValue(quire().library, id("salt"), { field: "categories", value: "F/M", to: "Slashy" }))).toMatchObject({ type: "ValidationError" });
    expect(await rejection(correctInferredValue(quire().library, id("salt"), { field: "characters", value: SPIKE, to: "  " }))).toMatchObject({ type: "ValidationError" });
  });

  it("corrects a fandom, and the crossover flag follows", async () => {
    await correctInferredValue(quire().library, id("salt"), { field: "fandoms", value: null, to: "Angel: the Series" });
    expect((await withTag({ name: "Angel: the Series", type: "Fandom" })).keys).toEqual(["salt"]);
    expect((await withTag({ name: "Buffy the Vampire Slayer", type: "Fandom" })).keys).toEqual([]);

    const crossover = parsedWork({ title: "Two Worlds", fandoms: ["Stargate SG-1", "Buffy the Vampire Slayer"], inferred: [value("fandoms", "Buffy the Vampire Slayer", 0.5)] });
    const crossoverId = await quire().library.engine.writeTransaction(quire().library.db, (trx) => insertWork(trx, quire().library.engine, toStore(crossover), NOW));
    const crossovers = async () => (await searchWorks({ db: quire().library.db, searchIndex: quire().searchIndex }, { ...emptyWorkSearch(), crossover: "only" })).works.map((w) => w.id);
    expect(await crossovers()).toEqual([crossoverId]);
    await correctInferredValue(quire().library, crossoverId, { field: "fandoms", value: "Buffy the Vampire Slayer", to: null });
    expect(await crossovers()).toEqual([]);
  });

  it("corrects an inferred rating to one of the Archive's ratings, and never removes it", async () => {
    const corrected = await correctInferredValue(quire().library, id("salt"), { field: "rating", value: null, to: "pg-13" });
    expect(corrected.correctedTo).toBe("Teen And Up Audiences");
    expect((await withTag({ name: "Teen And Up Audiences", type: "Rating" })).keys).toEqual(["salt", "sure"]);
    expect((await withTag({ name: "Mature", type: "Rating" })).keys).toEqual([]);
    expect((await search({})).facets.rating).toEqual(expect.arrayContaining([{ name: "Teen And Up Audiences", count: 2 }]));
    expect((await search({})).facets.rating.map((f) => f.name)).not.toContain("Mature");
    expect((await queue({ field: "rating" })).total).toBe(0);
    expect(await rejection(correctInferredValue(quire().library, id("salt"), { field: "rating", value: null, to: "Spicy" }))).toMatchObject({ type: "ValidationError", message: expect.stringContaining("General Audiences") });
    expect(await rejection(correctInferredValue(quire().library, id("salt"), { field: "rating", value: null, to: null }))).toMatchObject({ type: "ValidationError" });
  });

  it("keeps every decision when the work is read again, and drops undecided values no longer inferred", async () => {
    await acceptInferredValues(quire().library, id("salt"), { field: "categories", value: null });
    await correctInferredValue(quire().library, id("salt"), { field: "characters", value: SPIKE, to: "Riley Finn" });
    await correctInferredValue(quire().library, id("salt"), { field: "rating", value: null, to: "Explicit" });

    // The file changed: the same values inferred again, less sure of Spike, no fandom, and a new character.
    const again = parsedWork({
      ...LIBRARY.salt,
      fandoms: [],
      characters: ["Buffy Summers", SPIKE, "Dawn Summers"],
      chapters: ["Spike waited by the crypt while the slayer walked the cemetery with Dawn."],
      inferred: [value("characters", SPIKE, 0.3, "named Spike ×1"), value("characters", "Dawn Summers", 0.5), value("categories", "F/M", 0.6), value("rating", "Mature", 0.9)],
    });
    await quire().library.engine.writeTransaction(quire().library.db, (trx) => replaceWork(trx, quire().library.engine, id("salt"), toStore(again), NOW));

    expect((await storedValues("salt")).map((v) => [v.field, v.value, v.decision, v.corrected_to])).toEqual([
      ["characters", SPIKE, "corrected", "Riley Finn"],
      ["categories", "F/M", "accepted", null],
      ["rating", "Mature", "corrected", "Explicit"],
      ["characters", "Dawn Summers", null, null],
    ]);
    // The corrections apply to the new reading: Spike stays off the work, the rating stays Explicit.
    expect((await withTag({ name: "Riley Finn", type: "Character" })).keys).toEqual(["salt"]);
    expect((await withTag({ name: SPIKE, type: "Character" })).keys).toEqual([]);
    expect((await withTag({ name: "Explicit", type: "Rating" })).keys).toEqual(["salt", "stated"]);
    expect((await search("tag:finn")).keys).toEqual(["salt"]);
    expect((await queue()).works.find((w) => w.key === "salt")?.values).toEqual(["characters:Dawn Summers"]);
  });

  it("forgets a work's values with the work", async () => {
    await quire().library.db.deleteFrom("works").where("id", "=", id("salt")).execute();
    expect(await storedValues("salt")).toEqual([]);
  });

  it("accepts no value without its field", async () => {
    expect(await rejection(acceptInferredValues(quire().library, id("salt"), { field: null, value: "Mature" }))).toMatchObject({ type: ValidationError.name });
  });
});
