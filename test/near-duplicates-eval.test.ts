/**
 * Near-duplicate detection measured on a generated corpus of 2,000 works, one in twenty a planted variant of
 * another, of every kind (bench/near-duplicate-eval.ts; `npm run bench:duplicates` runs it at 100,000).
 *
 * The bounds: the hardest planted variants (a version with a chapter more or less, or typos in one word of 25)
 * keep a Jaccard similarity of about 0.5 or more, which LSH's 42 bands of 3 put forward 99.6% of the time, and
 * their exact containment stays above the 0.7 threshold; unrelated stories share at most about a quarter of the
 * shorter one's shingles. So over about 110 planted pairs a miss is rare and a false pair rarer: this seed finds
 * every one and nothing else, and the bounds leave room for a couple of misses, not for a systematic failure.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateNearDuplicates, type Evaluation } from "../bench/near-duplicate-eval.js";
import { VARIANT_KINDS } from "../src/corpus/near-duplicate-corpus.js";

describe("near-duplicates in a generated corpus of 2,000 works", () => {
  let result: Evaluation;
  beforeAll(() => {
    result = evaluateNearDuplicates({ works: 2000, seed: 11, plantedRate: 0.05 });
  }, 300_000); // Generating 2,000 stories takes about 10 s, more on a busy machine.

  it("are found with precision of at least 0.98 and recall of at least 0.97", () => {
    expect(result.planted).toBeGreaterThan(80);
    expect(result.precision).toBeGreaterThanOrEqual(0.98);
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
  });

  it("are found whatever kind of variant was planted", () => {
    expect([...result.byKind.keys()].sort()).toEqual([...VARIANT_KINDS].sort());
    for (const [kind, { planted, found }] of result.byKind) {
      expect(planted, kind).toBeGreaterThan(10);
      expect(found / planted, kind).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("put forward few pairs to count exactly beyond the planted ones", () => {
    expect(result.likely).toBeLessThan(result.planted * 1.5);
  });
});
