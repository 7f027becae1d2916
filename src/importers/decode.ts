/**
 * Bytes to text for legacy files: BOMs, UTF-16, Windows-1252 and Latin-1, a declared charset, and repair of
 * double-encoded UTF-8. Line ends come out as `\n` only.
 */
import { createRequire } from "node:module";
import iconv from "iconv-lite";
import type { Context, Recogniser } from "chardet/lib/encoding/index.js";
import * as iso2022 from "chardet/lib/encoding/iso2022.js";
import * as mbcs from "chardet/lib/encoding/mbcs.js";
import * as sbcs from "chardet/lib/encoding/sbcs.js";
import * as unicode from "chardet/lib/encoding/unicode.js";
import { repairMojibake } from "./mojibake.js";

export interface DecodedText {
  /** The text, without control characters (only tab and line feed remain). */
  text: string;
  /** The encoding the bytes were read as, for the readable summary. */
  encoding: string;
  /** Whether the bytes look like binary data rather than text: many control characters where text has none. */
  binary: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * @param declared a charset the file declares about itself (HTML `<meta charset>`, XML prolog); trusted only
 *   when the bytes are not valid UTF-8, because files are often re-saved as UTF-8 without fixing the meta tag.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return finish(bom.text, bom.encoding);
  if (looksLikeUtf16(bytes)) {
    const encoding = bytes[0] === 0 ? "utf-16be" : "utf-16le";
    return finish(iconv.decode(Buffer.from(bytes), encoding), encoding);
  }
  try {
    return finish(utf8.decode(bytes), "utf-8");
  } catch {
    const encoding = legacyEncoding(bytes, declared);
    return finish(iconv.decode(Buffer.from(bytes), encoding), encoding);
  }
}

function finish(decoded: string, encoding: string): DecodedText {
  // UTF-16 from a damaged file can hold a surrogate with no partner: no character at all, and ill-formed text
  // that each database would store as U+FFFD behind the importer's back. It is U+FFFD from here on.
  const raw = LONE_SURROGATE.test(decoded) ? decoded.replace(LONE_SURROGATE_ALL, "\ufffd") : decoded;
  const text = raw.includes("\r") ? raw.replace(/\r\n?/gu, "\n") : raw;
  const repaired = repairMojibake(text);
  // Nearly every text has no control character at all (nor U+FFFD), which one scan tells: then there is nothing
  // to remove (unless the repair made one) and nothing that looks binary.
  const suspect = UNUSUAL_CHARACTER.test(text);
  // Control characters would reach terminals (an escape sequence in a title can rewrite the user's screen) and
  // JSON consumers; no story needs one.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const clean = suspect || repaired !== text ? repaired.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, "") : repaired;
  return { text: clean, encoding, binary: suspect && isBinary(text) };
}

// With the u flag a surrogate pair is one character, so \p{Cs} matches only the surrogates that are alone.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATE_ALL = /\p{Cs}/gu;

// The control characters removed from text and those `isBinary` counts (which keeps form feeds).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNUSUAL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/u;

// Decoded text with many control characters was never text (random bytes, an executable, a database).
function isBinary(text: string): boolean {
  const sample = text.slice(0, 16_384);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) control += 1;
  }
  return control > sample.length * 0.05;
}

function decodeWithBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8 (BOM)" };
  }
  if (a === 0xff && b === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le (BOM)" };
  if (a === 0xfe && b === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), encoding: "utf-16be (BOM)" };
  return null;
}

// UTF-16 without a BOM: ASCII-range text leaves every other byte zero.
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 8) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero += 1;
    if (sample[i + 1] === 0) oddZero += 1;
  }
  const pairs = sample.length / 2;
  return (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) || (oddZero > pairs * 0.4 && evenZero < pairs * 0.05);
}

// Bytes that are not UTF-8. Western legacy text is Windows-1252 far more often than true Latin-1 (where 0x80-0x9F
// are control characters nobody types), so both read as Windows-1252: 0x85 is "…", 0x92 is "’". A file whose
// lines end in CR alone was written on a classic Mac, whose encoding was Mac Roman.
function legacyEncoding(bytes: Uint8Array, declared: string | undefined): string {
  if (declared === undefined && hasClassicMacLineEnds(bytes)) return "macintosh";
  const normalised = declared?.trim().toLowerCase();
  if (normalised && iconv.encodingExists(normalised) && !/^(?:utf-?8|us-ascii|ascii)$/u.test(normalised)) {
    return isLatin1Family(normalised) ? "windows-1252" : normalised;
  }
  const guess = detectCharset(bytes.subarray(0, 64 * 1024))?.toLowerCase();
  if (guess && iconv.encodingExists(guess) && !isLatin1Family(guess) && !guess.startsWith("utf")) return guess;
  return "windows-1252";
}

