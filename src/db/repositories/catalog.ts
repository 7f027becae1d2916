/**
 * What the OPDS catalog and the feeds read besides search: authors and series with how many works each holds
 * for a reader, a series' works in order, and when works last changed. Every read counts only the works the
 * audience may see (audienceCondition) that carry none of the excluded filter tags (the library's and the
 * reader's muted tags, and adult ratings when the reader did not ask for them), so its counts agree with search's.
 */
import { sql, type Kysely } from "kysely";
import type { Audience } from "../../domain/account.js";
import { anonymousCondition, shownWorkCondition } from "../audience.js";
import type { Database } from "../schema.js";
import { listShownSeriesWorkIds } from "./archive-pages.js";

export interface CountedName {
  name: string;
  works: number;
}

export interface CountedSeries extends CountedName {
  id: number;
}

/** One page of a counted list, and how many there are in all. */
export interface CountedPage<T> {
  total: number;
  items: T[];
}

/** Authors with at least one shown work, by name, each with how many. */
export async function listCountedAuthors(db: Kysely<Database>, audience: Audience, excludedFilterIds: readonly number[], limit: number, offset: number): Promise<CountedPage<CountedName>> {
  const counted = sql`select a.id, a.name, a.name_key, count(*) as works from authors a join work_authors wa on wa.author_id = a.id join works w on w.id = wa.work_id
    where ${shownWorkCondition(audience, excludedFilterIds)} and not ${anonymousCondition(audience)} group by a.id, a.name, a.name_key`;
  const { rows: totals } = await sql<{ n: number }>`select count(*) as n from (${counted}) c`.execute(db);
  const { rows } = await sql<{ name: string; works: number }>`select c.name, c.works from (${counted}) c order by c.name_key, c.id limit ${limit} offset ${offset}`.execute(db);
  return { total: Number(totals[0]?.n ?? 0), items: rows.map((r) => ({ name: r.name, works: Number(r.works) })) };
}

/** Series with at least one shown work, by name, each with how many. */
export async function listCountedSeries(db: Kysely<Database>, audience: Audience, excludedFilterIds: readonly number[], limit: number, offset: number): Promise<CountedPage<CountedSeries>> {
  const counted = sql`select s.id, s.name, s.name_key, count(*) as works from series s join series_works sw on sw.series_id = s.id join works w on w.id = sw.work_id
    where ${shownWorkCondition(audience, excludedFilterIds)} group by s.id, s.name, s.name_key`;
  const { rows: totals } = await sql<{ n: number }>`select count(*) as n from (${counted}) c`.execute(db);
  const { rows } = await sql<{ id: number; name: string; works: number }>`select c.id, c.name, c.works from (${counted}) c order by c.name_key, c.id limit ${limit} offset ${offset}`.execute(db);
  return { total: Number(totals[0]?.n ?? 0), items: rows.map((r) => ({ id: Number(r.id), name: r.name, works: Number(r.works) })) };
}

/** The series' name and its shown works' ids by part; undefined when there is no such series. */
export async function findSeriesWorkIds(db: Kysely<Database>, seriesId: number, audience: Audience, excludedFilterIds: readonly number[]): Promise<{ name: string; workIds: number[] } | undefined> {
  const series = await db.selectFrom("series").select("name").where("id", "=", seriesId).executeTakeFirst();
  if (!series) return undefined;
  return { name: series.name, workIds: await listShownSeriesWorkIds(db, seriesId, audience, excludedFilterIds) };
}

/** When each work last changed (`works.updated_at`, an ISO timestamp), by id. */
export async function readWorkChanges(db: Kysely<Database>, workIds: readonly number[]): Promise<Map<number, string>> {
  if (workIds.length === 0) return new Map();
  const rows = await db.selectFrom("works").select(["id", "updated_at"]).where("id", "in", [...workIds]).execute();
  return new Map(rows.map((r) => [Number(r.id), r.updated_at]));
}

/**
 * The latest change among the works shown, or null when none is. Read down the updated_at index to the first work
 * shown, which every feed asks for: a max() under these conditions would read every work.
 */
export async function readLatestChange(db: Kysely<Database>, audience: Audience, excludedFilterIds: readonly number[]): Promise<string | null> {
  const { rows } = await sql<{ updated_at: string }>`select w.updated_at from works w where ${shownWorkCondition(audience, excludedFilterIds)} order by w.updated_at desc limit 1`.execute(db);
  return rows[0]?.updated_at ?? null;
}
