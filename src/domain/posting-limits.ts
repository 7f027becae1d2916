/**
 * What a posted work must have and may not exceed, as on the Archive of Our Own: a title of 1 to 255 characters,
 * a summary of up to 1,250, notes of up to 5,000 each, at most 75 tags of the author's own (fandoms,
 * relationships, characters and additional tags together), a rating and at least one archive warning, at least one
 * fandom, and chapters with text of up to 500,000 characters. Each problem is reported under the form field it
 * belongs to, in words an author can act on.
 */
import { CATEGORIES } from "./categories.js";
import { RATINGS } from "./rating.js";
import { TAG_NAME_MAX } from "./tags/work-tags.js";
import { ARCHIVE_WARNINGS } from "./warnings.js";

export const TITLE_MAX = 255;
export const SUMMARY_MAX = 1_250;
export const NOTES_MAX = 5_000;
/** Fandoms, relationships, characters and additional tags together. */
export const USER_TAGS_MAX = 75;
export const CHAPTER_TEXT_MAX = 500_000;

/** The form field a problem belongs to, and what to do about it. */
export type FieldProblems = Record<string, string>;

export interface WorkLimitsInput {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  rating: string;
  warnings: readonly string[];
  categories: readonly string[];
  fandoms: readonly string[];
  relationships: readonly string[];
  characters: readonly string[];
  freeforms: readonly string[];
}

export interface ChapterLimitsInput {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  text: string;
}

/**
 * Characters as a reader counts them: a letter outside the Basic Multilingual Plane (an emoji, say) is one, not the
 * two UTF-16 units JavaScript's `length` counts.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A low surrogate finishes a character its high surrogate already counted.
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

const formatCount = (n: number) => n.toLocaleString("en");

function tooLong(label: string, text: string, max: number): string | null {
  const count = characterCount(text);
  return count > max ? `${label} must be at most ${formatCount(max)} characters (it has ${formatCount(count)}).` : null;
}

/** The problems with the work's own fields (not its chapters); empty when there are none. */
export function workProblems(work: WorkLimitsInput): FieldProblems {
  const problems: FieldProblems = {};
  const put = (field: string, message: string | null) => {
    if (message !== null) problems[field] = message;
  };
  const title = work.title.trim();
  put("title", title.length === 0 ? "A title is needed." : tooLong("The title", title, TITLE_MAX));
  put("summary", tooLong("The summary", work.summary, SUMMARY_MAX));
  put("notes", tooLong("The notes", work.notes, NOTES_MAX));
  put("endNotes", tooLong("The end notes", work.endNotes, NOTES_MAX));
  if (work.rating === "") put("rating", "Choose a rating.");
  else if (!(RATINGS as readonly string[]).includes(work.rating)) put("rating", `“${work.rating}” is not one of the archive's ratings.`);
  if (work.warnings.length === 0) put("warnings", "Choose at least one archive warning (or “Creator Chose Not To Use Archive Warnings”).");
  else put("warnings", unknownValue(work.warnings, ARCHIVE_WARNINGS, "archive warning"));
  put("categories", unknownValue(work.categories, CATEGORIES, "category"));
  if (work.fandoms.length === 0) put("fandoms", "Name at least one fandom (“Original Work” for a story of your own world).");
  const userTags = [work.fandoms, work.relationships, work.characters, work.freeforms];
  const total = userTags.reduce((n, tags) => n + tags.length, 0);
  if (total > USER_TAGS_MAX) {
    put("tags", `A work may have at most ${USER_TAGS_MAX} fandoms, relationships, characters and additional tags together (this one has ${total}).`);
  }
  const long = userTags.flat().find((tag) => characterCount(tag) > TAG_NAME_MAX);
  if (long !== undefined) put("tags", `Tags are at most ${TAG_NAME_MAX} characters: “${long.slice(0, 40)}…” is longer.`);
  return problems;
}

function unknownValue(values: readonly string[], allowed: readonly string[], what: string): string | null {
  const unknown = values.find((v) => !allowed.includes(v));
  return unknown === undefined ? null : `“${unknown}” is not an ${what === "category" ? "archive category" : what} here.`;
}

/**
 * The problems with one chapter, under `${prefix}.title`, `${prefix}.text` and so on; empty when there are none.
 * @param prefix the fields' common name: "chapters.0" for the first chapter of a new work's form.
 */
export function chapterProblems(chapter: ChapterLimitsInput, prefix: string): FieldProblems {
  const problems: FieldProblems = {};
  const put = (field: string, message: string | null) => {
    if (message !== null) problems[`${prefix}.${field}`] = message;
  };
  put("title", tooLong("A chapter title", chapter.title.trim(), TITLE_MAX));
  put("summary", tooLong("The chapter summary", chapter.summary, SUMMARY_MAX));
  put("notes", tooLong("The chapter notes", chapter.notes, NOTES_MAX));
  put("endNotes", tooLong("The chapter end notes", chapter.endNotes, NOTES_MAX));
  put("text", chapter.text.trim().length === 0 ? "The chapter needs some text." : tooLong("The chapter text", chapter.text, CHAPTER_TEXT_MAX));
  return problems;
}
