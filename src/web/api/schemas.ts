/**
 * Every body the API takes and gives, in zod: the routes validate requests with these, and /api/v1/openapi.json
 * is generated from the same objects, so the document cannot drift from what the server does. Names are the
 * pages' and the search parameters' (`fandoms`, `words`, `exclude-freeform`), in camelCase for JSON fields.
 */
import { z } from "@hono/zod-openapi";
import { COMMENT_POLICIES, WORK_VISIBILITIES } from "../../domain/account.js";
import { CATEGORIES } from "../../domain/categories.js";
import { RATINGS } from "../../domain/rating.js";
import { TAG_TYPES } from "../../domain/tags/tag-type.js";
import { ARCHIVE_WARNINGS } from "../../domain/warnings.js";
import { TEXT_FORMATS } from "../../services/text/user-html.js";

// Problems (RFC 9457) ---------------------------------------------------------------------------------------------

export const Problem = z.object({
  type: z.string().openapi({ example: "about:blank" }),
  title: z.string().openapi({ example: "Unprocessable Content" }),
  status: z.number().int().openapi({ example: 422 }),
  detail: z.string().openapi({ example: "Give the work a title." }),
  /** The domain error's stable code. */
  code: z.string().openapi({ example: "invalid" }),
  errors: z.record(z.string(), z.string()).optional().openapi({ description: "What is wrong, field by field (`chapters.0.text` is the first chapter's text).", example: { title: "Give the work a title." } }),
}).openapi("Problem");

// Reading ---------------------------------------------------------------------------------------------------------

const id = z.number().int().positive();
const names = z.array(z.string());
const storyDate = z.string().nullable().openapi({ description: "YYYY-MM-DD", example: "2024-03-01" });
const workStatus = z.enum(["complete", "in-progress", "unknown"]);

export const WorkSeriesLink = z.object({ id, name: z.string(), part: z.number().int() }).openapi("WorkSeriesLink");

const workFields = {
  id,
  url: z.string().openapi({ description: "The work's page on this site.", example: "/works/12" }),
  title: z.string(),
  authors: names,
  rating: z.enum(RATINGS),
  warnings: names,
  categories: names,
  fandoms: names,
  relationships: names,
  characters: names,
  freeforms: names,
  summary: z.string().nullable().openapi({ description: "Plain text; paragraphs are separated by a blank line." }),
  language: z.string().openapi({ description: "ISO 639-1", example: "en" }),
  words: z.number().int(),
  chapters: z.number().int(),
  expectedChapters: z.number().int().nullable(),
  status: workStatus,
  published: storyDate,
  updated: storyDate,
};

export const WorkSummary = z.object({ ...workFields, series: z.array(WorkSeriesLink) }).openapi("WorkSummary");

const facet = z.array(z.object({ name: z.string(), count: z.number().int() }));
export const Facets = z.object({
  rating: facet, warnings: facet, categories: facet, fandoms: facet, relationships: facet, characters: facet, freeforms: facet, language: facet, status: facet,
}).openapi("Facets", { description: "Counts over the whole result, for every value, most frequent first." });

export const WorkPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  pages: z.number().int(),
  works: z.array(WorkSummary),
  facets: Facets,
}).openapi("WorkPage");

const neighbour = z.object({ id, title: z.string() }).nullable();
const downloads = z.object({ epub: z.string(), html: z.string(), txt: z.string(), md: z.string() }).openapi("Downloads", { example: { epub: "/downloads/12/Three_Lanterns.epub", html: "/downloads/12/Three_Lanterns.html", txt: "/downloads/12/Three_Lanterns.txt", md: "/downloads/12/Three_Lanterns.md" } });

export const WorkDetail = z.object({
  ...workFields,
  notes: z.string().nullable(),
  endNotes: z.string().nullable(),
  visibility: z.enum(WORK_VISIBILITIES),
  hiddenByModerator: z.boolean().openapi({ description: "Only its creators and the moderators see such a work." }),
  gifts: names,
  stats: z.object({ kudos: z.number().int(), hits: z.number().int(), comments: z.number().int(), bookmarks: z.number().int() }),
  series: z.array(WorkSeriesLink.extend({ previous: neighbour, next: neighbour })),
  chapterOutline: z.array(z.object({ position: z.number().int(), title: z.string().nullable(), url: z.string() })),
  downloads,
  cover: z.string().openapi({ example: "/works/12/cover.svg" }),
}).openapi("WorkDetail");

