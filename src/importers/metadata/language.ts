/** Languages as ISO 639-1 codes: from a stated name ("English", "Español", "de") or detected from the text. */
import { data as TRIGRAM_MODELS } from "franc/data.js";
import { expressions as SCRIPT_EXPRESSIONS } from "franc/expressions.js";
import { iso6393To1 } from "iso-639-3";
import ISO6391 from "iso-639-1";

// franc reports individual languages where ISO 639-1 only has the macrolanguage.
const MACROLANGUAGE: Readonly<Record<string, string>> = {
  cmn: "zh", yue: "zh", wuu: "zh", arb: "ar", pes: "fa", prs: "fa", zlm: "ms", zsm: "ms", ekk: "et", lvs: "lv",
  swh: "sw", uzn: "uz", azj: "az", khk: "mn", plt: "mg", ydd: "yi", npi: "ne", ory: "or", gaz: "om", quz: "qu",
  nob: "nb", nno: "nn", als: "sq", bos: "bs", hrv: "hr", srp: "sr",
};

// Names people write that the ISO tables spell differently.
const NAMES: Readonly<Record<string, string>> = {
  castellano: "es", "español": "es", espanol: "es", "français": "fr", francais: "fr", "português": "pt",
  portugues: "pt", "brazilian portuguese": "pt", "português brasileiro": "pt", italiano: "it", deutsch: "de",
  "日本語": "ja", "中文": "zh", chinese: "zh", "简体中文": "zh", "繁體中文": "zh", nederlands: "nl", "русский": "ru",
};

/** The ISO 639-1 code for a stated language, or null if the name is not one we know. */
export function languageFromName(stated: string): string | null {
  // "Portuguese (Brazil)", "English (US)": the region does not change the ISO 639-1 code.
  const value = stated.trim().replace(/[.;,]+$/u, "").replace(/\s*\([^)]*\)$/u, "");
  const lower = value.toLowerCase();
  if (/^[a-z]{2}(?:[-_][a-z]{2,4})?$/iu.test(value) && ISO6391.validate(lower.slice(0, 2))) return lower.slice(0, 2);
  return NAMES[lower] ?? (ISO6391.getCode(value) || ISO6391.getCode(capitalise(lower)) || null);
}

export interface DetectedLanguage {
  code: string;
  confidence: number;
}

const SAMPLE_SIZE = 2000;

// The languages fan fiction is written in, in practice. Left to all its languages, franc takes plain English for
// Scots or Northern English now and then; among these, it does not. Only Latin-script text is held to this list,
// so that Georgian or Armenian are still told apart.
const FANDOM_LANGUAGES: ReadonlySet<string> = new Set([
  "eng", "spa", "fra", "deu", "por", "ita", "nld", "rus", "ukr", "pol", "ces", "slk", "hun", "ron", "bul", "srp",
  "hrv", "bos", "slv", "ell", "tur", "arb", "heb", "pes", "hin", "ben", "jpn", "cmn", "kor", "vie", "tha", "ind",
  "zlm", "tgl", "swe", "nob", "dan", "fin", "ekk", "lvs", "lit", "cat", "eus", "glg", "cym", "gle", "isl", "afr",
  "epo", "bel", "kaz", "tam", "urd",
]);

