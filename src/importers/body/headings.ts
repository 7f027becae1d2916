/**
 * Chapter headings as legacy fic writes them (shared/reference/legacy-formats.md §4.3): `Chapter 25: Poisons`,
 * `Chapter One`, `CHAPTER ONE`, `Chapter 3 - Title`, `Part One`, `Ch. 3`, `Prologue`, `Interlude`, roman
 * numerals, `N. Title`, and range lines such as `Chapters 25-26`.
 */
export interface ChapterHeading {
  /** The number the heading states, if any. */
  number: number | null;
  /** The title without its "Chapter N:" prefix; null when the heading is only a number. */
  title: string | null;
  /**
   * `strong` headings (`Chapter 3`, `Prologue`) stand on their own; `weak` ones (`3. Title`, `IV`) could be a
   * list item or a line of verse, and count only when several appear in order.
   */
  strength: "strong" | "weak";
  /** For a range line (`Chapters 25-26`): the last chapter number of the range. */
  rangeEnd?: number;
  /** How many parts the heading says there are (`Part 3/3`, `Chapter 2 of 5`). */
  total?: number;
}

import { hasAtMostWords } from "../document.js";

/** What a heading says of the whole work: `Part 3/5` is part 3 of 5. */
export interface PartCount {
  part: number;
  of: number;
  /** The heading as written. */
  evidence: string;
}

/** The count a heading states (`Part 3/3`, `Chapter 2 of 5`, `(2/3)`), or null when it states none. */
export function partCountOf(heading: ChapterHeading | null, line: string): PartCount | null {
  if (heading?.total === undefined || heading.number === null) return null;
  return { part: heading.number, of: heading.total, evidence: line.trim() };
}

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  uno: 1, dos: 2, tres: 3, un: 1, une: 1, deux: 2, trois: 3, eins: 1, zwei: 2, drei: 3, um: 1, uma: 1, due: 2, tre: 3,
  premier: 1, première: 1, deuxième: 2, troisième: 3, quatrième: 4, cinquième: 5, primero: 1, segundo: 2,
  tercero: 3, primo: 1, secondo: 2, terzo: 3, erstes: 1, zweites: 2, drittes: 3,
};

const CHAPTER_WORD = "(?:chapter|chap\\.?|ch\\.?|part|book|section|capítulo|capitulo|cap\\.|chapitre|kapitel|teil|capitolo|parte|partie)";
const NUMBER = "(\\d{1,4}|[ivxlc]{1,8}|\\p{L}+(?:[- ]\\p{L}+)?)";
const NAMED = "(?:prologue|prolog|prólogo|prologo|epilogue|epilog|epílogo|epilogo|épilogue|interlude|intermission|interludio|intermède|coda|afterword|foreword|preface|teaser|omake)";

const RANGE = new RegExp(`^${CHAPTER_WORD}s?\\s+(\\d{1,4})\\s*(?:-|–|—|&|and|to)\\s*(\\d{1,4})\\s*$`, "iu");
const NUMBERED = new RegExp(`^${CHAPTER_WORD}\\s+${NUMBER}(?:\\s*(?:/|of)\\s*(\\d+|\\?))?(?:\\s*([:.,)\\]–—~-]|\\s-)\\s*(.*)|\\s+(.+))?$`, "iu");
// A part count alone on its line: "2/3", "(2/3)", "[Part 2/3]" is handled above.
const PART_COUNT = /^[([]?(\d{1,3})\s*\/\s*(\d{1,3})[)\]]?$/u;
const NAMED_SECTION = new RegExp(`^${NAMED}(?:\\s*(?:[:.–—-])\\s*(.*)|\\s+(.+))?$`, "iu");
const NUMBER_DOT_TITLE = /^(\d{1,3})\s*[.:)]\s+(\S.*)$/u;
const NUMBER_ALONE = /^(\d{1,3})\.?$/u;
const ROMAN_TITLE = /^([IVXLC]{1,8})(?:\s*[.:)–—~-]\s*(\S.*)|\.)?$/u;

