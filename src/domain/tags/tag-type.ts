/**
 * The Archive's tag types, in the order a work's header shows them (`Tag::TYPES` minus Media and Banned).
 * Rating, ArchiveWarning and Category have fixed canonical names; the other four are free text, wrangled later.
 */
export const TAG_TYPES = ["Rating", "ArchiveWarning", "Category", "Fandom", "Relationship", "Character", "Freeform"] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** The types a user or an imported file may name freely (the Archive's `USER_DEFINED`). */
export const USER_DEFINED_TAG_TYPES = ["Fandom", "Relationship", "Character", "Freeform"] as const satisfies readonly TagType[];

export function isTagType(value: string): value is TagType {
  return (TAG_TYPES as readonly string[]).includes(value);
}
