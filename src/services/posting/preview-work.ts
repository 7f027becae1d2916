/**
 * The work as readers will see it, from the form, without storing anything: the same checks as posting, then the
 * preface, the tags as the library spells them and each chapter as the HTML it would be stored as.
 */
import type { Kysely } from "kysely";
import { emptyTagsByType, findWorkChapters, type WorkChapter, type WorkPreface } from "../../db/repositories/work-pages.js";
import { findSeriesById, listSeriesParts } from "../../db/repositories/user-series.js";
import type { Database } from "../../db/schema.js";
import type { Viewer, WorkVisibility } from "../../domain/account.js";
import { workTags } from "../../domain/tags/work-tags.js";
import { storyDate } from "./deps.js";
import { requirePoster } from "./posting-access.js";
import { checkEdit, checkNewWork, formToParsedWork } from "./post-work.js";
import type { SeriesTarget } from "./resolve-form.js";
import type { WorkForm } from "./work-form.js";

export interface WorkPreview {
  preface: WorkPreface;
  chapters: WorkChapter[];
  visibility: WorkVisibility;
}

/** @throws as requirePoster and checkNewWork. */
export async function previewNewWork(db: Kysely<Database>, viewer: Viewer, form: WorkForm, now: Date): Promise<WorkPreview> {
  const poster = requirePoster(viewer);
  const checked = await checkNewWork(db, poster, form);
  const chapters: WorkChapter[] = checked.contents.map((c, i) => ({
    position: i + 1, title: c.title, summary: c.summary, notes: c.notes, endNotes: c.endNotes, wordCount: c.wordCount, html: c.html,
  }));
  return preview(db, { workId: 0, form: checked.form, authors: [checked.author.name], chapters, series: checked.series, now });
}

/** An edit's preview: its details as changed, its chapters as they are. @throws as checkEdit. */
export async function previewEdit(db: Kysely<Database>, viewer: Viewer, workId: number, form: WorkForm, now: Date): Promise<WorkPreview> {
  const checked = await checkEdit(db, viewer, workId, form);
  const chapters = await findWorkChapters(db, workId, null);
  return preview(db, { workId, form: checked.form, authors: checked.current.authors, chapters, series: checked.series, now });
}

async function preview(
  db: Kysely<Database>,
  input: { workId: number; form: WorkForm; authors: string[]; chapters: WorkChapter[]; series: SeriesTarget; now: Date },
): Promise<WorkPreview> {
  const { workId, form, authors, chapters, now } = input;
  const today = storyDate(now);
  const work = formToParsedWork(form, authors, [], today);
  const tags = emptyTagsByType();
  for (const tag of workTags(work)) tags[tag.type].push(tag.name);
  const wordCount = chapters.reduce((n, c) => n + c.wordCount, 0);
  return {
    preface: {
      id: workId, title: work.title ?? "", authors, tags, summary: work.summary, notes: work.notes, endNotes: work.endNotes, language: work.language,
      status: work.status, wordCount, chapterCount: chapters.length, expectedChapters: form.complete ? null : form.expectedChapters, published: today, updated: today, kudos: 0, hits: 0, comments: 0, bookmarks: 0,
      series: await seriesPart(db, workId, input.series, form.seriesPart), changedAt: now.toISOString(),
      chapters: chapters.map((c) => ({ position: c.position, title: c.title })),
      gifts: form.gifts,
    },
    chapters,
    visibility: form.visibility,
  };
}

/** The part the work would have in the series the form chose. */
async function seriesPart(db: Kysely<Database>, workId: number, target: SeriesTarget, part: number | null): Promise<WorkPreface["series"]> {
  if (target.kind === "none") return [];
  if (target.kind === "new") return [{ id: 0, name: target.name, part: part ?? 1, previous: null, next: null }];
  const [series, parts] = await Promise.all([findSeriesById(db, target.seriesId), listSeriesParts(db, target.seriesId)]);
  const current = parts.find((p) => p.workId === workId)?.part;
  const next = parts.reduce((max, p) => Math.max(max, p.part), 0) + 1;
  return [{ id: target.seriesId, name: series?.name ?? "", part: part ?? current ?? next, previous: null, next: null }];
}