function hasClassicMacLineEnds(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  return sample.includes(0x0d) && !sample.includes(0x0a);
}

function isLatin1Family(encoding: string): boolean {
  return /^(?:iso-?8859-1|latin-?1|l1|cp1252|windows-1252|iso-?8859-15|ascii|us-ascii)$/u.test(encoding);
}

// ---------------------------------------------------------------------------------------------------------------
// chardet's guess, as `chardet.detect` makes it, in a fraction of the time. chardet 2 asks 27 recognisers for a
// confidence and takes the highest. Thirteen of them weigh single-byte encodings by how many of the text's byte
// trigrams are among a language's 64 commonest: one pass over the text per language (ten for Latin-1 alone), each
// trigram found by binary search, 90% of chardet's time. Their byte maps differ only above 0x7F, and legacy text is
// mostly ASCII, so here one pass reads the ASCII runs for all of them, counting the trigrams inside each run that
// any of their lists holds; then each recogniser reads only its own bytes above 0x7F and the trigrams that span
// them. The others are asked as chardet asks them. Tables, byte maps and recognisers are chardet's own, anything
// that does not have the shape relied on here is left to chardet, and decode.test.ts checks the verdicts agree.

const SINGLE_BYTE = [
  new sbcs.ISO_8859_1(), new sbcs.ISO_8859_2(), new sbcs.ISO_8859_5(), new sbcs.ISO_8859_6(), new sbcs.ISO_8859_7(),
  new sbcs.ISO_8859_8(), new sbcs.ISO_8859_9(), new sbcs.windows_1251(), new sbcs.windows_1256(), new sbcs.windows_1257(),
  new sbcs.windows_1258(), new sbcs.windows_874(), new sbcs.KOI8_R(),
];
type SingleByteRecogniser = (typeof SINGLE_BYTE)[number];

/** A single-byte recogniser, read here: its byte map, and for each trigram of the union a bit per language. */
interface TrigramTable {
  recogniser: SingleByteRecogniser;
  byteMap: Uint8Array;
  languages: number;
  /** By union index (`unionIndex`): the languages whose list holds that trigram, a bit each. */
  members: Int32Array;
  /** windows-1257 and windows-1258 only answer for text with bytes above 0x7F. */
  needsHighBytes: boolean;
}

const SPACE = 0x20;
const UNION_BITS = 12;
const unionKeys = new Int32Array(1 << UNION_BITS).fill(-1);
const unionSlots = new Int32Array(1 << UNION_BITS).fill(-1);
let unionSize = 0;

function hashSlot(ngram: number): number {
  return Math.imul(ngram, 0x9e3779b1) >>> (32 - UNION_BITS);
}

/** The trigram's index among all the tables' trigrams; with `add`, it joins them; else -1 if not among them. */
function unionIndex(ngram: number, add = false): number {
  for (let slot = hashSlot(ngram); ; slot = (slot + 1) & ((1 << UNION_BITS) - 1)) {
    const key = unionKeys[slot] ?? -1;
    if (key === ngram) return unionSlots[slot] ?? -1;
    if (key !== -1) continue;
    if (!add) return -1;
    unionKeys[slot] = ngram;
    unionSlots[slot] = unionSize;
    unionSize += 1;
    return unionSize - 1;
  }
}

const ASCII_MAP = SINGLE_BYTE[0]?.byteMap().slice(0, 0x80) ?? [];

