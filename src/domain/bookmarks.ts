/** The rules of a bookmark's own fields: the bookmarker's tags as typed into one comma-separated field. */
import { distinctNames } from "./sort-key.js";

/** The most characters a bookmark's notes may have, as typed (the Archive's limit). */
export const MAX_BOOKMARK_NOTES_LENGTH = 5_000;
export const MAX_BOOKMARK_TAGS = 50;
export const MAX_BOOKMARK_TAG_LENGTH = 150;

/**
 * The tags in a comma-separated field (the ideographic commas too), trimmed, with inner spaces collapsed, and
 * each tag once however it was capitalised: the first spelling stays.
 * @example parseBookmarkTags("Comfort Read, to reread,, comfort read") // ["Comfort Read", "to reread"]
 */
export function parseBookmarkTags(text: string): string[] {
  return distinctNames(text.split(/[,，、]/u));
}
