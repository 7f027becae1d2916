/**
 * Bookmarks of works and series: one per user per work or series (the store holds that), with the bookmarker's
 * notes, their own tags, and whether it is private or a recommendation. A work counts its public bookmarks.
 */
import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Audience } from "../../domain/account.js";
import { storedSafeHtml, type SafeHtml } from "../../domain/safe-html.js";
import { nameKey } from "../../domain/sort-key.js";
import { audienceCondition } from "../audience.js";
import type { Database } from "../schema.js";

export type BookmarkTarget = { workId: number } | { seriesId: number };

export interface BookmarkFields {
  notes: SafeHtml | null;
  tags: readonly string[];
  private: boolean;
  rec: boolean;
}

export interface StoredBookmark {
  id: number;
  userId: number;
  workId: number | null;
  seriesId: number | null;
  notes: SafeHtml | null;
  tags: string[];
  private: boolean;
  rec: boolean;
  createdAt: string;
  updatedAt: string;
}

async function tagsOf(db: Kysely<Database>, bookmarkIds: readonly number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (bookmarkIds.length === 0) return tags;
  const rows = await db.selectFrom("bookmark_tags").select(["bookmark_id", "name"]).where("bookmark_id", "in", [...bookmarkIds]).orderBy("name_key").execute();
  for (const row of rows) tags.set(row.bookmark_id, [...(tags.get(row.bookmark_id) ?? []), row.name]);
  return tags;
}

function bookmarkQuery(db: Kysely<Database>) {
  return db.selectFrom("bookmarks").select(["id", "user_id", "work_id", "series_id", "notes", "private", "rec", "created_at", "updated_at"]);
}

