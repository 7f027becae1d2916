/**
 * The Archive's tag types, in the order a work's header shows them (`Tag::TYPES` minus Media and Banned).
 * Rating, ArchiveWarning and Category have fixed canonical names; the other four are free text, wrangled later.
 */
export const TAG_TYPES = ["Rating", "ArchiveWarning", "Category", "Fandom", "Relationship", "Character", "Freeform"] as const;
export type TagType = (typeof TAG_TYPES)[number];

export function isTagType(value: string): value is TagType {
  return (TAG_TYPES as readonly string[]).includes(value);
}
