/**
 * How legacy files phrase the values the Archive has a vocabulary for: ratings on older scales, warnings in
 * words, categories as "slash" or "het", status as "WIP", series as "Part 2 of …". Each phrasing here is one that
 * docs/importer.md says maps back to the Archive's value, so the manifest can hold the Archive's value while the
 * file says it the old way.
 */
import type { Category } from "../../domain/categories.js";
import type { Rating } from "../../domain/rating.js";
import type { ArchiveWarning } from "../../domain/warnings.js";
import type { SeriesMembership } from "../../domain/work.js";
import type { Random } from "../random.js";

const RATING_PHRASES: Readonly<Record<Rating, readonly string[]>> = {
  "Not Rated": ["Not Rated", "Unrated"],
  "General Audiences": ["G", "PG", "K", "K+", "FRC", "FR7", "General", "General Audiences", "All ages", "Everyone"],
  "Teen And Up Audiences": ["PG-13", "PG-13", "PG-13", "T", "FRT", "FR13", "FR15", "PG-15", "Teen", "Teens", "Teen And Up Audiences", "PG-13/T", "PG-13ish"],
  Mature: ["R", "R", "M", "FRM", "FR18", "Mature", "R-ish", "PG-13/R"],
  Explicit: ["NC-17", "NC-17", "NC-21", "X", "MA", "FRAO", "FR21", "Adult", "Adults only", "Explicit", "R/NC-17"],
};

/** A rating as a legacy header writes it. @example ratingPhrase(random, "Teen And Up Audiences") // e.g. "PG-13" */
export function ratingPhrase(random: Random, rating: Rating): string {
  return random.pick(RATING_PHRASES[rating]);
}

/** Whether a rating may stand without its label (`Rated PG-13`): a code in capitals, as the importer requires. */
export function isBareRatingCode(phrase: string): boolean {
  return /^[A-Z][A-Z0-9+-]{0,6}$/u.test(phrase) && !phrase.includes("/");
}

const WARNING_PHRASES: Readonly<Record<ArchiveWarning, readonly string[]>> = {
  "Creator Chose Not To Use Archive Warnings": ["Choose not to warn", "Creator Chose Not To Use Archive Warnings", "Author chose not to use archive warnings"],
  "No Archive Warnings Apply": ["None", "None", "No warnings", "No Archive Warnings Apply", "None really", "Nothing to warn for"],
  "Graphic Depictions Of Violence": ["Graphic violence", "Graphic Depictions Of Violence", "Extreme violence"],
  "Major Character Death": ["Character death", "Major Character Death", "Death of a main character", "MCD"],
  "Rape/Non-Con": ["Non-con", "Rape/Non-Con", "Non-consensual sex"],
  "Underage Sex": ["Underage", "Underage Sex"],
};

/** Each warning as a legacy header words it. */
export function warningPhrases(random: Random, warnings: readonly ArchiveWarning[]): string[] {
  return warnings.map((w) => random.pick(WARNING_PHRASES[w]));
}

const CATEGORY_PHRASES: Readonly<Record<Category, readonly string[]>> = {
  "F/F": ["F/F", "Femslash"], "F/M": ["F/M", "Het"], Gen: ["Gen"], "M/M": ["M/M", "Slash"], Multi: ["Multi", "Threesome", "OT3"], Other: ["Other"],
};

/** Each category as a legacy header words it ("Slash" for M/M). */
export function categoryPhrases(random: Random, categories: readonly Category[]): string[] {
  return categories.map((c) => random.pick(CATEGORY_PHRASES[c]));
}

/** A header line stating the status: `[label, value]`. */
export function statusLine(random: Random, status: "complete" | "in-progress", chapters: number): readonly [string, string] {
  if (status === "complete") {
    const options: (readonly [string, string])[] = [["Status", "Complete"], ["Status", "Completed"], ["Status", "Finished"], ["Complete", "yes"], ["WIP", "no"]];
    if (chapters === 1) options.push(["Status", "One-shot"]);
    return random.pick(options);
  }
  return random.pick([["Status", "WIP"], ["Status", "In progress"], ["Status", "Ongoing"], ["Status", "Incomplete"], ["Complete", "no"], ["WIP", "yes"]]);
}

/** An end-marker line after the last chapter. */
export function endMarker(random: Random, status: "complete" | "in-progress", curly: boolean): string {
  if (status === "complete") return random.pick(["The End", "The End", "THE END", "~fin~", "Fin", "END", "~ The End ~"]);
  return random.pick(["TBC", "TBC", curly ? "To be continued…" : "To be continued...", "More to come", "Continued in part two"]);
}

/** A series as a `Series:` header value; a null part gives a value that names the series only. */
export function seriesValue(random: Random, series: SeriesMembership): readonly [string, string] {
  if (series.part === null) return random.pick([["Series", series.name], ["Part of", series.name], ["Series", `${series.name} series`]]);
  const part = series.part;
  return random.pick([
    ["Series", `Part ${part} of the ${series.name} series`],
    ["Series", `${series.name}, Part ${part}`],
    ["Series", `${series.name} #${part}`],
    ["Series", `Part ${part} of ${series.name}`],
  ]);
}

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 1 → "one", 21 → "twenty-one" (up to 99). */
export function numberWord(n: number): string {
  if (n < 20) return UNITS[n] ?? String(n);
  const tens = TENS[Math.floor(n / 10)] ?? "";
  const unit = n % 10;
  return unit === 0 ? tens : `${tens}-${UNITS[unit] ?? ""}`;
}

const ROMAN: readonly (readonly [number, string])[] = [[100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];

/** 4 → "IV". */
export function romanNumeral(n: number): string {
  let rest = n;
  let out = "";
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** "one" → "One". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes a metadata value for HTML or XML text and attributes. Story paragraphs need none (they hold no `&<>`). */
export function escapeMarkup(text: string): string {
  return /[&<>"]/u.test(text) ? text.replace(/[&<>"]/gu, (c) => HTML_ENTITIES[c] ?? c) : text;
}
