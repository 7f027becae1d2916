/**
 * Titles, series names and pen names for synthetic works.
 *
 * Titles read as titles to the importer and to nothing else: no " by " (which a first line would split into a
 * title and a byline), no words a chapter heading or end marker starts with, no quotes or closing punctuation at
 * their ends, and no `(1/3)` part count.
 */
import { createRandom, type Random } from "./random.js";
import { FIRST_NAMES, PEN_NAME_PIECES, PEN_NAME_SUFFIXES, SURNAMES } from "./vocabulary/names.js";
import { TITLE_ADJECTIVES, TITLE_NOUNS, TITLE_VERBS } from "./vocabulary/english.js";

const TITLE_FORMS: readonly string[] = [
  "{Adj} {Noun}", "The {Adj} {Noun}", "{Noun} and {Noun}", "{Noun} of {Noun}", "A {Adj} Kind of {Noun}",
  "Where the {Noun} {Verb}", "Before the {Noun}", "After the {Noun}", "{Noun}", "All the {Adj} {Noun}",
  "What the {Noun} Knew", "Nine {Noun}", "The {Noun} We Keep", "{Adj} as {Noun}", "Under {Adj} {Noun}",
  "How to {Verb} in {Noun}", "The Long Way Round", "{Noun}, {Noun}, {Noun}", "Small {Noun}", "Once More, with {Noun}",
];

const CHAPTER_TITLE_FORMS: readonly string[] = ["{Noun}", "The {Adj} {Noun}", "{Adj} {Noun}", "{Noun} and {Noun}", "Of {Noun}", "First {Noun}"];

const SERIES_FORMS: readonly string[] = ["{Noun} and {Noun}", "{Adj} {Noun}", "{Noun} of {Noun}", "{Noun}", "{Adj} {Noun} Cycle"];

function fill(random: Random, form: string): string {
  return form
    .replace(/\{Adj\}/gu, () => random.pick(TITLE_ADJECTIVES))
    .replace(/\{Noun\}/gu, () => random.pick(TITLE_NOUNS))
    .replace(/\{Verb\}/gu, () => random.pick(TITLE_VERBS));
}

/** A work's title. @example workTitle(random) // "Where the Lanterns Burn" */
export function workTitle(random: Random): string {
  return fill(random, random.pick(TITLE_FORMS));
}

/** A chapter's title (without its "Chapter N:" prefix). */
export function chapterTitle(random: Random): string {
  return fill(random, random.pick(CHAPTER_TITLE_FORMS));
}

/** A series' name. It never starts with "The" or ends in "series" or "verse", which series values drop. */
export function seriesName(random: Random): string {
  return fill(random, random.pick(SERIES_FORMS));
}

const PEN_NAME_SEED = 0x7e11;

/**
 * The pen name of the author with this popularity rank: the same rank always gives the same name, so an
 * author's works share it without any table of authors.
 *
 * @example penName(0) // e.g. "quillfeather"
 */
export function penName(rank: number): string {
  const random = createRandom([PEN_NAME_SEED, rank]);
  const a = random.pick(PEN_NAME_PIECES);
  const b = random.pick(PEN_NAME_PIECES);
  const form = random.below(10);
  if (form < 3) return `${a}${b}`;
  if (form < 5) return `${a}_${b}`;
  if (form < 6) return `${a}-${b}`;
  if (form < 7) return `${a}${random.pick(PEN_NAME_SUFFIXES)}`;
  if (form < 8) return `${a}${b}${random.between(1, 99)}`;
  // Writers under a name: "Tamsin Vale".
  return `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
}