/** The table for a recogniser that scores as chardet's `sbcs` class does and reads ASCII as the others do. */
function trigramTable(recogniser: SingleByteRecogniser): TrigramTable | null {
  const needsHighBytes = recogniser instanceof sbcs.windows_1257 || recogniser instanceof sbcs.windows_1258;
  if (recogniser.match !== sbcs.ISO_8859_5.prototype.match && !needsHighBytes) return null;
  const ngrams = recogniser.ngrams();
  const lists = ngrams.map((entry) => (typeof entry === "number" ? entry : entry.fNGrams));
  const flat = lists.every((entry) => typeof entry === "number");
  const languages = flat ? [lists.filter((n) => typeof n === "number")] : lists.filter((l) => typeof l !== "number");
  const byteMap = recogniser.byteMap();
  // chardet's lookup is a binary search over 64 sorted entries: membership, as a hash table answers it, only so.
  const sorted = languages.every((list) => list.length <= 64 && list.every((n, i) => n >= 0 && n <= 0xffffff && (i === 0 || (list[i - 1] ?? 0) <= n)));
  const sameAscii = ASCII_MAP.every((mapped, byte) => byteMap[byte] === mapped);
  const bytes = byteMap.length === 256 && byteMap.every((mapped) => Number.isInteger(mapped) && mapped >= 0 && mapped <= 0xff);
  if (!sorted || !sameAscii || !bytes || languages.length === 0 || languages.length > 30 || recogniser.spaceChar !== SPACE || (!flat && languages.length !== lists.length)) return null;
  for (const list of languages) for (const ngram of list) unionIndex(ngram, true);
  return { recogniser, byteMap: Uint8Array.from(byteMap), languages: languages.length, members: membersOf(languages), needsHighBytes };
}

function membersOf(languages: readonly (readonly number[])[]): Int32Array {
  const members = new Int32Array(1 << UNION_BITS);
  languages.forEach((list, language) => {
    for (const ngram of list) {
      const index = unionIndex(ngram);
      members[index] = (members[index] ?? 0) | (1 << language);
    }
  });
  return members;
}

const TABLES = SINGLE_BYTE.map(trigramTable);

// These two are CommonJS `default` exports, which Node and the test runner's loader import differently; required,
// they are the same everywhere.
const requireCommonJs = createRequire(import.meta.url);
const utf8Recogniser: { default: new () => Recogniser } = requireCommonJs("chardet/lib/encoding/utf8.js");
const asciiRecogniser: { default: new () => Recogniser } = requireCommonJs("chardet/lib/encoding/ascii.js");

// chardet's recognisers in chardet's order (lib/index.js), which decides ties.
const RECOGNISERS: readonly (Recogniser | TrigramTable)[] = [
  new utf8Recogniser.default(), new unicode.UTF_16BE(), new unicode.UTF_16LE(), new unicode.UTF_32BE(), new unicode.UTF_32LE(),
  new mbcs.sjis(), new mbcs.big5(), new mbcs.euc_jp(), new mbcs.euc_kr(), new mbcs.gb_18030(),
  new iso2022.ISO_2022_JP(), new iso2022.ISO_2022_KR(), new iso2022.ISO_2022_CN(),
  ...SINGLE_BYTE.map((recogniser, index) => TABLES[index] ?? recogniser),
  new asciiRecogniser.default(),
];

function isTable(entry: Recogniser | TrigramTable): entry is TrigramTable {
  return "members" in entry;
}

/** What `chardet.detect(sample)` returns (null as undefined). */
export function detectCharset(sample: Uint8Array): string | undefined {
  const byteStats = new Array<number>(256).fill(0);
  for (let i = 0; i < sample.length; i += 1) {
    const byte = sample[i] ?? 0;
    byteStats[byte] = (byteStats[byte] ?? 0) + 1;
  }
  let highBytes = 0;
  for (let i = 0x80; i <= 0xff; i += 1) highBytes += byteStats[i] ?? 0;
  let c1Bytes = false;
  for (let i = 0x80; i <= 0x9f; i += 1) if ((byteStats[i] ?? 0) > 0) c1Bytes = true;
  const context: Context = { byteStats, c1Bytes, rawInput: sample, rawLen: sample.length, inputBytes: sample, inputLen: sample.length };
  let runs: AsciiRuns | undefined;
  const matches: { confidence: number; name: string }[] = [];
  for (const entry of RECOGNISERS) {
    if (!isTable(entry)) {
      const match = entry.match(context);
      if (match) matches.push(match);
      continue;
    }
    if (entry.needsHighBytes && highBytes === 0) continue;
    runs ??= readAsciiRuns(sample, highBytes);
    const confidence = trigramConfidence(entry, runs);
    if (confidence > 0) matches.push({ confidence, name: entry.recogniser.name(context) });
  }
  // Stable, as chardet's sort is: the first recogniser wins a tie.
  matches.sort((a, b) => b.confidence - a.confidence);
  return matches[0]?.name;
}

