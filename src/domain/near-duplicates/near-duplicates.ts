/**
 * Near-duplicate stories: the same story from two archives (re-wrapped, its quotes or markup changed, a header or
 * an author's note left in the text, a few typos fixed) or two versions of one (a chapter more or less). The
 * steps: storyShingles → minHashSignature for every story once; likelyPairs (LSH and the signatures' estimates)
 * over the whole library; then compareShingles, exact, on those pairs alone, and isNearDuplicate decides.
 */
import { candidatePairs, type CandidatePair } from "./lsh.js";
import { minHashSignature, type Signature } from "./minhash.js";
import { storyShingles } from "./shingles.js";
import { containmentAt, type Similarity } from "./similarity.js";

/**
 * How much of the shorter story must be in the longer one, by default. A copy with a typo in one word of fifty
 * keeps about 90% of its shingles, one with a typo in one of twenty about 77%; unrelated stories of the generated
 * corpus, whose prose is assembled from a shared pool of phrases, share at most about 25%.
 */
export const DEFAULT_THRESHOLD = 0.7;

/**
 * The least Jaccard similarity of a pair reported, whatever its containment: a story is not called a version of
 * one more than five times its length (a one-shot and the novel it grew into are kept apart, as is a short story whose
 * common phrases all occur somewhere in a very long one). Candidate pairs come from LSH, which finds pairs below
 * about 0.3 less and less often, so a lower floor would only make what is found depend on chance.
 */
export const MIN_JACCARD = 0.2;

/** A signature's Jaccard estimate errs by more than this in under 1% of pairs (3 standard errors of 0.044). */
const ESTIMATE_MARGIN = 0.13;

/** A story as the search sees it: its signature and how many distinct shingles it has. */
export interface SignedStory {
  signature: Signature;
  shingles: number;
}

/** Signs a story from its chapters' text, in order. */
export function signStory(chapters: readonly string[]): SignedStory {
  const shingles = storyShingles(chapters);
  return { signature: minHashSignature(shingles), shingles: shingles.length };
}

/**
 * Pairs worth comparing exactly: LSH candidates whose estimated similarity could reach the threshold. Indexes are
 * into `stories`; a story without words pairs with nothing.
 */
export function likelyPairs(stories: readonly SignedStory[], threshold: number = DEFAULT_THRESHOLD): CandidatePair[] {
  return candidatePairs(
    stories.map((s) => s.signature),
    (a, b, estimate) => {
      if (estimate < MIN_JACCARD - ESTIMATE_MARGIN) return false;
      const [sa, sb] = [stories[a]?.shingles ?? 0, stories[b]?.shingles ?? 0];
      return containmentAt(Math.min(1, estimate + ESTIMATE_MARGIN), sa, sb) >= threshold;
    },
  );
}

/** Whether an exactly counted pair is a near-duplicate at the threshold (containment of the shorter in the longer). */
export function isNearDuplicate(similarity: Similarity, threshold: number = DEFAULT_THRESHOLD): boolean {
  return similarity.containment >= threshold && similarity.jaccard >= MIN_JACCARD;
}

/**
 * Pairs joined into groups (connected components): when B copies A and C copies B, all three are one group.
 * Each group lists its members ascending; groups come in the order of their least member.
 * @example groupPairs([{ a: 3, b: 1 }, { a: 1, b: 2 }, { a: 7, b: 9 }]) // [[1, 2, 3], [7, 9]]
 */
export function groupPairs(pairs: readonly { a: number; b: number }[]): number[][] {
  const parent = new Map<number, number>();
  const root = (x: number): number => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    parent.set(x, r);
    return r;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const member of [...parent.keys()].sort((x, y) => x - y)) {
    const r = root(member);
    const group = groups.get(r);
    if (group) group.push(member);
    else groups.set(r, [member]);
  }
  return [...groups.values()].sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}
