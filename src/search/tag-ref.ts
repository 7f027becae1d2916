/** Tags named by readers, as search takes them: the fixed vocabularies in any spelling the importer reads. */
import { categoryFromWord } from "../domain/categories.js";
import { normaliseRating } from "../domain/rating.js";
import type { TagType } from "../domain/tags/tag-type.js";
import { exactArchiveWarning } from "../domain/warnings.js";
import type { TagRef } from "./work-search.js";

/**
 * A tag of a given type by the name a reader typed. Ratings, archive warnings and categories have fixed names and
 * are matched in any legacy spelling ("PG-13", "NC-17", "slash"); the other types take the name as it is.
 * @returns null for a rating, warning or category that is none of the Archive's.
 * @example tagRefOfType("Rating", "nc-17") // { name: "Explicit", type: "Rating" }
 */
export function tagRefOfType(type: TagType, name: string): TagRef | null {
  const canonical =
    type === "Rating" ? (/^not rated$/iu.test(name.trim()) ? "Not Rated" : normaliseRating(name))
    : type === "ArchiveWarning" ? exactArchiveWarning(name)
    : type === "Category" ? categoryFromWord(name)
    : name;
  return canonical === null ? null : { name: canonical, type };
}
