/** Hits: one per visitor per work per day, the visitor a keyed digest (never an address or an account's id). */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/**
 * Counts the visit unless this visitor already counted today: one insert, and one update when it was new, in one
 * transaction, so the count never misses a visit recorded (or counts one that is not). @returns whether it counted.
 */
export async function recordHit(db: Kysely<Database>, workId: number, visitorKey: string, day: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto("work_hits").values({ work_id: workId, visitor_key: visitorKey, day })
      .onConflict((oc) => oc.doNothing())
      .returning("work_id")
      .executeTakeFirst();
    if (!inserted) return false;
    await trx.updateTable("works").set((eb) => ({ hits: eb("hits", "+", 1) })).where("id", "=", workId).execute();
    return true;
  });
}
