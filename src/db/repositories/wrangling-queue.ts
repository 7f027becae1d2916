/** The wrangling page's reads: a page of the unwrangled tags by use, and the canonical tags to suggest. */
import type { Kysely } from "kysely";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { Database } from "../schema.js";
import { tagInFandoms } from "./tag-wranglers.js";
import type { UnwrangledTag } from "./wrangling.js";

export interface QueueFilter {
  type: TagType | null;
  /** Only tags in these fandoms (tag-wranglers.ts says which are); null: every tag. */
  fandomIds: readonly number[] | null;
}

/** Unwrangled tags (neither canonical nor synonyms) but the fixed types', the most used first, then by name. */
export async function listUnwrangledPage(
  db: Kysely<Database>,
  filter: QueueFilter & { fixedTypes: readonly TagType[]; offset: number; limit: number },
): Promise<{ total: number; tags: UnwrangledTag[] }> {
  const fandomIds = filter.fandomIds;
  if (fandomIds?.length === 0) return { total: 0, tags: [] };
  let queue = db.selectFrom("tags as t").where("t.canonical", "=", 0).where("t.merger_id", "is", null).where("t.type", "not in", filter.fixedTypes);
  if (filter.type) queue = queue.where("t.type", "=", filter.type);
  if (fandomIds) queue = queue.where((eb) => tagInFandoms(eb, fandomIds));
  const { n } = await queue.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await queue
    .select((eb) => ["t.id", "t.type", "t.name", eb.selectFrom("work_tags as wt").select((c) => c.fn.countAll<number>().as("uses")).whereRef("wt.tag_id", "=", "t.id").as("works")])
    .orderBy("works", "desc").orderBy("t.name_key").orderBy("t.id")
    .offset(filter.offset).limit(filter.limit)
    .execute();
  return { total: Number(n), tags: rows.map((r) => ({ id: r.id, type: r.type, name: r.name, works: Number(r.works ?? 0) })) };
}

/** Every canonical tag of these types: what suggestions are chosen from. */
export async function listCanonicalTags(db: Kysely<Database>, types: readonly TagType[]): Promise<{ id: number; type: TagType; name: string }[]> {
  if (types.length === 0) return [];
  return db.selectFrom("tags").select(["id", "type", "name"]).where("canonical", "=", 1).where("type", "in", types).orderBy("id").execute();
}