/**
 * Detects the language of story text. Long texts are sampled from the start, middle and end, so detection costs
 * the same on a 50 MB file as on a short story. Falls back to English, with low confidence, on too little text.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = sampleOf(text);
  const { nonSpace, letters, latin } = countCharacters(sample);
  if (nonSpace < 20) return { code: "en", confidence: 0.2 };
  // (franc reads the first 2,048 characters of the sample; the middle and end weigh only in the choice of list.)
  const code3 = trigramLanguage(sample, latin > letters * 0.8 ? FANDOM_LANGUAGES : null);
  const code = MACROLANGUAGE[code3] ?? iso6393To1[code3];
  if (!code) return { code: "en", confidence: 0.2 };
  return { code, confidence: sample.length >= 400 ? 0.9 : 0.6 };
}

function sampleOf(text: string): string {
  if (text.length <= SAMPLE_SIZE * 3) return text;
  const middle = Math.floor(text.length / 2);
  return [text.slice(0, SAMPLE_SIZE), text.slice(middle, middle + SAMPLE_SIZE), text.slice(-SAMPLE_SIZE)].join("\n");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Counting characters without building arrays of matches: code units that are white space (`\s`), and code
// points that are letters (`\p{L}`) and Latin letters (`\p{Script=Latin}`), exactly as those patterns count them.

const SPACE = 1;
const LETTER = 2;
const LATIN = 4;
const KNOWN = 8;
// Classes of the BMP's code points, filled in as they are met.
const characterClasses = new Uint8Array(0x10000);

function classOf(point: number): number {
  const cached = point <= 0xffff ? (characterClasses[point] ?? 0) : 0;
  if (cached & KNOWN) return cached;
  const character = String.fromCodePoint(point);
  const found = KNOWN | (/^\s$/u.test(character) ? SPACE : 0) | (/^\p{L}$/u.test(character) ? LETTER : 0) | (/^\p{Script=Latin}$/u.test(character) ? LATIN : 0);
  if (point <= 0xffff) characterClasses[point] = found;
  return found;
}

function countCharacters(sample: string): { nonSpace: number; letters: number; latin: number } {
  let spaces = 0;
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) {
        letters += 1;
        latin += 1;
      } else if (code === 32 || (code >= 9 && code <= 13)) {
        spaces += 1;
      }
      continue;
    }
    const point = sample.codePointAt(i) ?? code;
    if (point > 0xffff) i += 1;
    const found = classOf(point);
    if (found & SPACE) spaces += 1;
    if (found & LETTER) letters += 1;
    if (found & LATIN) latin += 1;
  }
  return { nonSpace: sample.length - spaces, letters, latin };
}

// ---------------------------------------------------------------------------------------------------------------
// franc 6's detection (wooorm/franc, packages/franc/index.js), computed over the same data with the same
// arithmetic, so that it names the same language for every input, in a fraction of the time: franc measures the
// distance to each candidate language by looking every trigram of the text up in that language's model, while
// this looks each trigram up once in a table that holds its weight in every candidate at the same time.
// language.test.ts checks the two against each other.

/** franc reads this many characters of its input and no more. */
const FRANC_MAX_LENGTH = 2048;
/** The distance franc adds for a trigram missing from a language's model. */
const MAX_DIFFERENCE = 300;
const MIN_LENGTH = 20;

const SCRIPTS = Object.entries(SCRIPT_EXPRESSIONS);

/**
 * The scripts' expressions, as franc's build writes them, match one BMP character, or a surrogate pair. When all
 * of them have that shape, text without surrogates is counted a character at a time from a table; otherwise, and
 * for text with surrogates, every expression runs over the text as in franc.
 */
const CLASS_OR_UNIT = String.raw`(?:\[(?:[A-Za-z0-9](?:-[A-Za-z0-9])?|\\u[0-9A-Fa-f]{4}(?:-\\u[0-9A-Fa-f]{4})?)+\]|\\u[0-9A-Fa-f]{4})`;
const ALTERNATIVE = new RegExp(`^(${CLASS_OR_UNIT})(${CLASS_OR_UNIT})?$`, "u");
const SINGLE_CHARACTER_SCRIPTS = SCRIPTS.every(([, expression]) => expression.source.split("|").every(isCharacterOrPair));

function isCharacterOrPair(alternative: string): boolean {
  const match = ALTERNATIVE.exec(alternative);
  if (!match) return false;
  const [, first = "", second] = match;
  if (second === undefined) return true;
  // A pair starts with a high surrogate, which text without surrogates never holds.
  const units = first.match(/\\u[0-9A-Fa-f]{4}/gu) ?? [];
  const onlyUnits = first.replace(/\\u[0-9A-Fa-f]{4}/gu, "").replace(/[[\]-]/gu, "") === "";
  return onlyUnits && units.length > 0 && units.every((unit) => {
    const code = Number.parseInt(unit.slice(2), 16);
    return code >= 0xd800 && code <= 0xdbff;
  });
}

const singleCharacterExpressions = SCRIPTS.map(([, expression]) => new RegExp(expression.source, expression.flags.replace("g", "")));
// For each BMP code unit, the scripts (as bits, in SCRIPTS order) whose expression matches it; -1 until met.
const scriptMasks = new Int32Array(0x10000).fill(-1);

function scriptMaskOf(code: number): number {
  const cached = scriptMasks[code] ?? -1;
  if (cached >= 0) return cached;
  const character = String.fromCharCode(code);
  let mask = 0;
  singleCharacterExpressions.forEach((expression, index) => {
    if (expression.test(character)) mask |= 1 << index;
  });
  scriptMasks[code] = mask;
  return mask;
}

