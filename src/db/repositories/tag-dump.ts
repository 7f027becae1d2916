/** The tag table as the Archive's tag dump lists it, and the bulk changes an import of one makes. */
import type { Kysely } from "kysely";
import { nameKey } from "../../domain/sort-key.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Database } from "../schema.js";
import { chunks } from "./wrangling.js";

export interface TagDumpEntry {
  id: number;
  type: TagType;
  name: string;
  canonical: boolean;
  /** Works that carry the tag as written (the Archive's cached_count). */
  cachedCount: number;
  mergerId: number | null;
}

/** A page of tags in id order, after `afterId`, each with the number of works using it. */
export async function listTagDumpEntries(db: Kysely<Database>, afterId: number, limit: number): Promise<TagDumpEntry[]> {
  const rows = await db
    .selectFrom("tags as t")
    .leftJoin("work_tags as wt", "wt.tag_id", "t.id")
    .select((eb) => ["t.id", "t.type", "t.name", "t.canonical", "t.merger_id", eb.fn.count<number>("wt.work_id").as("cached_count")])
    .where("t.id", ">", afterId)
    .groupBy(["t.id", "t.type", "t.name", "t.canonical", "t.merger_id"])
    .orderBy("t.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type, name: r.name, canonical: r.canonical === 1, cachedCount: Number(r.cached_count), mergerId: r.merger_id }));
}

export async function countTags(db: Kysely<Database>): Promise<number> {
  const { n } = await db.selectFrom("tags").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

/** How many of these tags exist already (by type and name key). */
export async function countExistingTags(db: Kysely<Database>, tags: readonly { type: TagType; name: string }[]): Promise<number> {
  const wanted = new Set(tags.map((t) => `${t.type}\u0000${nameKey(t.name)}`));
  let found = 0;
  for (const part of chunks([...new Set(tags.map((t) => nameKey(t.name)))])) {
    const rows = await db.selectFrom("tags").select(["type", "name_key"]).where("name_key", "in", part).execute();
    found += rows.filter((r) => wanted.has(`${r.type}\u0000${r.name_key}`)).length;
  }
  return found;
}
