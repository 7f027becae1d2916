/**
 * A story's text as a set of word shingles: every run of SHINGLE_WORDS consecutive words, each hashed to 32 bits.
 * Words are compared after folding case, compatibility forms (NFKC) and apostrophes, with markup and entities
 * dropped, and everything that is not a letter or digit separating words. So the same story re-wrapped, with curly
 * or straight quotes, with `*emphasis*` or `<i>` tags, or as text and as HTML, gives the same shingles; a changed
 * word changes only the shingles that hold it.
 */
import { mix32 } from "../mix32.js";

/**
 * Five words: long enough that two unrelated stories share few shingles (common phrases are shorter), short enough
 * that a typo every few dozen words leaves most shingles whole (one changed word spoils five).
 */
export const SHINGLE_WORDS = 5;

const TAG = /<\/?[a-z][^<>]*>/gi;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi;
const LETTER_OR_DIGIT = /^[\p{L}\p{M}\p{N}]$/u;
// For each BMP code unit: 0 not yet known, 1 part of a word, 2 a separator, 3 transparent (an apostrophe).
const bmpClasses = new Uint8Array(0x10000);
const WORD = 1;
const SEPARATOR = 2;
const TRANSPARENT = 3;
// As int32 (| 0): a constant above 2^31 would make the running hash a heap number, and the scan three times slower.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function classOf(code: number): number {
  let known = bmpClasses[code] ?? 0;
  if (known === 0) {
    if (code === 39 || code === 0x2018 || code === 0x2019) known = TRANSPARENT;
    else known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? WORD : SEPARATOR;
    bmpClasses[code] = known;
  }
  return known;
}

/** The text with markup and entities out and compatibility forms folded, in lower case: what words are read from. */
export function normaliseStoryText(text: string): string {
  let plain = text;
  if (plain.includes("<")) plain = plain.replace(TAG, " ");
  if (plain.includes("&")) plain = plain.replace(ENTITY, " ");
  if (hasCompatibilityForms(plain)) plain = plain.normalize("NFKC");
  return plain.toLowerCase();
}

/**
 * Whether NFKC could change the text: it is costly, and changes nothing in ASCII and typographic punctuation
 * (curly quotes, dashes), which most stories are written in. A loop, because a Unicode class test cost more than
 * the whole scan for words.
 */
function hasCompatibilityForms(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && (code < 0x2000 || code > 0x206f)) return true;
  }
  return false;
}

/** A growing list of 32-bit hashes. */
class HashList {
  values = new Uint32Array(4096);
  length = 0;

  push(hash: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = hash;
    this.length += 1;
  }
}

const CHAIN = 0x5bd1e995;

/**
 * The distinct shingle hashes of a story's chapters, sorted ascending. Shingles run across chapter breaks, so where
 * one reading of a file splits chapters differently from another changes nothing. A story shorter than a shingle
 * is one shingle of all its words; a story without words has none.
 *
 * Words are hashed (FNV-1a over UTF-16 code units) while the text is scanned, and a shingle's hash is chained from
 * its words' hashes, held in four variables rather than an array: this loop is nearly all the cost
 * of signing a library, and the plainer version was ten times slower. Astral letters (outside the BMP) count as
 * separators: scanning code units stays simple, and no story is written in them alone.
 *
 * @example storyShingles(["The lamp went out."]).length // 1: four words, short of a shingle, are one
 */
export function storyShingles(chapters: readonly string[]): Uint32Array {
  const hashes = new HashList();
  // The hashes of the four words before the current one, oldest first.
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let words = 0;
  const endWord = (hash: number) => {
    words += 1;
    if (words >= SHINGLE_WORDS) hashes.push(mix32(Math.imul(Math.imul(Math.imul(Math.imul(w1, CHAIN) ^ w2, CHAIN) ^ w3, CHAIN) ^ w4, CHAIN) ^ hash));
    w1 = w2;
    w2 = w3;
    w3 = w4;
    w4 = hash;
  };
  for (const chapter of chapters) {
    const text = normaliseStoryText(chapter);
    let hash = FNV_OFFSET;
    let inWord = false;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        inWord = true;
        continue;
      }
      const kind = code < 128 ? (code === 39 ? TRANSPARENT : SEPARATOR) : classOf(code);
      if (kind === WORD) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        inWord = true;
      } else if (kind === SEPARATOR && inWord) {
        endWord(hash);
        hash = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) endWord(hash);
  }
  if (words > 0 && words < SHINGLE_WORDS) hashes.push(mix32([w1, w2, w3, w4].slice(SHINGLE_WORDS - 1 - words).reduce((h, w) => Math.imul(h, CHAIN) ^ w)));
  return distinctSorted(hashes.values.subarray(0, hashes.length));
}

function distinctSorted(hashes: Uint32Array): Uint32Array {
  const sorted = radixSort(hashes);
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const value = sorted[i] ?? 0;
    if (i === 0 || value !== sorted[kept - 1]) {
      sorted[kept] = value;
      kept += 1;
    }
  }
  return sorted.slice(0, kept);
}

/**
 * A sorted copy. Above a couple of thousand values, by three counting passes over 11-bit digits: linear, and three
 * to four times as fast as the built-in sort of a typed array on a long story's shingles (which, as first written,
 * took a third of the time of signing a library); below, the built-in sort, which the passes' fixed cost outruns.
 */
function radixSort(values: Uint32Array): Uint32Array {
  if (values.length < 2048) return Uint32Array.from(values).sort();
  let from = Uint32Array.from(values);
  let to = new Uint32Array(values.length);
  const counts = new Uint32Array(2049);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < from.length; i += 1) {
      const slot = (((from[i] ?? 0) >>> shift) & 0x7ff) + 1;
      counts[slot] = (counts[slot] ?? 0) + 1;
    }
    for (let k = 1; k < counts.length; k += 1) counts[k] = (counts[k] ?? 0) + (counts[k - 1] ?? 0);
    for (let i = 0; i < from.length; i += 1) {
      const value = from[i] ?? 0;
      const digit = (value >>> shift) & 0x7ff;
      const at = counts[digit] ?? 0;
      to[at] = value;
      counts[digit] = at + 1;
    }
    [from, to] = [to, from];
  }
  return from;
}
