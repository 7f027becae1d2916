/** The tags a parsed work carries, one list in the Archive's type order, as the store links them. */
import type { ParsedWork } from "../work.js";
import { nameKey } from "../sort-key.js";
import type { TagType } from "./tag-type.js";

/** The Archive's `TAG_MAX`: longer names are cut at a word boundary. */
export const TAG_NAME_MAX = 150;

export interface NamedTag {
  type: TagType;
  name: string;
}

/**
 * Every tag of the work, trimmed, cut to TAG_NAME_MAX, without empty names or repeats (by type and name key).
 * @example workTags(work)[0] // { type: "Rating", name: "Teen And Up Audiences" }
 */
export function workTags(work: ParsedWork): NamedTag[] {
  const tags: NamedTag[] = [];
  const seen = new Set<string>();
  const add = (type: TagType, names: readonly string[]) => {
    for (const raw of names) {
      const name = limitTagName(raw.replace(/\s+/gu, " ").trim());
      const key = `${type}\u0000${nameKey(name)}`;
      if (name.length === 0 || seen.has(key)) continue;
      seen.add(key);
      tags.push({ type, name });
    }
  };
  add("Rating", [work.rating]);
  add("ArchiveWarning", work.warnings);
  add("Category", work.categories);
  add("Fandom", work.fandoms);
  add("Relationship", work.relationships);
  add("Character", work.characters);
  add("Freeform", work.freeforms);
  return tags;
}

function limitTagName(name: string): string {
  if (name.length <= TAG_NAME_MAX) return name;
  const cut = name.slice(0, TAG_NAME_MAX);
  const space = cut.lastIndexOf(" ");
  return (space > TAG_NAME_MAX / 2 ? cut.slice(0, space) : cut).trimEnd();
}
