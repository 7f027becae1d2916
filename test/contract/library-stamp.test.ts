/**
 * The library's change stamp, which decides when kept whole-library searches are stale, moves with every change a
 * search can see, on both engines, even changes that leave the counts and the latest time as they were.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { readLibraryStamp } from "../../src/db/repositories/library-stamp.js";
import { deleteMutedTag, insertMutedTag } from "../../src/db/repositories/muted-tags.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";

describe.each(TEST_ENGINES)("the library's change stamp on $name", (engine) => {
  let quire: Quire;

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
  });

  it("moves when one mute gives way to another within the same millisecond", async () => {
    const { db } = quire.library;
    const at = "2026-11-30T12:00:00.000Z";
    const before = await readLibraryStamp(db);
    await insertMutedTag(db, { name: "Angst", type: null }, at);
    const angst = await readLibraryStamp(db);
    expect(angst).not.toBe(before);
    await deleteMutedTag(db, { name: "Angst", type: null });
    await insertMutedTag(db, { name: "Fluff", type: null }, at);
    const fluff = await readLibraryStamp(db);
    expect(fluff).not.toBe(angst);
    await deleteMutedTag(db, { name: "Fluff", type: null });
    expect(await readLibraryStamp(db)).toBe(before);
  });
});
