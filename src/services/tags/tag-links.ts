/**
 * `quire tags parent add|remove` and `quire tags meta add|remove`: the two kinds of links between tags.
 *
 * - Parents are the Archive's common taggings (Fandom → Character, Relationship, Freeform; Character →
 *   Relationship): they file tags under fandoms and characters and do not change what works filter as, so no
 *   work's filters change.
 * - Meta tags link two canonical tags of one type ("Alternate Universe" over "Alternate Universe - Coffee
 *   Shops"): works with the sub tag, its synonyms or its own sub tags filter as the meta tag too, from the moment
 *   the link is made until it is removed. Meta links never form a cycle.
 */
import type { Kysely } from "kysely";
import { deleteLink, insertLinks, isMetaTagOf, worksTaggedUnder, type TagLink, type WrangledTag } from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import { WranglingError } from "../../domain/errors.js";
import { describeParentPairs, isAllowedParent } from "../../domain/tags/wrangling-rules.js";
import type { TagRef } from "../../search/work-search.js";
import { findTagPair } from "./find-tags.js";
import { assertCanonical, assertWranglable, wrangle, type TagLibrary, type WranglingOutcome, type WranglingStep } from "./wrangle.js";

export interface LinkOutcome {
  /** The child (parent links) or the sub tag (meta links). */
  lower: WrangledTag;
  /** The parent or the meta tag. */
  upper: WrangledTag;
}

interface LinkRules {
  link: TagLink;
  operation: { add: string; remove: string };
  fits: (lower: WrangledTag, upper: WrangledTag) => boolean;
  mismatch: (lower: WrangledTag, upper: WrangledTag) => string;
  /** Checks before adding, beyond both tags being wranglable. */
  checkAdd: (trx: Kysely<Database>, lower: WrangledTag, upper: WrangledTag) => Promise<void>;
  /** Whether works' filters follow the link. */
  filters: boolean;
}

const PARENT: LinkRules = {
  link: "parent",
  operation: { add: "add-parent", remove: "remove-parent" },
  fits: (child, parent) => isAllowedParent(parent.type, child.type),
  mismatch: (child, parent) => `a ${parent.type} tag ("${parent.name}") cannot be the parent of a ${child.type} tag ("${child.name}"): parents go ${describeParentPairs()}`,
  checkAdd: async (trx, child, parent) => {
    await assertCanonical(trx, parent, "a parent");
    if (child.mergerId !== null) await assertCanonical(trx, child, "given a parent");
  },
  filters: false,
};

const META: LinkRules = {
  link: "meta",
  operation: { add: "add-meta-tag", remove: "remove-meta-tag" },
  fits: (sub, meta) => sub.type === meta.type,
  mismatch: (sub, meta) => `"${meta.name}" is a ${meta.type} tag and "${sub.name}" a ${sub.type} tag: a meta tag has the type of its sub tags`,
  checkAdd: async (trx, sub, meta) => {
    await assertCanonical(trx, meta, "a meta tag");
    await assertCanonical(trx, sub, "a sub tag");
    if (sub.id === meta.id) throw new WranglingError("cycle", `"${sub.name}" cannot be its own meta tag`);
    if (await isMetaTagOf(trx, sub.id, meta.id)) throw new WranglingError("cycle", `"${sub.name}" is already above "${meta.name}": making "${meta.name}" its meta tag would make a cycle`);
  },
  filters: true,
};

function changeLink(rules: LinkRules, action: "add" | "remove", lowerRef: TagRef, upperRef: TagRef): WranglingStep<LinkOutcome> {
  return async (trx) => {
    const [lower, upper] = await findTagPair(trx, lowerRef, upperRef, rules.fits, rules.mismatch);
    assertWranglable(lower);
    assertWranglable(upper);
    if (action === "add") await rules.checkAdd(trx, lower, upper);
    const works = rules.filters ? await worksTaggedUnder(trx, [lower.id]) : [];
    const changed = action === "add" ? (await insertLinks(trx, rules.link, [[upper.id, lower.id]])) > 0 : await deleteLink(trx, rules.link, upper.id, lower.id);
    return {
      outcome: { lower, upper },
      works: changed ? works : [],
      record: changed ? { operation: rules.operation[action], tagId: lower.id, otherTagId: upper.id, detail: {} } : null,
    };
  };
}

/**
 * Files `child` under `parent` (a character under its fandom, a relationship under a character…).
 * @throws WranglingError for unknown or ambiguous tags, types the Archive does not link, a parent that is not
 *   canonical, or a child that is a synonym.
 */
export function addTagParent(library: TagLibrary, child: TagRef, parent: TagRef): Promise<LinkOutcome & WranglingOutcome> {
  return wrangle(library, addParentStep(child, parent));
}

/** addTagParent as one step of several (wrangleAll). */
export function addParentStep(child: TagRef, parent: TagRef): WranglingStep<LinkOutcome> {
  return changeLink(PARENT, "add", child, parent);
}

/** Takes `child` out from under `parent`; `changed` is false when it was not there. A later re-seed of the
 *  starter vocabulary leaves the link out. */
export function removeTagParent(library: TagLibrary, child: TagRef, parent: TagRef): Promise<LinkOutcome & WranglingOutcome> {
  return wrangle(library, changeLink(PARENT, "remove", child, parent));
}

/**
 * Puts `sub` under the meta tag `meta`; works with `sub` filter as `meta` too, at once.
 * @throws WranglingError for unknown or ambiguous tags, different types, a tag that is not canonical, or a cycle.
 */
export function addMetaTag(library: TagLibrary, sub: TagRef, meta: TagRef): Promise<LinkOutcome & WranglingOutcome> {
  return wrangle(library, changeLink(META, "add", sub, meta));
}

/** Takes `sub` from under `meta`; its works stop filtering as `meta` at once. `changed` is false when it was not
 *  there. A later re-seed of the starter vocabulary leaves the link out. */
export function removeMetaTag(library: TagLibrary, sub: TagRef, meta: TagRef): Promise<LinkOutcome & WranglingOutcome> {
  return wrangle(library, changeLink(META, "remove", sub, meta));
}
