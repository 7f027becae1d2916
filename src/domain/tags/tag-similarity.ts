/**
 * Which canonical tags an unwrangled tag most likely means: the Dice coefficient of the two names' character
 * trigrams, after folding case, diacritics and punctuation. Trigrams are taken word by word (each word padded),
 * so word order counts for little ("Spike/Buffy" is near "Buffy Summers/Spike") and a typo costs only the three
 * trigrams it touches ("Hurt/Comfrot" is near "Hurt/Comfort"). Written here rather than taken from npm: the
 * similarity packages in node_modules come in only as other packages' dependencies, and this is thirty lines.
 */
import { foldName } from "../sort-key.js";

/** The name as similarity compares it: folded (foldName), every run of punctuation and spaces one space. */
export function similarityKey(name: string): string {
  return foldName(name).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** The distinct trigrams of each word of the key, each word padded with two spaces before and one after. */
export function trigrams(name: string): Set<string> {
  const grams = new Set<string>();
  for (const word of similarityKey(name).split(" ")) {
    if (word === "") continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

/** 2·|shared| / (|a| + |b|): 1 for names equal after folding, 0 for names with no trigram in common. */
export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

export interface SimilarName<T> {
  item: T;
  similarity: number;
}

/**
 * The candidates indexed by trigram once, then asked for the names most like each query: a query touches only
 * the candidates that share a trigram with it, so a page of queries against thousands of tags stays fast.
 */
export class TrigramIndex<T> {
  private readonly sizes: number[] = [];
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly items: readonly T[], name: (item: T) => string) {
    items.forEach((item, index) => {
      const grams = trigrams(name(item));
      this.sizes.push(grams.size);
      for (const gram of grams) {
        const list = this.postings.get(gram);
        if (list) list.push(index);
        else this.postings.set(gram, [index]);
      }
    });
  }

  /** At most `limit` candidates whose similarity to `name` is at least `threshold`, the most similar first
   *  (then in the order given), leaving out those `exclude` names. */
  nearest(name: string, options: { limit: number; threshold: number; exclude?: (item: T) => boolean }): SimilarName<T>[] {
    const grams = trigrams(name);
    const shared = new Map<number, number>();
    for (const gram of grams) for (const index of this.postings.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    const found: { index: number; similarity: number }[] = [];
    for (const [index, count] of shared) {
      const similarity = (2 * count) / (grams.size + (this.sizes[index] ?? 0));
      const item = this.items[index];
      if (similarity >= options.threshold && item !== undefined && !options.exclude?.(item)) found.push({ index, similarity });
    }
    found.sort((a, b) => b.similarity - a.similarity || a.index - b.index);
    return found.slice(0, options.limit).flatMap(({ index, similarity }) => {
      const item = this.items[index];
      return item === undefined ? [] : [{ item, similarity }];
    });
  }
}
