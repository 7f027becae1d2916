/**
 * The work form as posting reads it: every field as the author filled it in (so a form with problems comes back
 * with their input kept), and the chapters posted with it — one for a new work, as many as an uploaded file held.
 */
import type { CommentPolicy, WorkVisibility } from "../../domain/account.js";
import { workProblems, type FieldProblems } from "../../domain/posting-limits.js";
import type { TextFormat } from "../text/user-html.js";

export interface ChapterForm {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  text: string;
  format: TextFormat;
}

/** No series; one of the poster's own series; or a new one of this name. */
export type SeriesChoice = { kind: "none" } | { kind: "existing"; seriesId: number } | { kind: "new"; name: string };

export interface WorkForm {
  title: string;
  /** "" until one is chosen. */
  rating: string;
  warnings: string[];
  categories: string[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  /** The poster's pseud the work is posted as (a new work's; an edit keeps the creators it has). */
  pseudId: number | null;
  /** Pseuds of other accounts to invite as co-authors. */
  coAuthors: string[];
  /** The names the work is a gift for. */
  gifts: string[];
  summary: string;
  notes: string;
  endNotes: string;
  /** ISO 639-1 */
  language: string;
  series: SeriesChoice;
  /** The work's part in the series; null: after the last (or the part it has). */
  seriesPart: number | null;
  visibility: WorkVisibility;
  commentPolicy: CommentPolicy;
  moderateComments: boolean;
  complete: boolean;
  /** A work in progress's expected number of chapters; null: not known ("?"). */
  expectedChapters: number | null;
  /** The chapters posted with a new work; empty in an edit, which leaves the chapters to their own pages. */
  chapters: ChapterForm[];
}

export function emptyChapterForm(): ChapterForm {
  return { title: "", summary: "", notes: "", endNotes: "", text: "", format: "html" };
}

/** A new work's form: nothing filled in but the pseud and the defaults. */
export function newWorkForm(pseudId: number | null): WorkForm {
  return {
    title: "", rating: "", warnings: [], categories: [], fandoms: [], relationships: [], characters: [], freeforms: [],
    pseudId, coAuthors: [], gifts: [], summary: "", notes: "", endNotes: "", language: "en",
    series: { kind: "none" }, seriesPart: null, visibility: "public", commentPolicy: "open", moderateComments: false,
    complete: true, expectedChapters: null, chapters: [emptyChapterForm()],
  };
}

/** Names of gift recipients and co-authors are pseud names: no longer than a tag's. */
const PERSON_NAME_MAX = 100;

/**
 * What is wrong with the work's own fields by their own rules (the Archive's limits, a named new series, a sensible
 * expected chapter count), field by field; empty when nothing is. The chapters are checked as they are made
 * (chapter-content.ts), and rules that need the library by posting.
 * @param chapterCount how many chapters the work will have.
 */
export function workFormProblems(form: WorkForm, chapterCount: number): FieldProblems {
  const problems: FieldProblems = { ...workProblems(form) };
  if (form.series.kind === "new" && form.series.name.trim().length === 0) problems.seriesName = "Name the new series, or choose no series.";
  if (form.series.kind === "new" && form.series.name.length > 240) problems.seriesName = "A series name is at most 240 characters.";
  if (form.seriesPart !== null && form.series.kind === "none") problems.seriesPart = "A part number needs a series.";
  if (!form.complete && form.expectedChapters !== null && form.expectedChapters < chapterCount) {
    problems.expectedChapters = `The work has ${chapterCount} chapter${chapterCount === 1 ? "" : "s"} already: expect at least that many, or leave it empty.`;
  }
  const long = [...form.coAuthors, ...form.gifts].find((name) => name.length > PERSON_NAME_MAX);
  if (long !== undefined) problems[form.gifts.includes(long) ? "gifts" : "coAuthors"] = `“${long.slice(0, 40)}…” is longer than any name here.`;
  return problems;
}
