/** How alike two stories' shingle sets are, counted exactly. */

export interface Similarity {
  /** Shared shingles over all shingles of either: 1 for the same story, lower the more either adds or changes. */
  jaccard: number;
  /**
   * Shared shingles over the shorter story's shingles: how much of the shorter is in the longer. A version with
   * chapters added or a note appended still contains the other (near 1) while its Jaccard similarity falls.
   */
  containment: number;
}

/** Compares two sets given as sorted distinct hashes (as storyShingles returns them); empty sets share nothing. */
export function compareShingles(a: Uint32Array, b: Uint32Array): Similarity {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  const union = a.length + b.length - shared;
  const shorter = Math.min(a.length, b.length);
  return { jaccard: union === 0 ? 0 : shared / union, containment: shorter === 0 ? 0 : shared / shorter };
}

/**
 * The containment two sets of these sizes would have at this Jaccard similarity: shared = J·(|A| + |B|)/(1 + J).
 * From a signature's estimate it is only a guide (a single agreeing bin between a short story and a long one
 * reads as much shared), so it picks which candidates to count exactly, never which to report.
 */
export function containmentAt(jaccard: number, sizeA: number, sizeB: number): number {
  const shorter = Math.min(sizeA, sizeB);
  if (shorter === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * shorter));
}
