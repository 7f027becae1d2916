/**
 * Collections, their maintainers and their items: rows in, domain objects out. The rules of who may do what are
 * domain/collections/rules.ts's; these functions only read and record.
 */
import { sql, type Kysely, type SqlBool } from "kysely";
import type { Audience } from "../../domain/account.js";
import type { Collection, CollectionItemStatus, CollectionState, MaintainerRole } from "../../domain/collections/collection.js";
import { nameKey } from "../../domain/sort-key.js";
import { audienceCondition } from "../audience.js";
import type { CollectionRow, Database } from "../schema.js";

/** What a user sets on a collection. */
export interface CollectionSettings {
  title: string;
  description: string | null;
  parentId: number | null;
  state: CollectionState;
  anonymous: boolean;
  unrevealed: boolean;
}

function toCollection(row: CollectionRow): Collection {
  return {
    id: row.id,
    name: row.name,
    title: row.title || row.name,
    description: row.description,
    ownerId: row.owner_id,
    parentId: row.parent_id,
    state: row.state,
    anonymous: row.anonymous === 1,
    unrevealed: row.unrevealed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Makes a collection with its owner as its first maintainer. @returns its id. */
export async function insertCollection(db: Kysely<Database>, input: CollectionSettings & { name: string; ownerId: number }, now: string): Promise<number> {
  const { id } = await db.insertInto("collections").values({
    name: input.name,
    name_key: nameKey(input.name),
    title: input.title,
    description: input.description,
    owner_id: input.ownerId,
    parent_id: input.parentId,
    state: input.state,
    anonymous: input.anonymous ? 1 : 0,
    unrevealed: input.unrevealed ? 1 : 0,
    created_at: now,
  }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("collection_maintainers").values({ collection_id: id, user_id: input.ownerId, role: "owner", added_at: now }).execute();
  return id;
}

export async function updateCollectionSettings(db: Kysely<Database>, collectionId: number, settings: CollectionSettings, now: string): Promise<void> {
  await db.updateTable("collections").set({
    title: settings.title,
    description: settings.description,
    parent_id: settings.parentId,
    state: settings.state,
    anonymous: settings.anonymous ? 1 : 0,
    unrevealed: settings.unrevealed ? 1 : 0,
    updated_at: now,
  }).where("id", "=", collectionId).execute();
}

/** The collection whose name folds to the same key as `name`, if any. */
export async function findCollectionByName(db: Kysely<Database>, name: string): Promise<Collection | undefined> {
  const row = await db.selectFrom("collections").selectAll().where("name_key", "=", nameKey(name)).executeTakeFirst();
  return row && toCollection(row);
}

export async function findCollectionById(db: Kysely<Database>, collectionId: number): Promise<Collection | undefined> {
  const row = await db.selectFrom("collections").selectAll().where("id", "=", collectionId).executeTakeFirst();
  return row && toCollection(row);
}

/** A collection in a list, with how many of its approved works the audience may see. */
export interface CollectionSummary extends Collection {
  works: number;
}

/**
 * One page of collections by name, those whose name or title holds `query` (any case) when one is given, each
 * with its approved works the audience may see counted (an unrevealed collection's count is theirs alone).
 */
export async function listCollections(db: Kysely<Database>, audience: Audience, options: { query: string; limit: number; offset: number }): Promise<{ total: number; items: CollectionSummary[] }> {
  const words = options.query.trim().toLowerCase();
  const matching = words.length === 0 ? sql<SqlBool>`1 = 1`
    : sql<SqlBool>`(c.name_key like ${`%${escapeLike(nameKey(words))}%`} escape '\\' or lower(c.title) like ${`%${escapeLike(words)}%`} escape '\\')`;
  const { rows: totals } = await sql<{ n: number }>`select count(*) as n from collections c where ${matching}`.execute(db);
  const { rows } = await sql<CollectionRow & { works: number }>`select c.*, (select count(*) from collection_works cw join works w on w.id = cw.work_id
      where cw.collection_id = c.id and cw.status = 'approved' and ${audienceCondition(audience)}) as works
    from collections c where ${matching} order by c.name_key, c.id limit ${options.limit} offset ${options.offset}`.execute(db);
  return { total: Number(totals[0]?.n ?? 0), items: rows.map((r) => ({ ...toCollection(r), works: Number(r.works) })) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The collection's sub-collections, by name. */
export async function listSubCollections(db: Kysely<Database>, collectionId: number): Promise<Collection[]> {
  const rows = await db.selectFrom("collections").selectAll().where("parent_id", "=", collectionId).orderBy("name_key").orderBy("id").execute();
  return rows.map(toCollection);
}

/** The collection and every collection below it, at any depth: whose works its page lists. */
export async function listCollectionTreeIds(db: Kysely<Database>, collectionId: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`with recursive tree(id) as (select cast(${collectionId} as integer) union select c.id from collections c join tree t on c.parent_id = t.id)
    select id from tree`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** The collection's parent, or null at the top level; undefined when there is no such collection. */
export async function findParentId(db: Kysely<Database>, collectionId: number): Promise<number | null | undefined> {
  const row = await db.selectFrom("collections").select("parent_id").where("id", "=", collectionId).executeTakeFirst();
  return row?.parent_id;
}

export interface Maintainer {
  userId: number;
  login: string;
  role: MaintainerRole;
}

export async function listMaintainers(db: Kysely<Database>, collectionId: number): Promise<Maintainer[]> {
  const rows = await db.selectFrom("collection_maintainers as m").innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "u.login", "m.role"]).where("m.collection_id", "=", collectionId).orderBy("m.role", "desc").orderBy("u.login_key").execute();
  return rows.map((r) => ({ userId: r.user_id, login: r.login, role: r.role }));
}

/** The user's role in the collection, or null when they do not maintain it. */
export async function findMaintainerRole(db: Kysely<Database>, collectionId: number, userId: number): Promise<MaintainerRole | null> {
  const row = await db.selectFrom("collection_maintainers").select("role").where("collection_id", "=", collectionId).where("user_id", "=", userId).executeTakeFirst();
  return row?.role ?? null;
}

/** Makes the user a maintainer with the role, or changes the role they have. */
export async function setMaintainer(db: Kysely<Database>, collectionId: number, userId: number, role: MaintainerRole, now: string): Promise<void> {
  await db.insertInto("collection_maintainers").values({ collection_id: collectionId, user_id: userId, role, added_at: now })
    .onConflict((oc) => oc.columns(["collection_id", "user_id"]).doUpdateSet({ role }))
    .execute();
}

export async function removeMaintainer(db: Kysely<Database>, collectionId: number, userId: number): Promise<void> {
  await db.deleteFrom("collection_maintainers").where("collection_id", "=", collectionId).where("user_id", "=", userId).execute();
}

export async function countOwners(db: Kysely<Database>, collectionId: number): Promise<number> {
  const { n } = await db.selectFrom("collection_maintainers").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("collection_id", "=", collectionId).where("role", "=", "owner").executeTakeFirstOrThrow();
  return Number(n);
}

/** The work's status in the collection, or null when it is not there. */
export async function findItemStatus(db: Kysely<Database>, collectionId: number, workId: number): Promise<CollectionItemStatus | null> {
  const row = await db.selectFrom("collection_works").select("status").where("collection_id", "=", collectionId).where("work_id", "=", workId).executeTakeFirst();
  return row?.status ?? null;
}

/** Records the work's status in the collection; a work new to it is added at `now`. */
export async function setItemStatus(db: Kysely<Database>, collectionId: number, workId: number, status: CollectionItemStatus, now: string): Promise<void> {
  await db.insertInto("collection_works").values({ collection_id: collectionId, work_id: workId, status, added_at: now })
    .onConflict((oc) => oc.columns(["collection_id", "work_id"]).doUpdateSet({ status }))
    .execute();
}

export async function deleteItem(db: Kysely<Database>, collectionId: number, workId: number): Promise<void> {
  await db.deleteFrom("collection_works").where("collection_id", "=", collectionId).where("work_id", "=", workId).execute();
}

/** A work in a collection as its maintainers' queue shows it: the work's title only, never its creators. */
export interface CollectionItem {
  workId: number;
  title: string;
  status: CollectionItemStatus;
  addedAt: string | null;
}

/** The collection's items in the statuses given, the longest waiting first. Every work is listed: for maintainers. */
export async function listItems(db: Kysely<Database>, collectionId: number, statuses: readonly CollectionItemStatus[]): Promise<CollectionItem[]> {
  const rows = await db.selectFrom("collection_works as cw").innerJoin("works as w", "w.id", "cw.work_id")
    .select(["cw.work_id", "w.title", "cw.status", "cw.added_at"])
    .where("cw.collection_id", "=", collectionId).where("cw.status", "in", [...statuses])
    .orderBy("cw.added_at").orderBy("cw.work_id").execute();
  return rows.map((r) => ({ workId: r.work_id, title: r.title, status: r.status, addedAt: r.added_at }));
}

/** A collection a work is in (or asked for, or invited to), as the work's own pages show it. */
export interface WorkCollection {
  id: number;
  name: string;
  title: string;
  status: CollectionItemStatus;
  anonymous: boolean;
  unrevealed: boolean;
}

/** The collections the work is in, in the statuses given, by title. */
export async function listWorkCollections(db: Kysely<Database>, workId: number, statuses: readonly CollectionItemStatus[]): Promise<WorkCollection[]> {
  const rows = await db.selectFrom("collection_works as cw").innerJoin("collections as c", "c.id", "cw.collection_id")
    .select(["c.id", "c.name", "c.title", "cw.status", "c.anonymous", "c.unrevealed"])
    .where("cw.work_id", "=", workId).where("cw.status", "in", [...statuses]).orderBy("c.name_key").execute();
  return rows.map((r) => ({ id: r.id, name: r.name, title: r.title || r.name, status: r.status, anonymous: r.anonymous === 1, unrevealed: r.unrevealed === 1 }));
}

/** An invitation to a collection, waiting on one of the user's works. */
export interface CollectionInvitation {
  collectionId: number;
  collectionName: string;
  collectionTitle: string;
  workId: number;
  workTitle: string;
}

/** The invitations waiting on works the user is a creator of (through any of their pseuds). */
export async function listInvitationsForUser(db: Kysely<Database>, userId: number): Promise<CollectionInvitation[]> {
  const rows = await db.selectFrom("collection_works as cw").innerJoin("collections as c", "c.id", "cw.collection_id").innerJoin("works as w", "w.id", "cw.work_id")
    .select(["c.id as collection_id", "c.name", "c.title", "w.id as work_id", "w.title as work_title"])
    .where("cw.status", "=", "invited")
    .where("cw.work_id", "in", (eb) => eb.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select("wa.work_id").where("a.user_id", "=", userId))
    .orderBy("cw.added_at").orderBy("c.id").orderBy("w.id").execute();
  return rows.map((r) => ({ collectionId: r.collection_id, collectionName: r.name, collectionTitle: r.title || r.name, workId: r.work_id, workTitle: r.work_title }));
}

/** The works of the collection, whatever their status: what must be re-indexed when its anonymous mode changes. */
export async function listItemWorkIds(db: Kysely<Database>, collectionId: number): Promise<number[]> {
  const rows = await db.selectFrom("collection_works").select("work_id").where("collection_id", "=", collectionId).execute();
  return rows.map((r) => r.work_id);
}