export const Chapter = z.object({
  position: z.number().int(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  notes: z.string().nullable(),
  endNotes: z.string().nullable(),
  words: z.number().int(),
  html: z.string().openapi({ description: "The chapter's text as sanitized HTML." }),
  url: z.string(),
}).openapi("Chapter");

export const ChapterList = z.object({ workId: id, title: z.string(), chapters: z.array(Chapter) }).openapi("ChapterList");

export const TagDetail = z.object({
  id,
  type: z.enum(TAG_TYPES),
  name: z.string(),
  status: z.enum(["canonical", "synonym", "unwrangled"]),
  synonymOf: z.string().nullable(),
  synonyms: names,
  parents: names,
  children: names,
  metaTags: names,
  subTags: names,
  works: z.number().int().openapi({ description: "Works the caller may see that this tag (with its synonyms and sub tags) finds." }),
  url: z.string(),
}).openapi("TagDetail");

export const TagList = z.object({ tags: z.array(TagDetail) }).openapi("TagList");

export const TagSuggestions = z.object({ tags: z.array(z.object({ name: z.string(), type: z.enum(TAG_TYPES) })) }).openapi("TagSuggestions");

export const SeriesDetail = z.object({
  id,
  url: z.string(),
  name: z.string(),
  summary: z.string().nullable(),
  notes: z.string().nullable(),
  words: z.number().int(),
  authors: names,
  fandoms: names,
  works: z.array(WorkSummary),
  downloads,
}).openapi("SeriesDetail");

// Writing ---------------------------------------------------------------------------------------------------------

const text = (description: string) => z.string().max(20_000_000).openapi({ description });
const nameList = z.array(z.string().max(1000)).max(500);

export const ChapterInput = z.object({
  title: z.string().default(""),
  summary: z.string().default(""),
  notes: z.string().default(""),
  endNotes: z.string().default(""),
  text: text("The chapter, in the format given."),
  format: z.enum(TEXT_FORMATS).default("html").openapi({ description: "How `text` is written: HTML (sanitized on the way in), Markdown or plain text." }),
}).strict().openapi("ChapterInput");

const seriesChoice = z.union([
  z.object({ id }).strict().openapi({ description: "One of the poster's series." }),
  z.object({ name: z.string() }).strict().openapi({ description: "A new series of this name." }),
  z.null().openapi({ description: "In no series." }),
]);

const workDetailsInput = {
  title: z.string(),
  rating: z.enum(RATINGS),
  warnings: z.array(z.enum(ARCHIVE_WARNINGS)).max(ARCHIVE_WARNINGS.length),
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).default([]),
  fandoms: nameList,
  relationships: nameList.default([]),
  characters: nameList.default([]),
  freeforms: nameList.default([]),
  coAuthors: nameList.default([]).openapi({ description: "Pseuds of other accounts to invite as co-authors." }),
  gifts: nameList.default([]),
  summary: z.string().default(""),
  notes: z.string().default(""),
  endNotes: z.string().default(""),
  language: z.string().regex(/^[a-z]{2,3}$/u).default("en"),
  series: seriesChoice.default(null),
  seriesPart: z.number().int().min(1).max(10_000).nullable().default(null),
  visibility: z.enum(WORK_VISIBILITIES).default("public").openapi({ description: "public; restricted (signed-in users only); draft (only its creators)." }),
  commentPolicy: z.enum(COMMENT_POLICIES).default("open"),
  moderateComments: z.boolean().default(false),
  complete: z.boolean().default(true),
  expectedChapters: z.number().int().min(1).max(10_000).nullable().default(null),
};

export const NewWorkInput = z.object({
  ...workDetailsInput,
  pseudId: id.nullable().default(null).openapi({ description: "Which of the caller's pseuds posts it; null: their default." }),
  chapters: z.array(ChapterInput).min(1).max(500),
}).strict().openapi("NewWorkInput");

/** An edit: only the fields given change (chapters have their own routes). */
export const WorkUpdateInput = z.object({
  title: workDetailsInput.title,
  rating: workDetailsInput.rating,
  warnings: workDetailsInput.warnings,
  categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length),
  fandoms: nameList,
  relationships: nameList,
  characters: nameList,
  freeforms: nameList,
  coAuthors: nameList,
  gifts: nameList,
  summary: z.string(),
  notes: z.string(),
  endNotes: z.string(),
  language: z.string().regex(/^[a-z]{2,3}$/u),
  series: seriesChoice,
  seriesPart: z.number().int().min(1).max(10_000).nullable(),
  visibility: z.enum(WORK_VISIBILITIES),
  commentPolicy: z.enum(COMMENT_POLICIES),
  moderateComments: z.boolean(),
  complete: z.boolean(),
  expectedChapters: z.number().int().min(1).max(10_000).nullable(),
}).partial().strict().openapi("WorkUpdateInput");

export const CommentInput = z.object({
  text: z.string().max(100_000).openapi({ description: "Plain text with line breaks, or the simple HTML comments allow." }),
  chapter: z.number().int().positive().optional().openapi({ description: "The chapter's position; left out: a comment on the whole work." }),
}).strict().openapi("CommentInput");

export const CommentCreated = z.object({ id, status: z.enum(["published", "pending"]), url: z.string() }).openapi("CommentCreated");

export const BookmarkInput = z.object({
  notes: z.string().max(100_000).default(""),
  tags: z.array(z.string().max(1000)).max(1000).default([]),
  private: z.boolean().default(false),
  rec: z.boolean().default(false),
}).strict().openapi("BookmarkInput");

export const BookmarkSaved = z.object({ id, workId: id }).openapi("BookmarkSaved");

export const KudosResult = z.object({ workId: id, added: z.boolean().openapi({ description: "False when the caller had left kudos already." }), kudos: z.number().int() }).openapi("KudosResult");

export const ChapterCreated = z.object({ workId: id, position: z.number().int(), url: z.string() }).openapi("ChapterCreated");