/** How often each script's expression matches, in SCRIPTS order. */
function scriptCounts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  let surrogates = !SINGLE_CHARACTER_SCRIPTS;
  for (let i = 0; i < value.length && !surrogates; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      surrogates = true;
      break;
    }
    let mask = scriptMaskOf(code);
    for (let index = 0; mask !== 0; index += 1, mask >>>= 1) {
      if (mask & 1) counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  if (surrogates) return SCRIPTS.map(([, expression]) => value.match(expression)?.length ?? 0);
  return counts;
}

/** A script's candidate languages, and for each trigram (as `trigramKey`) its weight in each candidate that has it. */
interface ScriptModel {
  languages: string[];
  /** Pairs of a language's index and the trigram's weight in it. */
  weights: Map<number, number[]>;
}

const scriptModels = new Map<string, ScriptModel>();

/** Three UTF-16 code units as one number, a cheaper key than a string. */
function trigramKey(a: number, b: number, c: number): number {
  return (a * 0x10000 + b) * 0x10000 + c;
}

function scriptModel(script: string, only: ReadonlySet<string> | null): ScriptModel {
  const key = `${script}:${only ? "only" : "all"}`;
  const cached = scriptModels.get(key);
  if (cached) return cached;
  const model: ScriptModel = { languages: [], weights: new Map() };
  for (const [language, trigrams] of Object.entries(TRIGRAM_MODELS[script] ?? {})) {
    if (only && !only.has(language)) continue;
    const index = model.languages.push(language) - 1;
    // franc's weight is the trigram's position in the model; a trigram listed twice keeps its first position.
    // (Its models hold trigrams of three code units, as the text's are; any other could match nothing.)
    const seen = new Set<number>();
    trigrams.split("|").forEach((trigram, weight) => {
      if (trigram.length !== 3) return;
      const id = trigramKey(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2));
      if (seen.has(id)) return;
      seen.add(id);
      const entries = model.weights.get(id);
      if (entries) entries.push(index, weight);
      else model.weights.set(id, [index, weight]);
    });
  }
  scriptModels.set(key, model);
  return model;
}

/** The trigrams of franc's cleaned, padded text (trigram-utils' `asDictionary`), keyed by `trigramKey`. */
function trigramCounts(value: string): Map<number, number> {
  const cleaned = ` ${value.replace(/[\u0021-\u0040]+/g, " ").replace(/\s+/g, " ").trim().toLowerCase()} `;
  const counts = new Map<number, number>();
  for (let i = 2; i < cleaned.length; i += 1) {
    const id = trigramKey(cleaned.charCodeAt(i - 2), cleaned.charCodeAt(i - 1), cleaned.charCodeAt(i));
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * What `franc(value, { minLength: 20, only })` returns: an ISO 639-3 code, or `und`.
 * @param only candidate languages; null for every language of the text's script.
 */
export function trigramLanguage(value: string, only: ReadonlySet<string> | null): string {
  if (value.length < MIN_LENGTH) return "und";
  const text = value.slice(0, FRANC_MAX_LENGTH);
  const counts = scriptCounts(text);
  let top = 0;
  counts.forEach((count, index) => {
    if (count > (counts[top] ?? 0)) top = index;
  });
  const script = SCRIPTS[top]?.[0] ?? "";
  if (!(script in TRIGRAM_MODELS)) {
    // A script only one language is written in.
    return counts[top] === 0 || (only !== null && !only.has(script)) ? "und" : script;
  }
  const model = scriptModel(script, only);
  if (model.languages.length === 0) return "und";
  // Every trigram is first counted as missing from every language (the same distance for all, left out here),
  // then corrected where a language has it.
  const corrections = new Float64Array(model.languages.length);
  for (const [trigram, count] of trigramCounts(text)) {
    const entries = model.weights.get(trigram);
    if (!entries) continue;
    for (let k = 0; k < entries.length; k += 2) {
      const language = entries[k] ?? 0;
      corrections[language] = (corrections[language] ?? 0) + Math.abs(count - (entries[k + 1] ?? 0) - 1) - MAX_DIFFERENCE;
    }
  }
  // The closest language; on a tie, the first in franc's order, as its stable sort keeps it.
  let best = 0;
  corrections.forEach((correction, index) => {
    if (correction < (corrections[best] ?? 0)) best = index;
  });
  return model.languages[best] ?? "und";
}
