/** Transactions and savepoints, on SQLite (where a failed COMMIT can leave a transaction open). */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openLibrary, type Library } from "../connect.js";
import { runInTransaction, withSavepoint } from "./transaction.js";

describe("transactions", () => {
  let library: Library;
  beforeEach(async () => {
    library = await openLibrary({ engine: "sqlite", path: ":memory:" });
  });
  afterEach(async () => {
    await library.close();
  });

  const authorCount = async () => Number((await library.db.selectFrom("authors").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("reports a failed commit by its own error and leaves the connection ready for the next transaction", async () => {
    // A deferred foreign key is checked at COMMIT, which then fails with the transaction still open.
    const failing = runInTransaction(library.db, "begin immediate", async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await sql`insert into work_authors (work_id, author_id, position) values (999, 999, 0)`.execute(trx);
    });
    await expect(failing).rejects.toThrow(/FOREIGN KEY constraint failed/u);
    await runInTransaction(library.db, "begin immediate", async (trx) => {
      await trx.insertInto("authors").values({ name: "Wren", name_key: "wren" }).execute();
    });
    expect(await authorCount()).toBe(1);
  });

  it("undoes only what failed under a savepoint and keeps the rest of the transaction", async () => {
    await runInTransaction(library.db, "begin immediate", async (trx) => {
      await trx.insertInto("authors").values({ name: "Kept", name_key: "kept" }).execute();
      await expect(withSavepoint(trx, async () => {
        await trx.insertInto("authors").values({ name: "Undone", name_key: "undone" }).execute();
        throw new Error("this unit fails");
      })).rejects.toThrow("this unit fails");
      await withSavepoint(trx, () => trx.insertInto("authors").values({ name: "Also kept", name_key: "also kept" }).execute());
    });
    const names = await library.db.selectFrom("authors").select("name").orderBy("name").execute();
    expect(names.map((n) => n.name)).toEqual(["Also kept", "Kept"]);
  });
});
