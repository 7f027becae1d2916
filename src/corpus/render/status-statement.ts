/**
 * Where a file says whether its work is finished: a header field (`Status: WIP`), an end marker after the last
 * chapter (`The End`, `TBC`), or a count in the chapter headings (`Part 2/3`). A work whose status is "unknown"
 * says it nowhere, and a work whose status is known says it in at least one place and contradicts it in none.
 */
import { weighted, type Random } from "../random.js";
import type { SyntheticWork } from "../synthetic-work.js";

/** The places a file states its status in. */
export interface StatusStatement {
  header: boolean;
  endMarker: boolean;
  headingCount: boolean;
}

/** @param headingCountPossible the format has chapter headings that could carry a count (a multi-chapter work). */
export function chooseStatusStatement(random: Random, work: SyntheticWork, headingCountPossible: boolean): StatusStatement {
  if (work.status === "unknown") return { header: false, endMarker: false, headingCount: false };
  const main = weighted(random, [["header", 45], ["end-marker", 45], ["heading-count", headingCountPossible ? 12 : 0]]);
  return {
    header: main === "header",
    // A header that states the status is often followed by a "The End" that agrees with it.
    endMarker: main === "end-marker" || (main === "header" && random.chance(0.3)),
    headingCount: main === "heading-count",
  };
}

/** The number of parts a counting heading announces: all of them when finished, more to come when not. */
export function announcedParts(random: Random, work: SyntheticWork): number {
  return work.status === "in-progress" ? work.chapters.length + random.between(1, 4) : work.chapters.length;
}