/**
 * The sample as the single-byte recognisers read it, in parts: each byte above 0x7F, and between them the runs of
 * ASCII, mapped as they all map ASCII (letters lower-cased, the rest spaces or nothing), with repeated spaces
 * dropped inside a run. Whether a run's first space goes depends on the byte before the run, which each
 * recogniser maps its own way; every trigram from a run's fourth letter on is the same for all of them, and is
 * counted here once.
 */
interface AsciiRuns {
  tokens: Uint8Array;
  /** Pairs: the start and length of a run in `tokens`, or -1 and a byte above 0x7F. */
  parts: Int32Array;
  partCount: number;
  /** How often each trigram of the union occurs inside the runs, and how many trigrams there are in all. */
  inside: Int32Array;
  insideCount: number;
}

function readAsciiRuns(sample: Uint8Array, highBytes: number): AsciiRuns {
  const tokens = new Uint8Array(sample.length);
  const parts = new Int32Array(4 * highBytes + 4);
  const inside = new Int32Array(unionSize);
  let length = 0;
  let partCount = 0;
  let insideCount = 0;
  let runStart = 0;
  let lastWasSpace = false;
  const endRun = () => {
    if (length > runStart) {
      parts[2 * partCount] = runStart;
      parts[2 * partCount + 1] = length - runStart;
      partCount += 1;
    }
    runStart = length;
    lastWasSpace = false;
  };
  for (let i = 0; i < sample.length; i += 1) {
    const byte = sample[i] ?? 0;
    if (byte >= 0x80) {
      endRun();
      parts[2 * partCount] = -1;
      parts[2 * partCount + 1] = byte;
      partCount += 1;
      continue;
    }
    const mapped = ASCII_MAP[byte] ?? 0;
    if (mapped === 0 || (mapped === SPACE && lastWasSpace)) continue;
    lastWasSpace = mapped === SPACE;
    tokens[length] = mapped;
    length += 1;
    if (length - runStart >= 4) {
      insideCount += 1;
      const index = unionIndex(((tokens[length - 3] ?? 0) << 16) | ((tokens[length - 2] ?? 0) << 8) | mapped);
      if (index >= 0) inside[index] = (inside[index] ?? 0) + 1;
    }
  }
  endRun();
  return { tokens, parts, partCount, inside, insideCount };
}

/** chardet's `sbcs.match` confidence: the best language's share of the text's trigrams in its list. */
function trigramConfidence(table: TrigramTable, runs: AsciiRuns): number {
  const { byteMap, members } = table;
  const { tokens, parts } = runs;
  const hits = new Int32Array(table.languages);
  let ngram = 0;
  let count = runs.insideCount;
  let ignoreSpace = false;
  const add = (mapped: number) => {
    ngram = ((ngram << 8) + mapped) & 0xffffff;
    count += 1;
    const index = unionIndex(ngram);
    for (let found = index >= 0 ? (members[index] ?? 0) : 0, language = 0; found !== 0; found >>>= 1, language += 1) {
      if (found & 1) hits[language] = (hits[language] ?? 0) + 1;
    }
  };
  for (let part = 0; part < runs.partCount; part += 1) {
    const start = parts[2 * part] ?? 0;
    const length = parts[2 * part + 1] ?? 0;
    if (start < 0) {
      const mapped = byteMap[length] ?? 0;
      if (mapped === 0) continue;
      if (!(mapped === SPACE && ignoreSpace)) add(mapped);
      ignoreSpace = mapped === SPACE;
      continue;
    }
    // The run's first three letters make trigrams with what came before it (its first space may go); the rest
    // were counted in `inside`.
    for (let k = ignoreSpace && tokens[start] === SPACE ? 1 : 0; k < Math.min(length, 3); k += 1) add(tokens[start + k] ?? 0);
    if (length > 3) ngram = ((tokens[start + length - 3] ?? 0) << 16) | ((tokens[start + length - 2] ?? 0) << 8) | (tokens[start + length - 1] ?? 0);
    ignoreSpace = tokens[start + length - 1] === SPACE;
  }
  add(SPACE);
  runs.inside.forEach((occurrences, index) => {
    for (let found = occurrences > 0 ? (members[index] ?? 0) : 0, language = 0; found !== 0; found >>>= 1, language += 1) {
      if (found & 1) hits[language] = (hits[language] ?? 0) + occurrences;
    }
  });
  let best = -1;
  for (const hit of hits) {
    const share = hit / count;
    const confidence = share > 0.33 ? 98 : Math.floor(share * 300.0);
    if (confidence > best) best = confidence;
  }
  return best;
}
