/**
 * Engine.continueGeneratedIds, as a restore uses it: inside the restore's transaction, so a restore that fails after
 * it (the search index, the final count check) must leave each generated id where it was. A key generator put back
 * below the rows a rollback kept would hand out their ids again.
 */
import { describe, expect, it } from "vitest";
import type { Quire } from "../../src/composition.js";
import { freshQuirePerSuite, TEST_ENGINES } from "../support/databases.js";

describe.each(TEST_ENGINES)("generated ids on $name", (engine) => {
  let quire: Quire;

  freshQuirePerSuite(engine, async (fresh) => {
    quire = fresh;
  });

  const mute = (name: string) => quire.library.db.insertInto("muted_tags").values({ name, name_key: name.toLowerCase(), type: null, created_at: "2026-01-01T00:00:00Z" }).execute();
  const mutedIds = async () => (await quire.library.db.selectFrom("muted_tags").select("id").orderBy("id").execute()).map((r) => r.id);

  it("go on after the largest id once continued, and are as they were when the transaction rolls back", async () => {
    const { db, engine: library } = quire.library;
    for (const name of ["Alpha", "Beta", "Gamma"]) await mute(name);
    const kept = await mutedIds();
    expect(kept).toHaveLength(3);

    // Emptied and continued (the generator would start again at 1), then rolled back: the rows come back.
    const stop = new Error("the restore failed after it continued the ids");
    await expect(library.writeTransaction(db, async (trx) => {
      await trx.deleteFrom("muted_tags").execute();
      await library.continueGeneratedIds(trx);
      throw stop;
    })).rejects.toBe(stop);
    await mute("Delta");
    const after = await mutedIds();
    expect(after.slice(0, 3)).toEqual(kept);
    expect(after[3]).toBeGreaterThan(Math.max(...kept));

    // Rows stored with their own ids, then continued: a new row takes the next id after them.
    await library.writeTransaction(db, async (trx) => {
      await trx.insertInto("muted_tags").values({ id: 500, name: "Epsilon", name_key: "epsilon", type: null, created_at: "2026-01-01T00:00:00Z" }).execute();
      await library.continueGeneratedIds(trx);
    });
    await mute("Zeta");
    expect((await mutedIds()).at(-1)).toBe(501);
  });
});
