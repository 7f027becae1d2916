/** `quire tags show`, `quire tags unwrangled` and `quire tags history`: the vocabulary as it stands, read only. */
import type { Kysely } from "kysely";
import { parseTagDetails } from "../../db/repositories/vocabulary.js";
import { listWranglings, type WranglingEntry } from "../../db/repositories/wrangling-history.js";
import {
  countTagWorks, findTagById, findTagsByIds, linkedTags, listSynonymIds, listUnwrangledTags, readTagDetailsText, type UnwrangledTag, type WrangledTag,
} from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import type { TagDetails } from "../../domain/tags/tag-details.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { TagRef } from "../../search/work-search.js";
import { findTagsNamed } from "./find-tags.js";

export type TagStatus = "canonical" | "synonym" | "unwrangled";

/** A tag with everything wrangling knows about it; related tags by name. */
export interface TagDescription {
  id: number;
  type: TagType;
  name: string;
  status: TagStatus;
  /** The canonical tag a synonym stands for. */
  synonymOf: string | null;
  synonyms: string[];
  parents: string[];
  children: string[];
  metaTags: string[];
  subTags: string[];
  /** Works tagged with this very tag. */
  works: number;
  /** Details in the vocabulary's terms: fandoms and members by name. */
  details: Record<string, unknown>;
}

/**
 * Every tag with the name (of the type, when the reference names one), described.
 * @throws WranglingError("unknown-tag") when there is none.
 */
export async function describeTags(db: Kysely<Database>, ref: TagRef): Promise<TagDescription[]> {
  const described: TagDescription[] = [];
  for (const tag of await findTagsNamed(db, ref)) described.push(await describeTag(db, tag));
  return described;
}

async function describeTag(db: Kysely<Database>, tag: WrangledTag): Promise<TagDescription> {
  const names = (list: readonly WrangledTag[]) => list.map((t) => t.name);
  const parents = await linkedTags(db, "parent", tag.id);
  const metas = await linkedTags(db, "meta", tag.id);
  const synonyms = [...(await findTagsByIds(db, await listSynonymIds(db, tag.id))).values()].map((t) => t.name).sort();
  return {
    id: tag.id,
    type: tag.type,
    name: tag.name,
    status: tag.canonical ? "canonical" : tag.mergerId !== null ? "synonym" : "unwrangled",
    synonymOf: tag.mergerId === null ? null : ((await findTagById(db, tag.mergerId))?.name ?? null),
    synonyms,
    parents: names(parents.uppers),
    children: names(parents.lowers),
    metaTags: names(metas.uppers),
    subTags: names(metas.lowers),
    works: await countTagWorks(db, tag.id),
    details: await namedDetails(db, parseTagDetails(await readTagDetailsText(db, tag.id)) ?? {}),
  };
}

/** Details with their tag ids turned into names, and empty lists left out. */
async function namedDetails(db: Kysely<Database>, details: TagDetails): Promise<Record<string, unknown>> {
  const ids = [...(details.fandoms ?? []), ...(details.members ?? [])];
  const tags = await findTagsByIds(db, ids);
  const named = { ...details, fandoms: details.fandoms?.map((id) => tags.get(id)?.name ?? `#${id}`), members: details.members?.map((id) => tags.get(id)?.name ?? `#${id}`) };
  return Object.fromEntries(Object.entries(named).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

/** Tags neither canonical nor synonyms, the most used first: the wrangling queue. */
export function listUnwrangled(db: Kysely<Database>, options: { type: TagType | null; limit: number }): Promise<UnwrangledTag[]> {
  return listUnwrangledTags(db, options);
}

/** The latest wrangling operations, newest first. */
export function listWranglingHistory(db: Kysely<Database>, limit: number): Promise<WranglingEntry[]> {
  return listWranglings(db, limit);
}
