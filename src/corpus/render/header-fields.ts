/**
 * The `Label: value` fields of a legacy header, for plain text, personal HTML pages and Markdown with bold labels:
 * which fields a work's file states, under which of the labels docs/importer.md lists, and how each value is
 * written. Every field the work has a value for is stated (that is what makes the manifest true); fields at
 * their default may be left out.
 */
import { DEFAULT_WARNING } from "../../domain/warnings.js";
import { GENRES } from "../catalogue.js";
import { weighted, type Random } from "../random.js";
import type { SyntheticWork } from "../synthetic-work.js";
import { DISCLAIMERS, EXTRA_FIELDS, LEADING_NOTES } from "../vocabulary/notes.js";
import { categoryPhrases, isBareRatingCode, ratingPhrase, seriesValue, statusLine, warningPhrases } from "./phrasing.js";

/** One header line. */
export interface HeaderField {
  /** The label as written, without the colon; empty for a line that stands without a label (`Rated PG-13`). */
  label: string;
  value: string;
}

/** Which fields a header states, where other parts of the file may state them instead. */
export interface HeaderOptions {
  /** State the title and authors as fields (not when a byline above the header gives them). */
  titleAndAuthors: boolean;
  /** State the status as a field (when no end marker or heading count states it instead). */
  status: boolean;
  /** State the summary as a field (when it is not written as a paragraph of its own). */
  summary: boolean;
  /** Allow a rating line with no label (`Rated PG-13`), which only plain text reads. */
  bareRating: boolean;
}

/** The header's fields in the order legacy headers list them. */
export function headerFields(work: SyntheticWork, random: Random, options: HeaderOptions): HeaderField[] {
  const fields: HeaderField[] = [];
  const add = (label: string, value: string) => fields.push({ label, value });

  if (options.titleAndAuthors) {
    add(random.pick(["Title", "Title", "Title", "Story Title"]), work.title);
    add(authorLabel(random, work.authors.length), joinNames(random, work.authors));
  }
  addFandoms(work, random, add);
  addRating(work, random, options.bareRating, add);
  addRelationships(work, random, add);
  if (work.characters.length > 0) add(random.pick(["Characters", "Characters", "Character(s)"]), joinCharacters(random, work.characters));
  if (work.categories.length > 0) add(random.pick(["Category", "Category", "Categories"]), categoryPhrases(random, work.categories).join(", "));
  if (work.warnings.join() !== DEFAULT_WARNING || random.chance(0.45)) {
    add(random.pick(["Warnings", "Warning", "Warning(s)", "Archive Warnings", "Content Warnings"]), warningPhrases(random, work.warnings).join(", "));
  }
  addFreeforms(work, random, add);
  if (work.series) add(...seriesValue(random, work.series));
  if (random.chance(0.3)) add(random.pick(["Word Count", "Words", "Wordcount"]), groupThousands(work.wordCount));
  if (options.status && work.status !== "unknown") add(...statusLine(random, work.status, work.chapters.length));
  if (random.chance(0.4)) add(random.pick(["Date", "Posted", "Published"]), dateValue(random, work.published));
  if (random.chance(0.1)) add("Language", "English");
  for (const [label, values] of EXTRA_FIELDS) if (random.chance(0.15)) add(label, random.pick(values));
  if (random.chance(0.3)) add("Disclaimer", random.pick(DISCLAIMERS));
  if (options.summary && work.summary) add(random.pick(["Summary", "Summary", "Description"]), work.summary);
  if (random.chance(0.08)) add(random.pick(["A/N", "Author's Note", "Notes"]), random.pick(LEADING_NOTES));
  return fields;
}

function authorLabel(random: Random, count: number): string {
  return count > 1 ? random.pick(["Authors", "Author(s)", "Written by"]) : random.pick(["Author", "Author", "Author", "Written by", "By", "Author(s)"]);
}

/** Authors, split by the importer on commas and on ` & ` and ` and `. */
function joinNames(random: Random, names: readonly string[]): string {
  return names.join(random.pick([", ", " & ", " and "]));
}

function joinCharacters(random: Random, names: readonly string[]): string {
  return names.length === 2 ? names.join(random.pick([", ", " & ", " and "])) : names.join(", ");
}

const GENRE_NAMED_FANDOMS: ReadonlySet<string> = new Set(["Supernatural"]);

function addFandoms(work: SyntheticWork, random: Random, add: (label: string, value: string) => void): void {
  const [first, second] = work.fandoms;
  if (!first) return;
  if (!second) {
    // Older archives filed stories under "Category: <fandom>"; only when no real category line follows, and not
    // for a fandom named like a genre ("Category: Supernatural" is a genre to any reader).
    const asCategory = work.categories.length === 0 && !GENRE_NAMED_FANDOMS.has(first) && random.chance(0.15);
    add(asCategory ? "Category" : random.pick(["Fandom", "Fandom", "Fandom(s)"]), first);
    return;
  }
  const style = random.below(3);
  if (style === 0) add("Crossover", `${first} x ${second}`);
  else add(random.pick(["Fandom", "Fandoms", "Fandom(s)"]), style === 1 ? `${first}, ${second}` : `${first}/${second}`);
}

function addRating(work: SyntheticWork, random: Random, bareAllowed: boolean, add: (label: string, value: string) => void): void {
  if (work.rating === "Not Rated" && random.chance(0.6)) return;
  const phrase = ratingPhrase(random, work.rating);
  if (bareAllowed && isBareRatingCode(phrase) && random.chance(0.15)) add("", `Rated ${phrase}`);
  else add(random.pick(["Rating", "Rating", "Rated"]), phrase);
}

function addRelationships(work: SyntheticWork, random: Random, add: (label: string, value: string) => void): void {
  if (work.relationships.length > 0) {
    add(random.pick(["Pairing", "Pairing", "Pairings", "Pairing(s)", "Relationship", "Relationships", "Ship"]), work.relationships.join(", "));
  } else if (work.categories.includes("Gen") && random.chance(0.3)) {
    // "none (gen)" states the category Gen, which the work then has.
    add("Pairing", "none (gen)");
  } else if (random.chance(0.3)) {
    add("Pairing", random.pick(["None", "none", "n/a"]));
  }
}

function addFreeforms(work: SyntheticWork, random: Random, add: (label: string, value: string) => void): void {
  const genres = work.freeforms.filter((t) => GENRES.has(t));
  const others = work.freeforms.filter((t) => !GENRES.has(t));
  if (genres.length > 0 && random.chance(0.6)) {
    add(random.pick(["Genre", "Genre", "Genres"]), genres.join(random.pick(["/", ", "])));
    if (others.length > 0) add(random.pick(["Tags", "Additional Tags", "Keywords"]), others.join(", "));
  } else if (work.freeforms.length > 0) {
    add(random.pick(["Tags", "Tags", "Additional Tags", "Keywords"]), work.freeforms.join(", "));
  }
}

/** 12345 → "12,345", written out by hand: the grouping must not depend on the platform's locale data. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ",");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function dateValue(random: Random, isoDate: string): string {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  return weighted(random, [
    [isoDate, 3],
    [`${MONTHS[Number(month) - 1] ?? ""} ${Number(day)}, ${year}`, 3],
    [`${Number(month)}/${Number(day)}/${year}`, 1],
  ]);
}
