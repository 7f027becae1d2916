/** `quire tags canonical`: a tag becomes canonical, filtering as itself (a synonym leaves its merger). */
import { setTagCanonical, worksTaggedUnder, type WrangledTag } from "../../db/repositories/wrangling.js";
import type { TagRef } from "../../search/work-search.js";
import { findTag } from "./find-tags.js";
import { assertWranglable, unchanged, wrangle, type TagLibrary, type WranglingOutcome, type WranglingStep } from "./wrangle.js";

export interface MakeCanonicalOutcome {
  tag: WrangledTag;
}

/**
 * Makes the tag canonical. An unwrangled tag filters as itself already, so no work changes; a synonym stops
 * filtering as its canonical tag, and its works' filters follow at once.
 * @throws WranglingError for an unknown, ambiguous or fixed tag.
 */
export function makeTagCanonical(library: TagLibrary, ref: TagRef): Promise<MakeCanonicalOutcome & WranglingOutcome> {
  return wrangle(library, makeCanonicalStep(ref));
}

/** makeTagCanonical as one step of several (wrangleAll). */
export function makeCanonicalStep(ref: TagRef): WranglingStep<MakeCanonicalOutcome> {
  return async (trx, now) => {
    const tag = await findTag(trx, ref);
    assertWranglable(tag);
    if (tag.canonical) return unchanged({ tag });
    const works = tag.mergerId === null ? [] : await worksTaggedUnder(trx, [tag.id]);
    await setTagCanonical(trx, tag.id, now);
    return {
      outcome: { tag: { ...tag, canonical: true, mergerId: null } },
      works,
      record: { operation: "canonical", tagId: tag.id, otherTagId: tag.mergerId, detail: tag.mergerId === null ? {} : { wasSynonymOf: tag.mergerId } },
    };
  };
}
