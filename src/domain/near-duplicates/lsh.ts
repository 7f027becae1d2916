/**
 * Candidate pairs by locality-sensitive hashing: the signature is cut into bands of `rows` bins, and two stories
 * whose signatures agree in every bin of some band are a candidate. Stories with Jaccard similarity J become
 * candidates with probability 1 − (1 − J^rows)^bands, an S-curve: with 3 rows in 42 bands, 0.996 at J = 0.5,
 * 0.68 at 0.3 and 0.005 at 0.05. Each band is sorted rather than hashed into a map, so 100,000 signatures take
 * a few typed arrays instead of millions of map entries.
 */
import { mix32 } from "../mix32.js";
import { SIGNATURE_SIZE, estimatedJaccard, type Signature } from "./minhash.js";

/** Bins per band; see the curve above. With three, a story with as much again added (J = 0.5) pairs 99.6% of the time. */
export const DEFAULT_ROWS_PER_BAND = 3;

/** Up to 2^20 signatures: an index fits beside a 32-bit band key in a double's 53 bits. */
const INDEX_BITS = 20;
const INDEX_SPACE = 2 ** INDEX_BITS;
export const MAX_SIGNATURES = INDEX_SPACE;

export interface CandidatePair {
  /** Indexes into the signatures given, `a` < `b`. */
  a: number;
  b: number;
  estimatedJaccard: number;
}

/**
 * Every pair of signatures that agree in all bins of at least one band and that `keep` accepts (called once per
 * distinct pair with the pair's estimated Jaccard similarity; it picks out what is worth counting exactly).
 * Empty signatures (stories without words) are never candidates.
 * @throws RangeError for more than MAX_SIGNATURES signatures.
 */
export function candidatePairs(
  signatures: readonly Signature[],
  keep: (a: number, b: number, estimatedJaccard: number) => boolean,
  rows: number = DEFAULT_ROWS_PER_BAND,
): CandidatePair[] {
  if (signatures.length > MAX_SIGNATURES) throw new RangeError(`at most ${MAX_SIGNATURES} signatures, not ${signatures.length}`);
  const bands = Math.floor(SIGNATURE_SIZE / rows);
  const seen = new Set<number>();
  const pairs: CandidatePair[] = [];
  const keys = new Float64Array(signatures.length);
  for (let band = 0; band < bands; band += 1) {
    let stored = 0;
    for (const [index, signature] of signatures.entries()) {
      if (signature[0] === 0xffffffff) continue;
      keys[stored] = bandKey(signature, band, rows) * INDEX_SPACE + index;
      stored += 1;
    }
    const sorted = keys.subarray(0, stored).sort();
    let runStart = 0;
    for (let i = 1; i <= stored; i += 1) {
      if (i < stored && Math.floor((sorted[i] ?? 0) / INDEX_SPACE) === Math.floor((sorted[runStart] ?? 0) / INDEX_SPACE)) continue;
      for (let x = runStart; x < i; x += 1) {
        for (let y = x + 1; y < i; y += 1) {
          const a = (sorted[x] ?? 0) % INDEX_SPACE;
          const b = (sorted[y] ?? 0) % INDEX_SPACE;
          const key = a * INDEX_SPACE + b;
          if (seen.has(key)) continue;
          seen.add(key);
          const [sa, sb] = [signatures[a], signatures[b]];
          if (!sa || !sb) continue;
          const estimate = estimatedJaccard(sa, sb);
          if (keep(a, b, estimate)) pairs.push({ a, b, estimatedJaccard: estimate });
        }
      }
      runStart = i;
    }
  }
  return pairs;
}

function bandKey(signature: Signature, band: number, rows: number): number {
  let h = band;
  for (let k = band * rows; k < (band + 1) * rows; k += 1) h = mix32(h ^ (signature[k] ?? 0)) + k;
  return mix32(h);
}
