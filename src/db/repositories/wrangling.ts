/**
 * The SQL behind wrangling: finding tags, changing their canonical flag, merger, name and links, and finding the
 * works a change reaches. Callers run these inside one transaction and refresh the works' filters after.
 */
import { sql, type Kysely } from "kysely";
import { nameKey } from "../../domain/sort-key.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Database } from "../schema.js";

/** A tag as wrangling sees it. */
export interface WrangledTag {
  id: number;
  type: TagType;
  name: string;
  canonical: boolean;
  /** The canonical tag this one is a synonym of. */
  mergerId: number | null;
}

/** A parent-child link (tag_parents) or a meta-sub link (meta_tags). */
export type TagLink = "parent" | "meta";

const LINKS = {
  parent: { table: "tag_parents", upper: "parent_id", lower: "child_id" },
  meta: { table: "meta_tags", upper: "meta_id", lower: "sub_id" },
} as const;

/** Values per statement: within SQLite's 32,766 bound values and PostgreSQL's 65,535 for every statement here. */
const ROWS_PER_STATEMENT = 500;

export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

const TAG_COLUMNS = ["id", "type", "name", "canonical", "merger_id"] as const;

function wrangledTag(row: { id: number; type: TagType; name: string; canonical: number; merger_id: number | null }): WrangledTag {
  return { id: row.id, type: row.type, name: row.name, canonical: row.canonical === 1, mergerId: row.merger_id };
}

/** Every tag with this name (in any case and spacing), one per type. */
export async function findTagsByName(db: Kysely<Database>, name: string): Promise<WrangledTag[]> {
  const rows = await db.selectFrom("tags").select(TAG_COLUMNS).where("name_key", "=", nameKey(name)).orderBy("type").execute();
  return rows.map(wrangledTag);
}

export async function findTagsByIds(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, WrangledTag>> {
  const found = new Map<number, WrangledTag>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db.selectFrom("tags").select(TAG_COLUMNS).where("id", "in", part).execute();
    for (const row of rows) found.set(row.id, wrangledTag(row));
  }
  return found;
}

export async function findTagById(db: Kysely<Database>, id: number): Promise<WrangledTag | undefined> {
  return (await findTagsByIds(db, [id])).get(id);
}

export async function setTagCanonical(db: Kysely<Database>, id: number, now: string): Promise<void> {
  await db.updateTable("tags").set({ canonical: 1, merger_id: null, updated_at: now }).where("id", "=", id).execute();
}

/**
 * Makes the unwrangled tags among these canonical; canonical tags and synonyms are left as they are.
 * @returns how many changed.
 */
