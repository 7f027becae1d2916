/**
 * Zipf-distributed choices: the k-th most common item is chosen with weight 1 / k^s. Fan fiction is Zipfian
 * everywhere one looks (a few huge fandoms and a long tail, a few prolific authors, a few tags on every work), and
 * so is the word frequency of English prose.
 */
import type { Random } from "./random.js";

/** A Zipf distribution over the ranks 0 … size-1 of a list, sampled by binary search over its running total. */
export class ZipfTable {
  private readonly cumulative: Float64Array;

  /**
   * @param size how many items (ranks) there are; at least 1.
   * @param exponent `s`: 1 is classic Zipf; larger is steeper, smaller flatter.
   */
  constructor(size: number, exponent: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`a Zipf table needs at least one item, not ${size}`);
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank += 1) {
      total += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank += 1) this.cumulative[rank] = (this.cumulative[rank] ?? 0) / total;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** A rank in [0, size): 0 most often. */
  sample(random: Random): number {
    const point = random.float();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 1) > point) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** The probability of a rank, for tests and for reasoning about the tails. */
  probability(rank: number): number {
    return (this.cumulative[rank] ?? 0) - (this.cumulative[rank - 1] ?? 0);
  }
}

/**
 * A rank in [0, size) from the continuous power law with exponent `s` (0 < s < 1), by its closed-form inverse:
 * O(1) and with no table, for populations too large to tabulate (a million potential authors).
 */
export function sampleLargeZipf(random: Random, size: number, exponent: number): number {
  const power = 1 - exponent;
  const top = Math.pow(size + 1, power) - 1;
  const rank = Math.floor(Math.pow(random.float() * top + 1, 1 / power)) - 1;
  return Math.min(size - 1, Math.max(0, rank));
}
