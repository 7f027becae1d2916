/** The tag table as the Archive's tag dump lists it. */
import type { Kysely } from "kysely";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Database } from "../schema.js";

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
