/** Library-wide tag mutes. */
import type { Kysely } from "kysely";
import { nameKey } from "../../domain/sort-key.js";
import type { TagRef } from "../../search/work-search.js";
import type { Database } from "../schema.js";

/** @returns false when the tag was muted already. */
export async function insertMutedTag(db: Kysely<Database>, ref: TagRef, now: string): Promise<boolean> {
  const result = await db
    .insertInto("muted_tags")
    .values({ name: ref.name, name_key: nameKey(ref.name), type: ref.type, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** @returns false when no such mute existed. */
export async function deleteMutedTag(db: Kysely<Database>, ref: TagRef): Promise<boolean> {
  let query = db.deleteFrom("muted_tags").where("name_key", "=", nameKey(ref.name));
  query = ref.type ? query.where("type", "=", ref.type) : query.where("type", "is", null);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listMutedTags(db: Kysely<Database>): Promise<TagRef[]> {
  const rows = await db.selectFrom("muted_tags").select(["name", "type"]).orderBy("name_key").execute();
  return rows.map((r) => ({ name: r.name, type: r.type }));
}