export async function makeUnwrangledCanonical(db: Kysely<Database>, ids: readonly number[], now: string): Promise<number> {
  let changed = 0;
  for (const part of chunks([...new Set(ids)])) {
    const result = await db.updateTable("tags").set({ canonical: 1, updated_at: now }).where("id", "in", part).where("canonical", "=", 0).where("merger_id", "is", null).executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/** Makes the tags synonyms of the merger (no longer canonical themselves). */
export async function setTagMerger(db: Kysely<Database>, ids: readonly number[], mergerId: number, now: string): Promise<void> {
  for (const part of chunks(ids)) await db.updateTable("tags").set({ canonical: 0, merger_id: mergerId, updated_at: now }).where("id", "in", part).execute();
}

export async function renameTagRow(db: Kysely<Database>, id: number, name: string, now: string): Promise<void> {
  await db.updateTable("tags").set({ name, name_key: nameKey(name), updated_at: now }).where("id", "=", id).execute();
}

/** The synonyms of a canonical tag. */
export async function listSynonymIds(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db.selectFrom("tags").select("id").where("merger_id", "=", id).execute();
  return rows.map((r) => r.id);
}

/** @returns the links inserted (those that existed already are left). */
export async function insertLinks(db: Kysely<Database>, link: TagLink, pairs: readonly (readonly [upper: number, lower: number])[]): Promise<number> {
  const { table, upper, lower } = LINKS[link];
  let inserted = 0;
  for (const part of chunks(pairs)) {
    const result = await sql`insert into ${sql.table(table)} (${sql.ref(upper)}, ${sql.ref(lower)})
      values ${sql.join(part.map(([u, l]) => sql`(${u}, ${l})`))} on conflict do nothing`.execute(db);
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

/** @returns false when there was no such link. */
export async function deleteLink(db: Kysely<Database>, link: TagLink, upperId: number, lowerId: number): Promise<boolean> {
  const { table, upper, lower } = LINKS[link];
  const result = await db.deleteFrom(table).where(upper, "=", upperId).where(lower, "=", lowerId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every link of the kind that touches the tag, from above or below, removed and returned. */
export async function takeLinks(db: Kysely<Database>, link: TagLink, tagId: number): Promise<{ uppers: number[]; lowers: number[] }> {
  const { table, upper, lower } = LINKS[link];
  const uppers = (await db.selectFrom(table).select(upper).where(lower, "=", tagId).execute()).map((r) => Number(Reflect.get(r, upper)));
  const lowers = (await db.selectFrom(table).select(lower).where(upper, "=", tagId).execute()).map((r) => Number(Reflect.get(r, lower)));
  await db.deleteFrom(table).where((eb) => eb.or([eb(upper, "=", tagId), eb(lower, "=", tagId)])).execute();
  return { uppers, lowers };
}

/** The tags directly linked to this one, above (parents, meta tags) and below (children, sub tags). */
export async function linkedTags(db: Kysely<Database>, link: TagLink, tagId: number): Promise<{ uppers: WrangledTag[]; lowers: WrangledTag[] }> {
  const { table, upper, lower } = LINKS[link];
  const select = async (from: string, to: string) => {
    const { rows } = await sql<{ id: number; type: TagType; name: string; canonical: number; merger_id: number | null }>`select t.id, t.type, t.name, t.canonical, t.merger_id
      from ${sql.table(table)} l join tags t on t.id = ${sql.ref(`l.${to}`)} where ${sql.ref(`l.${from}`)} = ${tagId} order by t.name_key`.execute(db);
    return rows.map(wrangledTag);
  };
  return { uppers: await select(lower, upper), lowers: await select(upper, lower) };
}

/** Whether `ancestorId` is the tag itself or one of its meta tags, however far up. */
export async function isMetaTagOf(db: Kysely<Database>, ancestorId: number, tagId: number): Promise<boolean> {
  const { rows } = await sql<{ id: number }>`with recursive up (id) as (
      select cast(${tagId} as integer)
      union
      select m.meta_id from up join meta_tags m on m.sub_id = up.id)
    select id from up where id = cast(${ancestorId} as integer)`.execute(db);
  return rows.length > 0;
}

/**
 * The works a change to these tags reaches: those tagged with any of them, their synonyms, their sub tags however
 * far down, and those sub tags' synonyms. Call it before a change that cuts such links.
 */
export async function worksTaggedUnder(db: Kysely<Database>, tagIds: readonly number[]): Promise<number[]> {
  const works = new Set<number>();
  for (const part of chunks([...new Set(tagIds)])) {
    const { rows } = await sql<{ work_id: number }>`with recursive down (id) as (
        select id from tags where id in (${sql.join(part)})
        union
        select m.sub_id from down join meta_tags m on m.meta_id = down.id),
      family (id) as (
        select id from down
        union
        select t.id from tags t join down on t.merger_id = down.id)
      select distinct wt.work_id from work_tags wt where wt.tag_id in (select id from family)`.execute(db);
    for (const { work_id } of rows) works.add(work_id);
  }
  return [...works];
}

export interface UnwrangledTag {
  id: number;
  type: TagType;
  name: string;
  works: number;
}

/** Tags neither canonical nor synonyms, the most used first (then by name). */
export async function listUnwrangledTags(db: Kysely<Database>, options: { type: TagType | null; limit: number }): Promise<UnwrangledTag[]> {
  let query = db
    .selectFrom("tags as t")
    .leftJoin("work_tags as wt", "wt.tag_id", "t.id")
    .select((eb) => ["t.id", "t.type", "t.name", eb.fn.count<number>("wt.work_id").as("works")])
    .where("t.canonical", "=", 0)
    .where("t.merger_id", "is", null)
    .groupBy(["t.id", "t.type", "t.name", "t.name_key"])
    .orderBy("works", "desc")
    .orderBy("t.name_key")
    .limit(options.limit);
  if (options.type) query = query.where("t.type", "=", options.type);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, type: r.type, name: r.name, works: Number(r.works) }));
}

/** How many works carry the tag as written. */
export async function countTagWorks(db: Kysely<Database>, tagId: number): Promise<number> {
  const { n } = await db.selectFrom("work_tags").select((eb) => eb.fn.countAll<number>().as("n")).where("tag_id", "=", tagId).executeTakeFirstOrThrow();
  return Number(n);
}

export async function readTagDetailsText(db: Kysely<Database>, tagId: number): Promise<string | null> {
  const row = await db.selectFrom("tags").select("details").where("id", "=", tagId).executeTakeFirst();
  return row?.details ?? null;
}
