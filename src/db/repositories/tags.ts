/**
 * Tags and the filter table. New tags arrive unwrangled (neither canonical nor a synonym); wrangling, which the
 * tag vocabulary brings, sets `canonical`, `merger_id` and meta tags, then calls refreshWorkFilters for the works
 * it touched.
 */
import { sql, type Kysely } from "kysely";
import { isCrossover } from "../../domain/tags/crossover.js";
import type { NamedTag } from "../../domain/tags/work-tags.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import { nameKey } from "../../domain/sort-key.js";
import type { TagRef } from "../../search/work-search.js";
import type { Database } from "../schema.js";
import { chunks } from "./wrangling.js";

/**
 * Creates the tags that do not exist yet.
 * @returns every tag's id, in the order given, and how many tags were created.
 */
export async function ensureTags(db: Kysely<Database>, tags: readonly NamedTag[], now: string): Promise<{ ids: number[]; created: number }> {
  if (tags.length === 0) return { ids: [], created: 0 };
  const rows = tags.map((t) => ({ type: t.type, name: t.name, name_key: nameKey(t.name) }));
  // In parts: a file may list a hundred thousand tags, more values than one statement may bind.
  let created = 0;
  for (const part of chunks(rows)) {
    const inserted = await db
      .insertInto("tags")
      .values(part.map((r) => ({ ...r, canonical: 0, merger_id: null, created_at: now, updated_at: now })))
      .onConflict((oc) => oc.columns(["type", "name_key"]).doNothing())
      .executeTakeFirst();
    created += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  const ids = new Map<string, number>();
  for (const keys of chunks([...new Set(rows.map((r) => r.name_key))])) {
    const found = await db.selectFrom("tags").select(["id", "type", "name_key"]).where("name_key", "in", keys).execute();
    for (const t of found) ids.set(`${t.type}\u0000${t.name_key}`, t.id);
  }
  return {
    ids: rows.map((r) => {
      const id = ids.get(`${r.type}\u0000${r.name_key}`);
      if (id === undefined) throw new Error(`tag ${r.type} "${r.name}" was not stored`);
      return id;
    }),
    created,
  };
}

/**
 * Rebuilds the filter rows of the given works from their tags: each tag filters as its canonical tag (its merger
 * when it is a synonym, itself otherwise), and as every meta tag above that, transitively (`inherited`). Also
 * recomputes each work's crossover flag from its fandoms. Any number of works, a few hundred at a time.
 */
export async function refreshWorkFilters(db: Kysely<Database>, workIds: readonly number[]): Promise<void> {
  for (const part of chunks([...new Set(workIds)])) await refreshFiltersOfPart(db, part);
}

/** refreshWorkFilters for a few hundred works: as many as one statement may name. */
async function refreshFiltersOfPart(db: Kysely<Database>, workIds: readonly number[]): Promise<void> {
  const ids = sql.join(workIds.map((id) => sql`${id}`));
  await db.deleteFrom("work_filters").where("work_id", "in", workIds).execute();
  await sql`with recursive closure (work_id, tag_id, inherited) as (
      select wt.work_id, coalesce(t.merger_id, t.id), 0
        from work_tags wt join tags t on t.id = wt.tag_id
       where wt.work_id in (${ids})
      union
      select c.work_id, m.meta_id, 1 from closure c join meta_tags m on m.sub_id = c.tag_id)
    insert into work_filters (work_id, tag_id, inherited)
    select work_id, tag_id, min(inherited) from closure group by work_id, tag_id`.execute(db);

  const fandoms = await db
    .selectFrom("work_filters as f")
    .innerJoin("tags as t", "t.id", "f.tag_id")
    .select(["f.work_id", "f.tag_id"])
    .where("f.work_id", "in", workIds)
    .where("f.inherited", "=", 0)
    .where("t.type", "=", "Fandom")
    .execute();
  const metas = await metaTagsOf(db, [...new Set(fandoms.map((f) => f.tag_id))]);
  const byWork = new Map<number, ReadonlySet<number>[]>();
  for (const { work_id, tag_id } of fandoms) byWork.set(work_id, [...(byWork.get(work_id) ?? []), metas.get(tag_id) ?? new Set([tag_id])]);
  const crossovers = workIds.filter((id) => isCrossover(byWork.get(id) ?? []));
  await db.updateTable("works").set({ crossover: 0 }).where("id", "in", workIds).where("crossover", "=", 1).execute();
  if (crossovers.length > 0) await db.updateTable("works").set({ crossover: 1 }).where("id", "in", crossovers).execute();
}

/** Each tag with itself and all its meta tags, transitively. */
async function metaTagsOf(db: Kysely<Database>, tagIds: readonly number[]): Promise<Map<number, Set<number>>> {
  const result = new Map(tagIds.map((id) => [id, new Set([id])]));
  if (tagIds.length === 0) return result;
  const rows = await sql<{ tag_id: number; meta_id: number }>`with recursive up (tag_id, meta_id) as (
      select sub_id, meta_id from meta_tags where sub_id in (${sql.join(tagIds.map((id) => sql`${id}`))})
      union
      select up.tag_id, m.meta_id from up join meta_tags m on m.sub_id = up.meta_id)
    select tag_id, meta_id from up`.execute(db);
  for (const { tag_id, meta_id } of rows.rows) result.get(tag_id)?.add(meta_id);
  return result;
}

/**
 * The filter tags each tag named by a user stands for: its canonical tag (a synonym resolves to its merger), in
 * every type the name exists in unless the reference names one. Empty for a name no tag has. One query for all.
 */
export async function resolveFilterTags(db: Kysely<Database>, refs: readonly TagRef[]): Promise<number[][]> {
  if (refs.length === 0) return [];
  const keys = refs.map((ref) => nameKey(ref.name));
  const rows = await db
    .selectFrom("tags")
    .select((eb) => ["type", "name_key", eb.fn.coalesce("merger_id", "id").as("filter_id")])
    .where("name_key", "in", [...new Set(keys)])
    .execute();
  return refs.map((ref, i) => [...new Set(rows.filter((r) => r.name_key === keys[i] && (!ref.type || r.type === ref.type)).map((r) => r.filter_id))]);
}

/**
 * Takes the work's tag of this type with this name key off it, or every tag of the type when `key` is null (a
 * work's one rating, say). Filters are the caller's to refresh.
 * @returns the place the first tag taken held among the work's tags, or null when the work had none.
 */
export async function removeWorkTag(db: Kysely<Database>, workId: number, type: TagType, key: string | null): Promise<number | null> {
  let query = db
    .selectFrom("work_tags as wt")
    .innerJoin("tags as t", "t.id", "wt.tag_id")
    .select(["wt.tag_id", "wt.position"])
    .where("wt.work_id", "=", workId)
    .where("t.type", "=", type);
  if (key !== null) query = query.where("t.name_key", "=", key);
  const taken = await query.orderBy("wt.position").execute();
  if (taken.length === 0) return null;
  await db.deleteFrom("work_tags").where("work_id", "=", workId).where("tag_id", "in", taken.map((t) => t.tag_id)).execute();
  return taken[0]?.position ?? null;
}

/** Whether the work has a tag of this type with this name key. */
export async function workHasTag(db: Kysely<Database>, workId: number, type: TagType, key: string): Promise<boolean> {
  const row = await db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select("wt.tag_id")
    .where("wt.work_id", "=", workId).where("t.type", "=", type).where("t.name_key", "=", key).executeTakeFirst();
  return row !== undefined;
}

/** Puts the tag on the work at `position` (after its other tags when null), unless the work has it already. */
export async function addWorkTag(db: Kysely<Database>, workId: number, tagId: number, position: number | null): Promise<void> {
  const place = position
    ?? ((await db.selectFrom("work_tags").select((eb) => eb.fn.max("position").as("last")).where("work_id", "=", workId).executeTakeFirstOrThrow()).last ?? -1) + 1;
  await db
    .insertInto("work_tags")
    .values({ work_id: workId, tag_id: tagId, position: place })
    .onConflict((oc) => oc.columns(["work_id", "tag_id"]).doNothing())
    .execute();
}