/** Reads a line as a chapter heading, or returns null if it is story text. */
export function readChapterHeading(line: string): ChapterHeading | null {
  if (line.length > 160) return null;
  const text = stripDecoration(line);
  if (text.length === 0 || text.length > 100 || text.includes("\n")) return null;

  const range = RANGE.exec(text);
  if (range) return { number: Number(range[1]), title: null, strength: "strong", rangeEnd: Number(range[2]) };

  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const number = parseNumber(numbered[1] ?? "");
    const total = Number(numbered[2]);
    const separator = numbered[3];
    const separated = numbered[4];
    const unseparated = numbered[5];
    // After a comma the rest must still read as a title: "Part one, the easy part, was over." is a sentence.
    const titleOk = unseparated !== undefined ? isTitleLike(unseparated) : separator !== "," || isTitleLike(separated ?? "");
    if (number !== null && titleOk) {
      return { number, title: cleanTitle(separated ?? unseparated ?? ""), strength: "strong", ...(total > 0 ? { total } : {}) };
    }
  }
  const partCount = PART_COUNT.exec(text);
  // Weak: "9/11" or "3/4" on a line of their own may be story; a run of "1/3", "2/3", "3/3" is headings.
  if (partCount && Number(partCount[1]) <= Number(partCount[2])) {
    return { number: Number(partCount[1]), title: null, strength: "weak", total: Number(partCount[2]) };
  }

  const named = NAMED_SECTION.exec(text);
  if (named && (named[2] === undefined || isTitleLike(named[2]))) {
    return { number: null, title: text.replace(/\s*[.:]$/u, ""), strength: "strong" };
  }

  const numberTitle = NUMBER_DOT_TITLE.exec(text);
  if (numberTitle && isTitleLike(numberTitle[2] ?? "")) {
    return { number: Number(numberTitle[1]), title: cleanTitle(numberTitle[2] ?? ""), strength: "weak" };
  }
  const alone = NUMBER_ALONE.exec(text);
  if (alone) return { number: Number(alone[1]), title: null, strength: "weak" };

  const roman = ROMAN_TITLE.exec(text);
  const romanValue = roman ? romanToNumber(roman[1] ?? "") : null;
  if (roman && romanValue !== null && (roman[2] === undefined || isTitleLike(roman[2]))) {
    return { number: romanValue, title: cleanTitle(roman[2] ?? ""), strength: "weak" };
  }
  return null;
}

/**
 * Whether a line is a heading written as a bare roman numeral (`XXX`, `IV.`, `XII. Return`): the weak form that
 * `XXX`, which is also a scene break, shares with the headings around it.
 */
export function isRomanNumeralHeading(line: string): boolean {
  if (line.length > 160) return false;
  const roman = ROMAN_TITLE.exec(stripDecoration(line));
  return roman !== null && romanToNumber(roman[1] ?? "") !== null && readChapterHeading(line)?.strength === "weak";
}

// Headings are often dressed up: "~*~ Chapter 2 ~*~", "== Part One ==", "# Chapter 1", "[Chapter 3]", "**Prologue**".
function stripDecoration(line: string): string {
  return line
    .trim()
    .replace(/^(?:#{1,6}\s+)/u, "")
    // "xXx Chapter 2 xXx", "oOo Part One oOo": the letter dinkuses of scene breaks frame headings too.
    .replace(/^(?:x+X+x+|X+x+X+|o+O+o+|O+o+O+|o0o)\s+/u, "")
    .replace(/\s+(?:x+X+x+|X+x+X+|o+O+o+|O+o+O+|o0o)$/u, "")
    .replace(/^[\s~*=_#[\]{}<>«»|•·+-]+(?=\p{L}|\d)/u, "")
    .replace(/(?<=[\p{L}\d.?!)"”'’])[\s~*=_#[\]{}<>«»|•·+-]+$/u, "")
    .trim();
}

// A title after a heading without a separator ("Chapter 3 The Return") must read like a title, which is what
// tells "Chapter 3 of the bestiary described…" apart: short, not a sentence, not starting in lower case.
function isTitleLike(rest: string): boolean {
  const trimmed = rest.trim();
  if (!trimmed) return true;
  return hasAtMostWords(trimmed, 12) && /^[\p{Lu}\p{N}"“'‘(]/u.test(trimmed) && !/[,;]$|[.!?]["”’]?\s+\p{L}/u.test(trimmed) && !/\.$/u.test(trimmed.replace(/\.\.\.$|…$/u, ""));
}

function cleanTitle(title: string): string | null {
  const cleaned = title.trim().replace(/^["“'‘]+(.*?)["”'’]+$/u, "$1").trim();
  return cleaned.length > 0 ? cleaned : null;
}

function parseNumber(word: string): number | null {
  if (/^\d+$/u.test(word)) return Number(word);
  // "Chapter the Second"
  const lower = word.toLowerCase().replace(/^the\s+/u, "");
  const roman = /^[ivxlc]+$/u.test(lower) ? romanToNumber(lower.toUpperCase()) : null;
  if (roman !== null) return roman;
  if (ORDINALS[lower] !== undefined) return ORDINALS[lower];
  const parts = lower.split(/[- ]/u);
  const unit = (w: string | undefined) => (w === undefined ? -1 : UNITS.indexOf(w));
  if (parts.length === 1) {
    const n = unit(parts[0]);
    if (n >= 0) return n;
    const tens = TENS.indexOf(parts[0] ?? "");
    return tens > 1 ? tens * 10 : null;
  }
  const tens = TENS.indexOf(parts[0] ?? "");
  const ones = unit(parts[1]);
  return tens > 1 && ones > 0 && ones < 10 ? tens * 10 + ones : null;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A valid roman numeral's value (`IV` → 4), or null for letter runs that are not one (`IIII`, `VX`). */
export function romanToNumber(roman: string): number | null {
  let total = 0;
  for (let i = 0; i < roman.length; i += 1) {
    const value = ROMAN[roman.charAt(i)];
    const next = ROMAN[roman.charAt(i + 1)] ?? 0;
    if (value === undefined) return null;
    total += value < next ? -value : value;
  }
  return total > 0 && toRoman(total) === roman ? total : null;
}

function toRoman(n: number): string {
  const table: readonly [number, string][] = [[100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
