/** Languages as ISO 639-1 codes: from a stated name ("English", "Español", "de") or detected from the text. */
import { franc } from "franc";
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
const FANDOM_LANGUAGES = [
  "eng", "spa", "fra", "deu", "por", "ita", "nld", "rus", "ukr", "pol", "ces", "slk", "hun", "ron", "bul", "srp",
  "hrv", "bos", "slv", "ell", "tur", "arb", "heb", "pes", "hin", "ben", "jpn", "cmn", "kor", "vie", "tha", "ind",
  "zlm", "tgl", "swe", "nob", "dan", "fin", "ekk", "lvs", "lit", "cat", "eus", "glg", "cym", "gle", "isl", "afr",
  "epo", "bel", "kaz", "tam", "urd",
];

/**
 * Detects the language of story text. Long texts are sampled from the start, middle and end, so detection costs
 * the same on a 50 MB file as on a short story. Falls back to English, with low confidence, on too little text.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = sampleOf(text);
  if (sample.replace(/\s+/gu, "").length < 20) return { code: "en", confidence: 0.2 };
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const code3 = franc(sample, latin > letters * 0.8 ? { minLength: 20, only: FANDOM_LANGUAGES } : { minLength: 20 });
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
