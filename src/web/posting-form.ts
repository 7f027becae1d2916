/**
 * The posting forms' fields, read off a request body: the work form (with its chapters as repeated fieldsets,
 * `chapters[0][title]`, `chapters[0][text]`…), a chapter's form, the number inputs that reorder chapters or a
 * series' works, and the series form. Text is kept as typed, so a form with problems comes back as it was sent;
 * values no form of ours sends (an unknown visibility, a second title) are refused outright.
 */
import { z } from "zod";
import { COMMENT_POLICIES, WORK_VISIBILITIES } from "../domain/account.js";
import { ValidationError } from "../domain/errors.js";
import { nameKey } from "../domain/sort-key.js";
import type { SeriesForm } from "../services/posting/series.js";
import type { ChapterForm, SeriesChoice, WorkForm } from "../services/posting/work-form.js";
import { TEXT_FORMATS } from "../services/text/user-html.js";

/** A form body as `parseBody({ all: true })` gives it: repeated fields as arrays, uploads as files. */
export type FormBody = Readonly<Record<string, unknown>>;

/** The most chapters one form may carry: a long novel's worth, and a bound on what a request may make us build. */
const MAX_FORM_CHAPTERS = 500;

/**
 * Names typed into one field, separated by commas (also the full-width and ideographic commas that CJK keyboards
 * type), trimmed, each once however its case or spacing varies.
 * @example splitNames("Mara Quell, ilse brand,, Mara  Quell") // ["Mara Quell", "ilse brand"]
 */
export function splitNames(text: string): string[] {
  const names = text.split(/[,，、]/u).map((n) => n.replace(/\s+/gu, " ").trim()).filter((n) => n.length > 0);
  return [...new Map(names.map((n) => [nameKey(n), n])).values()];
}

/** An optional count: empty for none, else a whole number from 1 to 10,000. */
const count = z.string().trim().default("").pipe(z.union([
  z.literal("").transform(() => null),
  z.string().regex(/^\d{1,5}$/u, "a whole number").transform(Number).pipe(z.number().int().min(1).max(10_000)),
]));

const text = z.string().default("");

const workFields = z.object({
  title: text, rating: text, fandoms: text, relationships: text, characters: text, freeforms: text,
  pseud: z.string().regex(/^\d{1,10}$/u).optional(),
  coAuthors: text, gifts: text, summary: text, notes: text, endNotes: text,
  language: z.string().regex(/^[a-z]{2,3}$/u).default("en"),
  series: z.union([z.literal(""), z.literal("new"), z.string().regex(/^\d{1,10}$/u)]).default(""),
  seriesName: text, seriesPart: count,
  visibility: z.enum(WORK_VISIBILITIES).default("public"),
  commentPolicy: z.enum(COMMENT_POLICIES).default("open"),
  moderateComments: z.literal("on").optional(),
  complete: z.literal("on").optional(),
  expectedChapters: count,
});

const chapterFields = z.object({
  title: text, summary: text, notes: text, endNotes: text, text,
  format: z.enum(TEXT_FORMATS).default("html"),
});

/** @throws ValidationError naming the fields no form of ours would send. */
function parsed<T>(schema: z.ZodType<T>, value: unknown, prefix = ""): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(Object.fromEntries(result.error.issues.map((issue) => [`${prefix}${issue.path.join(".")}`, `${prefix}${issue.path.join(".")}: ${issue.message}`])));
}

/** Every text value of a field that may repeat (checkboxes). */
function values(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
}

function seriesChoice(series: string, name: string): SeriesChoice {
  // A name typed without choosing "a new series" still means one: the author named it.
  if (series === "new" || (series === "" && name.trim().length > 0)) return { kind: "new", name };
  return series === "" ? { kind: "none" } : { kind: "existing", seriesId: Number(series) };
}

/** @throws ValidationError for values no form of ours sends. */
export function readWorkForm(body: FormBody): WorkForm {
  const fields = parsed(workFields, body);
  return {
    title: fields.title, rating: fields.rating, warnings: values(body, "warnings"), categories: values(body, "categories"),
    fandoms: splitNames(fields.fandoms), relationships: splitNames(fields.relationships), characters: splitNames(fields.characters),
    freeforms: splitNames(fields.freeforms), pseudId: fields.pseud === undefined ? null : Number(fields.pseud),
    coAuthors: splitNames(fields.coAuthors), gifts: splitNames(fields.gifts), summary: fields.summary, notes: fields.notes, endNotes: fields.endNotes,
    language: fields.language, series: seriesChoice(fields.series, fields.seriesName), seriesPart: fields.seriesPart,
    visibility: fields.visibility, commentPolicy: fields.commentPolicy, moderateComments: fields.moderateComments === "on",
    complete: fields.complete === "on", expectedChapters: fields.expectedChapters, chapters: readChapterFieldsets(body),
  };
}

/** The `chapters[i][field]` fieldsets, in the order of their numbers. @throws ValidationError past MAX_FORM_CHAPTERS. */
function readChapterFieldsets(body: FormBody): ChapterForm[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(body)) {
    const match = /^chapters\[(\d{1,4})\]\[(\w+)\]$/u.exec(key);
    if (!match || typeof value !== "string") continue;
    const index = Number(match[1]);
    byIndex.set(index, { ...byIndex.get(index), [match[2] ?? ""]: value });
  }
  if (byIndex.size > MAX_FORM_CHAPTERS) throw new ValidationError({ chapters: `A work can be posted with at most ${MAX_FORM_CHAPTERS} chapters at once: add the rest one by one.` });
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, fields]) => parsed(chapterFields, fields, `chapters.${index}.`));
}

/** A chapter's own form. @throws ValidationError for values no form of ours sends. */
export function readChapterForm(body: FormBody): ChapterForm {
  return parsed(chapterFields, body);
}

/** Whether the author asked to see the work before posting it. */
export function wantsPreview(body: FormBody): boolean {
  return body.action === "preview";
}

/**
 * The positions asked for in the number inputs named `${prefix}${key}`, by key; inputs left empty or holding no
 * whole number are left out (the thing keeps its place).
 */
export function readPositions(body: FormBody, prefix: string): Map<number, number> {
  const positions = new Map<number, number>();
  for (const [name, value] of Object.entries(body)) {
    if (!name.startsWith(prefix) || typeof value !== "string") continue;
    const key = Number(name.slice(prefix.length));
    const position = Number(value.trim());
    if (Number.isSafeInteger(key) && value.trim() !== "" && Number.isSafeInteger(position)) positions.set(key, position);
  }
  return positions;
}

const seriesFields = z.object({ name: text, summary: text, notes: text });

/** @throws ValidationError for values no form of ours sends. */
export function readSeriesForm(body: FormBody): SeriesForm {
  return parsed(seriesFields, body);
}
