/**
 * A small seeded pseudo-random number generator for the synthetic corpus.
 *
 * Why not `Math.random`: it cannot be seeded, and its algorithm is V8's to change. The corpus must come out
 * byte-identical for the same seed on every Node version and platform, so the generator is written here: sfc32
 * (Chris Doty-Humphrey's Small Fast Counting generator, from PractRand), which passes PractRand and BigCrush, needs
 * only 32-bit additions, shifts and xors, and has a period of at least 2^32 for every seed
 * (about 2^127 on average) — more than one work's story ever draws. Each work gets its own stream, keyed by the
 * corpus seed and the work's index (see `createRandom`), so a work's content depends on nothing else.
 *
 * The float helpers use only `Math.log`, `Math.exp`, `Math.pow`, `Math.cos` and `Math.sqrt`. V8 implements the
 * first four with its own port of fdlibm (the same code on every platform), and `sqrt` is exact in IEEE 754, so
 * the derived numbers are reproducible too.
 */
import { mix32 } from "../domain/mix32.js";

/** A stream of pseudo-random numbers. Every method advances the stream. */
export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number;
  /** A float in [0, 1), with 32 bits of resolution. */
  float(): number;
  /** An integer in [0, n). `n` must be a positive integer below 2^32. */
  below(n: number): number;
  /** An integer in [min, max], both inclusive. */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** A standard normal deviate (mean 0, standard deviation 1). */
  normal(): number;
}

const TWO_POW_32 = 4294967296;

/** Folds a list of 32-bit keys into one well-mixed 32-bit hash. */
function hashKeys(keys: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) h = mix32(h ^ mix32((key >>> 0) + 0x7f4a7c15));
  return h;
}

class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(keys: readonly number[]) {
    this.a = hashKeys([...keys, 1]);
    this.b = hashKeys([...keys, 2]);
    this.c = hashKeys([...keys, 3]);
    // The reference implementation discards the first outputs so that similar seeds diverge.
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  float(): number {
    return this.uint32() / TWO_POW_32;
  }

  below(n: number): number {
    return Math.floor(this.float() * n);
  }

  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new RangeError("pick() needs a non-empty list");
    return item;
  }

  normal(): number {
    // Box–Muller; 1 - float() is in (0, 1], so the logarithm is finite.
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/**
 * A stream keyed by any number of 32-bit integers (the corpus seed, a work's index, a purpose).
 * The same keys always give the same stream.
 *
 * @example createRandom([seed, workIndex]).below(10)
 */
export function createRandom(keys: readonly number[]): Random {
  return new Sfc32(keys);
}

/**
 * Picks from weighted options. Weights need not sum to 1.
 *
 * @example weighted(random, [["text", 5], ["html", 2]]) // "text" five times in seven
 */
export function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of options) total += weight;
  let point = random.float() * total;
  for (const [value, weight] of options) {
    point -= weight;
    if (point < 0) return value;
  }
  const last = options.at(-1);
  if (!last) throw new RangeError("weighted() needs at least one option");
  return last[0];
}