async function withTags(db: Kysely<Database>, row: Awaited<ReturnType<ReturnType<typeof bookmarkQuery>["executeTakeFirst"]>>): Promise<StoredBookmark | undefined> {
  if (!row) return undefined;
  return {
    id: row.id, userId: row.user_id, workId: row.work_id, seriesId: row.series_id, notes: row.notes === null ? null : storedSafeHtml(row.notes),
    tags: (await tagsOf(db, [row.id])).get(row.id) ?? [], private: row.private === 1, rec: row.rec === 1, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The user's bookmark of the work or series, if they have one. */
export async function findBookmark(db: Kysely<Database>, userId: number, target: BookmarkTarget): Promise<StoredBookmark | undefined> {
  const query = bookmarkQuery(db).where("user_id", "=", userId);
  return withTags(db, await ("workId" in target ? query.where("work_id", "=", target.workId) : query.where("series_id", "=", target.seriesId)).executeTakeFirst());
}

export async function findBookmarkById(db: Kysely<Database>, id: number): Promise<StoredBookmark | undefined> {
  return withTags(db, await bookmarkQuery(db).where("id", "=", id).executeTakeFirst());
}

/** Creates the user's bookmark of the target, or replaces what it holds (keeping when it was made). @returns its id. */
export async function saveBookmark(db: Kysely<Database>, userId: number, authorId: number | null, target: BookmarkTarget, fields: BookmarkFields, now: string): Promise<number> {
  const values = { notes: fields.notes, private: fields.private ? 1 : 0, rec: fields.rec ? 1 : 0, author_id: authorId, updated_at: now };
  const { id } = await db.insertInto("bookmarks")
    .values({ ...values, user_id: userId, work_id: "workId" in target ? target.workId : null, series_id: "seriesId" in target ? target.seriesId : null, created_at: now })
    .onConflict((oc) => oc.columns(["user_id", "workId" in target ? "work_id" : "series_id"]).doUpdateSet(values))
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.deleteFrom("bookmark_tags").where("bookmark_id", "=", id).execute();
  if (fields.tags.length > 0) await db.insertInto("bookmark_tags").values(fields.tags.map((name) => ({ bookmark_id: id, name, name_key: nameKey(name) }))).execute();
  return id;
}

export async function deleteBookmarkRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom("bookmarks").where("id", "=", id).execute();
}

/**
 * Sets the work's bookmark count to its public bookmarks: call it in the transaction that changed them. Locks the
 * work's row first, as recountWorkComments does and for its reason: concurrent bookmarks would leave it short.
 */
export async function recountWorkBookmarks(db: Kysely<Database>, workId: number): Promise<void> {
  await db.updateTable("works").set((eb) => ({ bookmarks: eb.ref("bookmarks") })).where("id", "=", workId).execute();
  await db.updateTable("works")
    .set((eb) => ({ bookmarks: eb.selectFrom("bookmarks").select((s) => s.fn.countAll<number>().as("n")).where("work_id", "=", workId).where("private", "=", 0) }))
    .where("id", "=", workId)
    .execute();
}

export interface BookmarkFilter {
  userId: number;
  /** The bookmarker's own listing: private bookmarks too. */
  includePrivate: boolean;
  /** One of the bookmarker's tags, by any spelling. */
  bookmarkerTag: string | null;
  recOnly: boolean;
  /** The bookmarked work (or a work of the series) must filter as one of these tags; null: any work. */
  workFilterTagIds: readonly number[] | null;
}

export interface ListedBookmark extends StoredBookmark {
  /** The pseud the bookmark was made as. */
  pseud: string | null;
  seriesName: string | null;
}

/**
 * A page of the user's bookmarks, the latest made first, with how many match: only bookmarks of works the
 * audience may see, and of series with such a work, are listed or counted.
 */
export async function listBookmarks(db: Kysely<Database>, filter: BookmarkFilter, audience: Audience, page: number, perPage: number): Promise<{ total: number; bookmarks: ListedBookmark[] }> {
  const visible = audienceCondition(audience);
  const tagIds = filter.workFilterTagIds;
  const workMatch = tagIds === null ? sql<SqlBool>`1 = 1` : tagIds.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`w.id in (select f.work_id from work_filters f where f.tag_id in (${sql.join([...tagIds])}))`;
  const conditions: Expression<SqlBool>[] = [
    sql<SqlBool>`b.user_id = ${filter.userId}`,
    sql<SqlBool>`((b.work_id is not null and exists (select 1 from works w where w.id = b.work_id and ${visible} and ${workMatch}))
      or (b.series_id is not null and exists (select 1 from series_works sw join works w on w.id = sw.work_id where sw.series_id = b.series_id and ${visible} and ${workMatch})))`,
  ];
  if (!filter.includePrivate) conditions.push(sql<SqlBool>`b.private = 0`);
  if (filter.recOnly) conditions.push(sql<SqlBool>`b.rec = 1`);
  if (filter.bookmarkerTag !== null) conditions.push(sql<SqlBool>`exists (select 1 from bookmark_tags bt where bt.bookmark_id = b.id and bt.name_key = ${nameKey(filter.bookmarkerTag)})`);
  const base = db.selectFrom("bookmarks as b").where((eb) => eb.and(conditions));
  const [rows, count] = await Promise.all([
    base.leftJoin("authors as a", "a.id", "b.author_id").leftJoin("series as s", "s.id", "b.series_id")
      .select(["b.id", "b.user_id", "b.work_id", "b.series_id", "b.notes", "b.private", "b.rec", "b.created_at", "b.updated_at", "a.name as pseud", "s.name as series_name"])
      .orderBy("b.created_at", "desc").orderBy("b.id", "desc")
      .limit(perPage).offset((page - 1) * perPage).execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const tags = await tagsOf(db, rows.map((r) => r.id));
  return {
    total: Number(count.n),
    bookmarks: rows.map((r) => ({
      id: r.id, userId: r.user_id, workId: r.work_id, seriesId: r.series_id, notes: r.notes === null ? null : storedSafeHtml(r.notes), tags: tags.get(r.id) ?? [],
      private: r.private === 1, rec: r.rec === 1, createdAt: r.created_at, updatedAt: r.updated_at, pseud: r.pseud, seriesName: r.series_name,
    })),
  };
}

/** The author (a pseud, or a name from imported files) of this name, by any spelling, with the account it belongs to. */
export async function findAuthorByName(db: Kysely<Database>, name: string): Promise<{ id: number; name: string; userId: number | null } | undefined> {
  const row = await db.selectFrom("authors").select(["id", "name", "user_id"]).where("name_key", "=", nameKey(name)).executeTakeFirst();
  return row && { id: row.id, name: row.name, userId: row.user_id };
}
