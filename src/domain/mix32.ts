/**
 * murmur3's 32-bit finaliser: spreads every input bit over the whole output, so nearby keys give unrelated
 * hashes. @returns an unsigned 32-bit integer.
 */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
