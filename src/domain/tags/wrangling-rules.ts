/**
 * The Archive's rules for wrangling tags (otwarchive app/models/tag.rb and its subclasses), as pure checks: which
 * types may be linked as parent and child, which types are fixed, and what a rename may change.
 */
import { foldName } from "../sort-key.js";
import type { TagType } from "./tag-type.js";

/** Ratings, archive warnings and categories: canonical from the start, with names nobody wrangles. */
export const FIXED_TAG_TYPES: readonly TagType[] = ["Rating", "ArchiveWarning", "Category"];

export function isFixedTagType(type: TagType): boolean {
  return FIXED_TAG_TYPES.includes(type);
}

/** The Archive's common taggings: a parent type and the child types it may hold. */
const PARENT_CHILD_TYPES: Readonly<Partial<Record<TagType, readonly TagType[]>>> = {
  Fandom: ["Character", "Relationship", "Freeform"],
  Character: ["Relationship"],
};

/** @example isAllowedParent("Fandom", "Character") // true; isAllowedParent("Character", "Fandom") // false */
export function isAllowedParent(parentType: TagType, childType: TagType): boolean {
  return PARENT_CHILD_TYPES[parentType]?.includes(childType) ?? false;
}

/** The pairs a wrangler may link, as "Fandom → Character, …", for error messages. */
export function describeParentPairs(): string {
  return Object.entries(PARENT_CHILD_TYPES).flatMap(([parent, children]) => (children ?? []).map((child) => `${parent} → ${child}`)).join(", ");
}

/**
 * Whether `to` is `from` with only its case, diacritics or spacing changed: the renames the Archive lets wranglers
 * make to a tag in use (any other change is a new tag, and a merge).
 * @example differsOnlyInCaseOrDiacritics("zoe washburne", "Zoë Washburne") // true
 */
export function differsOnlyInCaseOrDiacritics(from: string, to: string): boolean {
  return foldName(from) === foldName(to);
}
