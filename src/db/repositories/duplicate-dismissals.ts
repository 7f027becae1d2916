/**
 * Pairs of works a moderator judged not to be duplicates (`duplicate_dismissals`): stored once per pair, the lower
 * id first, and gone with either work.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** A pair's key as the store holds it: the lower id first. */
export function pairKey(a: number, b: number): string {
  return `${Math.min(a, b)}:${Math.max(a, b)}`;
}

/**
 * Records that the two works are not duplicates. A pair dismissed before keeps its first record.
 * @returns whether a new record was made.
 */
export async function insertDuplicateDismissal(db: Kysely<Database>, pair: { a: number; b: number; by: number | null; at: string }): Promise<boolean> {
  const result = await db.insertInto("duplicate_dismissals")
    .values({ low_work_id: Math.min(pair.a, pair.b), high_work_id: Math.max(pair.a, pair.b), dismissed_by: pair.by, dismissed_at: pair.at })
    .onConflict((oc) => oc.columns(["low_work_id", "high_work_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Every dismissed pair, as pairKey writes it. */
export async function listDismissedPairs(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom("duplicate_dismissals").select(["low_work_id", "high_work_id"]).execute();
  return new Set(rows.map((r) => pairKey(r.low_work_id, r.high_work_id)));
}
