/**
 * `quire tags rename`: a tag's name corrected in case, diacritics or spacing ("zoe washburne" → "Zoë Washburne"),
 * the only renames the Archive allows its wranglers on a tag in use. Anything else is another tag: make it and
 * merge this one into it.
 */
import { findTagsByName, renameTagRow, type WrangledTag } from "../../db/repositories/wrangling.js";
import { ValidationError, WranglingError } from "../../domain/errors.js";
import { differsOnlyInCaseOrDiacritics } from "../../domain/tags/wrangling-rules.js";
import type { TagRef } from "../../search/work-search.js";
import { findTag } from "./find-tags.js";
import { assertWranglable, unchanged, wrangle, type TagLibrary, type WranglingOutcome } from "./wrangle.js";

export interface RenameOutcome {
  tag: WrangledTag;
  previousName: string;
}

/**
 * Renames the tag. Works keep their tags (by id), so nothing but the name shown changes.
 * @throws ValidationError for an empty name; WranglingError for an unknown, ambiguous or fixed tag, a change
 *   beyond case and diacritics, or a name another tag of the type has.
 */
export async function renameTag(library: TagLibrary, ref: TagRef, newName: string): Promise<RenameOutcome & WranglingOutcome> {
  const name = newName.replace(/\s+/gu, " ").trim();
  if (name.length === 0) throw new ValidationError({ name: "a new name is needed" });
  return wrangle(library, async (trx, now) => {
    const tag = await findTag(trx, ref);
    assertWranglable(tag);
    if (!differsOnlyInCaseOrDiacritics(tag.name, name)) {
      throw new WranglingError("rename", `"${tag.name}" can only change its case and diacritics, not become "${name}": make "${name}" a tag of its own and merge "${tag.name}" into it`);
    }
    if (tag.name === name) return unchanged({ tag, previousName: tag.name });
    const taken = (await findTagsByName(trx, name)).find((t) => t.type === tag.type && t.id !== tag.id);
    if (taken) throw new WranglingError("name-taken", `a ${tag.type} tag is named "${taken.name}" already: merge one of them into the other`);
    await renameTagRow(trx, tag.id, name, now);
    return { outcome: { tag: { ...tag, name }, previousName: tag.name }, works: [], record: { operation: "rename", tagId: tag.id, otherTagId: null, detail: { from: tag.name, to: name } } };
  });
}
