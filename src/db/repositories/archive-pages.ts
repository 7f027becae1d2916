/**
 * What the archive's index pages read besides search: a series with its works in order, an author, tags by
 * the start of their names (autocomplete), and the library's shape for the stats page (word counts, years).
 */
import { sql, type Kysely, type SqlBool } from "kysely";
import type { Audience } from "../../domain/account.js";
import { nameKey } from "../../domain/sort-key.js";
import { audienceCondition, shownWorkCondition } from "../audience.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Database } from "../schema.js";

export interface SeriesSummary {
  id: number;
  name: string;
  summary: string | null;
  notes: string | null;
  /** The user who made it on the web; null for a series named in imported files. */
  userId: number | null;
  /** The works' ids by part, in order. */
  workIds: number[];
}

/** The series with the works in it the audience may see; undefined when there is no such series, or none of its works is visible. */
export async function findSeries(db: Kysely<Database>, seriesId: number, audience: Audience): Promise<SeriesSummary | undefined> {
  const series = await db.selectFrom("series").select(["id", "name", "summary", "notes", "user_id as userId"]).where("id", "=", seriesId).executeTakeFirst();
  if (!series) return undefined;
  const workIds = await listShownSeriesWorkIds(db, seriesId, audience);
  return workIds.length === 0 ? undefined : { ...series, workIds };
}

/** The ids of the series' works the audience may see that carry none of the excluded filter tags, by part. */
export async function listShownSeriesWorkIds(db: Kysely<Database>, seriesId: number, audience: Audience, excludedFilterIds: readonly number[] = []): Promise<number[]> {
  const { rows } = await sql<{ work_id: number }>`select sw.work_id from series_works sw join works w on w.id = sw.work_id
    where sw.series_id = ${seriesId} and ${shownWorkCondition(audience, excludedFilterIds)} order by sw.position, sw.work_id`.execute(db);
  return rows.map((r) => Number(r.work_id));
}

/** The author's name as stored, by any spelling that matches it, or undefined. */
export async function findAuthorName(db: Kysely<Database>, name: string): Promise<string | undefined> {
  const row = await db.selectFrom("authors").select("name").where("name_key", "=", nameKey(name)).executeTakeFirst();
  return row?.name;
}

export interface TagSuggestion {
  name: string;
  type: TagType;
}

/**
 * Tags a filter can name — canonical ones, and unwrangled ones, which filter as themselves; never synonyms —
 * whose name starts with the text or has a word that does ("buf" finds "Buffy Summers" and "Willow & Buffy"):
 * canonical first, then those starting with the text, then the shortest. An unwrangled tag is suggested only
 * when a work the audience may see carries it: a tag written on a draft, a hidden or a restricted work would
 * otherwise tell of it to readers who cannot see the work.
 */
export async function suggestTags(db: Kysely<Database>, text: string, type: TagType | null, limit: number, audience: Audience): Promise<TagSuggestion[]> {
  const key = nameKey(text).replace(/[\\%_]/gu, (c) => `\\${c}`);
  if (key.length === 0) return [];
  const startsWith = sql<SqlBool>`name_key like ${`${key}%`} escape '\\'`;
  const seen = sql<SqlBool>`exists (select 1 from work_tags wt join works w on w.id = wt.work_id where wt.tag_id = tags.id and ${audienceCondition(audience)})`;
  let query = db
    .selectFrom("tags")
    .select(["name", "type"])
    .where("merger_id", "is", null)
    .where((eb) => eb.or([eb("canonical", "=", 1), seen]))
    .where((eb) => eb.or([startsWith, sql<SqlBool>`name_key like ${`% ${key}%`} escape '\\'`, sql<SqlBool>`name_key like ${`%/${key}%`} escape '\\'`]));
  if (type) query = query.where("type", "=", type);
  return query.orderBy("canonical", "desc").orderBy(sql`case when ${startsWith} then 0 else 1 end`).orderBy(sql`length(name)`).orderBy("name").limit(limit).execute();
}

export interface LibraryShape {
  /** Works per word-count bucket, from 0, 1,000, 5,000, 10,000… words; `to` is exclusive, null for the last. */
  wordCounts: { from: number; to: number | null; works: number }[];
  /** Works per year of first posting; works with no date are left out. */
  years: { year: number; works: number }[];
}

/** Lower bounds of the word-count histogram's buckets: a reader's sense of length, from drabble to novel. */
export const WORD_BUCKETS = [0, 1_000, 5_000, 10_000, 20_000, 50_000, 100_000] as const;

/** The library's shape, over the works the audience sees that carry none of the excluded filter tags. */
export async function readLibraryShape(db: Kysely<Database>, excludedFilterIds: readonly number[], audience: Audience): Promise<LibraryShape> {
  const visible = shownWorkCondition(audience, excludedFilterIds);
  const bucket = sql.join(WORD_BUCKETS.slice(1).map((b, i) => sql`when w.word_count < ${b} then ${i}`), sql` `);
  const { rows: buckets } = await sql<{ bucket: number; n: number }>`
    select case ${bucket} else ${WORD_BUCKETS.length - 1} end as bucket, count(*) as n from works w where ${visible} group by 1`.execute(db);
  const { rows: years } = await sql<{ year: string; n: number }>`
    select substr(w.published, 1, 4) as year, count(*) as n from works w where w.published is not null and ${visible} group by 1 order by 1`.execute(db);
  const counts = new Map(buckets.map((b) => [Number(b.bucket), Number(b.n)]));
  return {
    wordCounts: WORD_BUCKETS.map((from, i) => ({ from, to: WORD_BUCKETS[i + 1] ?? null, works: counts.get(i) ?? 0 })),
    years: years.map((y) => ({ year: Number(y.year), works: Number(y.n) })).filter((y) => Number.isInteger(y.year)),
  };
}
