/**
 * What the sitemap lists: the works a guest may read (public, not drafts, not hidden, not restricted — the
 * audience condition for a guest) and the series holding any of them, leaving out works the library muted.
 */
import { sql, type Kysely } from "kysely";
import { GUEST_AUDIENCE } from "../../domain/account.js";
import { shownWorkCondition } from "../audience.js";
import type { Database } from "../schema.js";

/** The public works, most recently changed first, with the date each last changed. */
export async function listPublicWorks(db: Kysely<Database>, excludedFilterIds: readonly number[], limit: number): Promise<{ id: number; updatedAt: string }[]> {
  const { rows } = await sql<{ id: number; updated_at: string }>`select w.id, w.updated_at from works w where ${shownWorkCondition(GUEST_AUDIENCE, excludedFilterIds)}
    order by w.updated_at desc, w.id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ id: Number(r.id), updatedAt: r.updated_at }));
}

/** The series with at least one public work, by id. */
export async function listPublicSeries(db: Kysely<Database>, excludedFilterIds: readonly number[], limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select s.id from series s where exists (
    select 1 from series_works sw join works w on w.id = sw.work_id where sw.series_id = s.id and ${shownWorkCondition(GUEST_AUDIENCE, excludedFilterIds)})
    order by s.id limit ${limit}`.execute(db);
  return rows.map((r) => Number(r.id));
}
