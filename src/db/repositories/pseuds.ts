/**
 * Pseuds: the authors a user owns. A pseud's name is an author's name like any other, unique (by its folded key)
 * among every author the archive holds; renaming one renames the byline of every work it wrote.
 */
import type { Kysely } from "kysely";
import { sortKey } from "../../domain/sort-key.js";
import type { Database } from "../schema.js";

export interface PseudRow {
  id: number;
  name: string;
  nameKey: string;
  /** Works with this pseud among their authors. */
  works: number;
}

export async function listUserPseuds(db: Kysely<Database>, userId: number): Promise<PseudRow[]> {
  const rows = await db.selectFrom("authors as a").leftJoin("work_authors as wa", "wa.author_id", "a.id")
    .select(["a.id", "a.name", "a.name_key", (eb) => eb.fn.count<number | string>("wa.work_id").as("works")])
    .where("a.user_id", "=", userId).groupBy(["a.id", "a.name", "a.name_key"]).orderBy("a.name_key").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, nameKey: r.name_key, works: Number(r.works) }));
}

export async function findUserPseud(db: Kysely<Database>, userId: number, authorId: number): Promise<Omit<PseudRow, "works"> | undefined> {
  const row = await db.selectFrom("authors").select(["id", "name", "name_key"]).where("id", "=", authorId).where("user_id", "=", userId).executeTakeFirst();
  return row && { id: row.id, name: row.name, nameKey: row.name_key };
}

export async function insertPseud(db: Kysely<Database>, userId: number, name: string, nameKey: string): Promise<number> {
  const { id } = await db.insertInto("authors").values({ name, name_key: nameKey, user_id: userId }).returning("id").executeTakeFirstOrThrow();
  return id;
}

/** Is the key some author's (other than `exceptAuthorId`, when given)? */
export async function isAuthorKeyTaken(db: Kysely<Database>, nameKey: string, exceptAuthorId: number | null): Promise<boolean> {
  let query = db.selectFrom("authors").select("id").where("name_key", "=", nameKey);
  if (exceptAuthorId !== null) query = query.where("id", "<>", exceptAuthorId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Is the key another user's login? (A user's own login may name their own pseuds.) */
export async function isOtherUsersLogin(db: Kysely<Database>, nameKey: string, userId: number): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("login_key", "=", nameKey).where("id", "<>", userId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Renames the author and brings its works along: their author sort key where it is their first author, and their
 * change time (so kept searches are read again). @returns the ids of the works, for their full-text entries.
 */
export async function renameAuthor(db: Kysely<Database>, authorId: number, name: string, nameKey: string, now: string): Promise<number[]> {
  await db.updateTable("authors").set({ name, name_key: nameKey }).where("id", "=", authorId).execute();
  const works = await db.selectFrom("work_authors").select("work_id").where("author_id", "=", authorId).execute();
  const workIds = works.map((w) => w.work_id);
  if (workIds.length === 0) return [];
  const links = await db.selectFrom("work_authors").select(["work_id", "author_id"]).where("work_id", "in", workIds).orderBy("work_id").orderBy("position").execute();
  const firstAuthor = new Map<number, number>();
  for (const link of links) if (!firstAuthor.has(link.work_id)) firstAuthor.set(link.work_id, link.author_id);
  const firstIds = workIds.filter((id) => firstAuthor.get(id) === authorId);
  if (firstIds.length > 0) await db.updateTable("works").set({ authors_sort: sortKey(name) }).where("id", "in", firstIds).execute();
  await db.updateTable("works").set({ updated_at: now }).where("id", "in", workIds).execute();
  return workIds;
}

export async function setDefaultAuthor(db: Kysely<Database>, userId: number, authorId: number): Promise<void> {
  await db.updateTable("users").set({ default_author_id: authorId }).where("id", "=", userId).execute();
}
