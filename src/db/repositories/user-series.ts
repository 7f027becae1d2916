/**
 * Series that authors make on the web (series.user_id): making and renaming one, putting a work in it at a part,
 * and the order of its works. Series names are unique across the library, as for series read from files.
 */
import type { Kysely } from "kysely";
import type { WorkVisibility } from "../../domain/account.js";
import { nameKey } from "../../domain/sort-key.js";
import type { Database } from "../schema.js";

export interface OwnedSeries {
  id: number;
  name: string;
  summary: string | null;
  notes: string | null;
  /** The user who made it; null for a series named in imported files. */
  userId: number | null;
}

export interface SeriesFields {
  name: string;
  summary: string | null;
  notes: string | null;
}

export async function listUserSeries(db: Kysely<Database>, userId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom("series").select(["id", "name"]).where("user_id", "=", userId).orderBy("name_key").execute();
}

export async function findSeriesById(db: Kysely<Database>, seriesId: number): Promise<OwnedSeries | undefined> {
  const row = await db.selectFrom("series").select(["id", "name", "summary", "notes", "user_id"]).where("id", "=", seriesId).executeTakeFirst();
  return row ? { id: row.id, name: row.name, summary: row.summary, notes: row.notes, userId: row.user_id } : undefined;
}

/** The id of the series with this name however it is typed, if any. */
export async function findSeriesIdByName(db: Kysely<Database>, name: string): Promise<number | undefined> {
  const row = await db.selectFrom("series").select("id").where("name_key", "=", nameKey(name)).executeTakeFirst();
  return row?.id;
}

export async function insertSeries(db: Kysely<Database>, fields: SeriesFields, userId: number, now: string): Promise<number> {
  const { id } = await db.insertInto("series").values({ name: fields.name, name_key: nameKey(fields.name), summary: fields.summary, notes: fields.notes, user_id: userId, created_at: now })
    .returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function updateSeries(db: Kysely<Database>, seriesId: number, fields: SeriesFields): Promise<void> {
  await db.updateTable("series").set({ name: fields.name, name_key: nameKey(fields.name), summary: fields.summary, notes: fields.notes }).where("id", "=", seriesId).execute();
}

export interface SeriesPart {
  workId: number;
  title: string;
  part: number;
  visibility: WorkVisibility;
}

/** Every work of the series, drafts too, in order: what its owner arranges. */
export async function listSeriesParts(db: Kysely<Database>, seriesId: number): Promise<SeriesPart[]> {
  const rows = await db.selectFrom("series_works as sw").innerJoin("works as w", "w.id", "sw.work_id")
    .select(["w.id", "w.title", "sw.position", "w.visibility"]).where("sw.series_id", "=", seriesId).orderBy("sw.position").orderBy("w.id").execute();
  return rows.map((r) => ({ workId: r.id, title: r.title, part: r.position, visibility: r.visibility }));
}

/**
 * Makes the series the work's only one (or takes it out of every series, for null), at the part given, else at
 * the part it already has there, else after the series' last work.
 */
export async function setWorkSeries(db: Kysely<Database>, workId: number, seriesId: number | null, part: number | null): Promise<void> {
  const current = seriesId === null ? undefined
    : await db.selectFrom("series_works").select("position").where("series_id", "=", seriesId).where("work_id", "=", workId).executeTakeFirst();
  await db.deleteFrom("series_works").where("work_id", "=", workId).execute();
  if (seriesId === null) return;
  let position = part ?? current?.position;
  if (position === undefined) {
    const { last } = await db.selectFrom("series_works").select((eb) => eb.fn.max("position").as("last")).where("series_id", "=", seriesId).executeTakeFirstOrThrow();
    position = (last ?? 0) + 1;
  }
  await db.insertInto("series_works").values({ series_id: seriesId, work_id: workId, position }).execute();
}

/** Numbers the series' works 1 to n in the order of the ids given. */
export async function setSeriesOrder(db: Kysely<Database>, seriesId: number, workIds: readonly number[]): Promise<void> {
  for (const [index, workId] of workIds.entries()) {
    await db.updateTable("series_works").set({ position: index + 1 }).where("series_id", "=", seriesId).where("work_id", "=", workId).execute();
  }
}
