/**
 * `quire tags merge`: a tag becomes a synonym of a canonical tag of its type, and filters as it from then on.
 * As on the Archive, the synonym's own synonyms follow it, and a canonical tag turned synonym hands its parents,
 * children, meta tags and sub tags to the canonical tag, since a synonym holds no links of its own.
 */
import type { Kysely } from "kysely";
import {
  findTagsByIds, insertLinks, isMetaTagOf, listSynonymIds, setTagMerger, takeLinks, worksTaggedUnder, type TagLink, type WrangledTag,
} from "../../db/repositories/wrangling.js";
import type { Database } from "../../db/schema.js";
import { WranglingError } from "../../domain/errors.js";
import type { TagRef } from "../../search/work-search.js";
import { findTagPair } from "./find-tags.js";
import { assertCanonical, assertWranglable, unchanged, wrangle, type TagLibrary, type WranglingOutcome, type WranglingStep } from "./wrangle.js";

export interface MergeOutcome {
  synonym: WrangledTag;
  canonical: WrangledTag;
  /** The synonym's own synonyms, now the canonical tag's. */
  synonymsMoved: number;
  /** Links the synonym held, now the canonical tag's. */
  linksMoved: number;
}

/**
 * Makes `synonymRef` a synonym of `canonicalRef`, and refreshes the filters of every work that carries the synonym,
 * its synonyms or its sub tags.
 * @throws WranglingError when a tag is unknown, ambiguous or fixed, the types differ, the target is not canonical,
 *   or both name the same tag.
 */
export function mergeTag(library: TagLibrary, synonymRef: TagRef, canonicalRef: TagRef): Promise<MergeOutcome & WranglingOutcome> {
  return wrangle(library, mergeStep(synonymRef, canonicalRef));
}

/** mergeTag as one step of several (wrangleAll). */
export function mergeStep(synonymRef: TagRef, canonicalRef: TagRef): WranglingStep<MergeOutcome> {
  return async (trx, now) => {
    const [synonym, canonical] = await findTagPair(trx, synonymRef, { ...canonicalRef, type: canonicalRef.type ?? synonymRef.type }, (a, b) => a.type === b.type,
      (a, b) => `"${a.name}" is a ${a.type} tag and "${b.name}" a ${b.type} tag: a synonym has the type of its canonical tag`);
    assertWranglable(synonym);
    if (synonym.id === canonical.id) throw new WranglingError("same-tag", `"${synonym.name}" cannot be a synonym of itself`);
    await assertCanonical(trx, canonical, "merged into");
    if (synonym.mergerId === canonical.id) return unchanged({ synonym, canonical, synonymsMoved: 0, linksMoved: 0 });

    const works = await worksTaggedUnder(trx, [synonym.id]);
    const synonyms = await listSynonymIds(trx, synonym.id);
    await setTagMerger(trx, synonyms, canonical.id, now);
    const moved = await handOverLinks(trx, synonym, canonical);
    await setTagMerger(trx, [synonym.id], canonical.id, now);
    // A canonical tag that gained meta tags takes its own works (and its sub tags') under them too.
    if (moved.metaTagsGained) works.push(...(await worksTaggedUnder(trx, [canonical.id])));
    return {
      outcome: { synonym: { ...synonym, canonical: false, mergerId: canonical.id }, canonical, synonymsMoved: synonyms.length, linksMoved: moved.count },
      works,
      record: {
        operation: "merge", tagId: synonym.id, otherTagId: canonical.id,
        detail: { wasCanonical: synonym.canonical, previousMerger: synonym.mergerId, synonymsMoved: synonyms, linksMoved: moved.names, linksDropped: moved.dropped },
      },
    };
  };
}

/** Moves every parent and meta link of `from` to `to`, except links to `to` itself and meta links that would
 *  make a cycle (those are dropped, and named). */
async function handOverLinks(trx: Kysely<Database>, from: WrangledTag, to: WrangledTag): Promise<{ count: number; names: string[]; dropped: string[]; metaTagsGained: boolean }> {
  const names: string[] = [];
  const dropped: string[] = [];
  let count = 0;
  let metaTagsGained = false;
  for (const link of ["parent", "meta"] as const satisfies readonly TagLink[]) {
    const { uppers, lowers } = await takeLinks(trx, link, from.id);
    const tags = await findTagsByIds(trx, [...uppers, ...lowers]);
    const kept: (readonly [number, number])[] = [];
    const [above, below] = link === "parent" ? ["parent", "child"] : ["meta tag", "sub tag"];
    const moves = [...uppers.map((u) => ({ pair: [u, to.id] as const, label: `${above} "${tags.get(u)?.name ?? u}"` })), ...lowers.map((l) => ({ pair: [to.id, l] as const, label: `${below} "${tags.get(l)?.name ?? l}"` }))];
    for (const { pair: [upper, lower], label } of moves) {
      const cycle = upper === lower || (link === "meta" && (await isMetaTagOf(trx, lower, upper)));
      (cycle ? dropped : names).push(label);
      if (!cycle) kept.push([upper, lower]);
    }
    count += await insertLinks(trx, link, kept);
    metaTagsGained ||= link === "meta" && kept.some(([, lower]) => lower === to.id);
  }
  return { count, names, dropped, metaTagsGained };
}
