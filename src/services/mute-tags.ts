/** Library-wide tag mutes: `quire mute add|remove|list`. */
import type { Kysely } from "kysely";
import { deleteMutedTag, insertMutedTag, listMutedTags } from "../db/repositories/muted-tags.js";
import type { Database } from "../db/schema.js";
import { ValidationError } from "../domain/errors.js";
import type { TagRef } from "../search/work-search.js";

function checked(ref: TagRef): TagRef {
  const name = ref.name.replace(/\s+/gu, " ").trim();
  if (name.length === 0) throw new ValidationError({ tag: "a tag name is needed" });
  return { name, type: ref.type };
}

/** @returns false when the tag was muted already. */
export function muteTag(db: Kysely<Database>, ref: TagRef): Promise<boolean> {
  return insertMutedTag(db, checked(ref), new Date().toISOString());
}

/** @returns false when the tag was not muted. */
export function unmuteTag(db: Kysely<Database>, ref: TagRef): Promise<boolean> {
  return deleteMutedTag(db, checked(ref));
}

export { listMutedTags };
