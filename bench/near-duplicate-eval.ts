/**
 * How well near-duplicates are found in a generated corpus with planted ones (src/corpus/near-duplicate-corpus.ts),
 * and how fast: the same steps as `quire duplicates` (storyShingles, minHashSignature, likelyPairs, then
 * compareShingles and isNearDuplicate on the likely pairs), on texts made in memory, so that what is timed is the
 * detection and not the database. Only signatures are kept; the texts of the likely pairs are made again.
 */
import { DEFAULT_THRESHOLD, isNearDuplicate, likelyPairs, signStory, type SignedStory } from "../src/domain/near-duplicates/near-duplicates.js";
import { storyShingles } from "../src/domain/near-duplicates/shingles.js";
import { compareShingles } from "../src/domain/near-duplicates/similarity.js";
import { nearDuplicateCorpus, VARIANT_KINDS, type VariantKind } from "../src/corpus/near-duplicate-corpus.js";

export interface EvaluationOptions {
  works: number;
  seed: number;
  /** The share of works that are planted variants of another. */
  plantedRate: number;
  threshold?: number;
  /** Told after each 1,000 works signed. */
  onSigned?: (signed: number) => void;
}

export interface Evaluation {
  works: number;
  /** Distinct shingles in the corpus's stories (about one a word). */
  shingles: number;
  planted: number;
  /** Pairs LSH and the signatures' estimates put forward, counted exactly. */
  likely: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Planted pairs found, of those planted, by kind of variant. */
  byKind: Map<VariantKind, { planted: number; found: number }>;
  /** Milliseconds spent making shingles and signatures (the stories' generation not counted). */
  signMs: number;
  /** Milliseconds spent finding the likely pairs among all signatures. */
  pairMs: number;
  /** Milliseconds spent counting the likely pairs exactly (their texts' generation not counted). */
  compareMs: number;
}

export function evaluateNearDuplicates(options: EvaluationOptions): Evaluation {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const corpus = nearDuplicateCorpus(options);
  const stories: SignedStory[] = [];
  let signMs = 0;
  let shingleCount = 0;
  for (let index = 0; index < corpus.size; index += 1) {
    const { chapters } = corpus.story(index);
    const started = performance.now();
    const signed = signStory(chapters);
    signMs += performance.now() - started;
    stories.push(signed);
    shingleCount += signed.shingles;
    if ((index + 1) % 1000 === 0) options.onSigned?.(index + 1);
  }

  let started = performance.now();
  const likely = likelyPairs(stories, threshold);
  const pairMs = performance.now() - started;

  let compareMs = 0;
  const found = new Set<string>();
  for (const pair of likely) {
    const [a, b] = [corpus.story(pair.a).chapters, corpus.story(pair.b).chapters];
    started = performance.now();
    if (isNearDuplicate(compareShingles(storyShingles(a), storyShingles(b)), threshold)) found.add(`${pair.a}-${pair.b}`);
    compareMs += performance.now() - started;
  }

  const byKind = new Map(VARIANT_KINDS.map((k) => [k, { planted: 0, found: 0 }]));
  let truePositives = 0;
  const planted = corpus.plantedPairs();
  for (const { original, variant, kind } of planted) {
    const hit = found.has(`${original}-${variant}`);
    if (hit) truePositives += 1;
    const counts = byKind.get(kind);
    if (counts) {
      counts.planted += 1;
      if (hit) counts.found += 1;
    }
  }
  return {
    works: corpus.size, shingles: shingleCount, planted: planted.length, likely: likely.length, found: found.size, truePositives,
    precision: found.size === 0 ? 1 : truePositives / found.size, recall: planted.length === 0 ? 1 : truePositives / planted.length,
    byKind, signMs, pairMs, compareMs,
  };
}
