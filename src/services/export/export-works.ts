/**
 * Works as the download formats take them (formats/export/exported-work.ts), read for a viewer through the same
 * gate as the pages (readWorkPreface): one work, a series as one book of its readable parts in order, or a list
 * of works for a bundle. The archive's owner (the command line) reads every work.
 */
import type { Kysely } from "kysely";
import { findChaptersForExport, listAllWorkTitles } from "../../db/repositories/export-chapters.js";
import { findWorkTitles, type WorkTitle } from "../../db/repositories/moderation-targets.js";
import { findWorkPreface, type WorkPreface } from "../../db/repositories/work-pages.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError } from "../../domain/errors.js";
import type { ExportedPreface, ExportedWork } from "../../formats/export/exported-work.js";
import { seriesBook } from "../../formats/export/series-book.js";
import { readAudience } from "../accounts/audience.js";
import { readSeries, type SeriesReading } from "../archive/read-series.js";
import { OWNER_AUDIENCE, readWorkPreface } from "../archive/read-work.js";

/** The archive as its downloads name it. */
export interface ExportSite {
  /** The address readers reach the archive at (`https://archive.example`): links in the books are absolute. */
  origin: string;
  /** The publisher the books name. */
  archiveName: string;
}

/** The name the archive goes by in its downloads (the pages' header says the same). */
export const ARCHIVE_NAME = "Quire";

function workUrl(site: ExportSite, workId: number): string {
  return new URL(`/works/${workId}`, site.origin).href;
}

function seriesUrl(site: ExportSite, seriesId: number): string {
  return new URL(`/series/${seriesId}`, site.origin).href;
}

/** What a download states of the work, besides its chapters. */
export function exportedPreface(preface: WorkPreface, site: ExportSite): ExportedPreface {
  return {
    id: preface.id,
    title: preface.title,
    authors: preface.authors,
    tags: preface.tags,
    language: preface.language,
    status: preface.status,
    published: preface.published,
    updated: preface.updated,
    wordCount: preface.wordCount,
    chapterCount: preface.chapterCount,
    expectedChapters: preface.expectedChapters,
    series: preface.series.map((s) => ({ name: s.name, part: s.part, url: seriesUrl(site, s.id) })),
    summary: preface.summary,
    notes: preface.notes,
    endNotes: preface.endNotes,
    gifts: preface.gifts,
    sourceUrl: workUrl(site, preface.id),
  };
}

/** A work whose preface was read (through the gate, or as the owner), with its chapters. */
export async function exportReadWork(db: Kysely<Database>, preface: WorkPreface, site: ExportSite): Promise<ExportedWork> {
  const chapters = await findChaptersForExport(db, preface.id);
  return {
    ...exportedPreface(preface, site),
    archiveName: site.archiveName,
    archiveUrl: new URL("/", site.origin).href,
    changedAt: preface.changedAt,
    collection: false,
    chapters: chapters.map(({ wordCount: _words, ...chapter }) => chapter),
  };
}

/**
 * One work, if the viewer may read it.
 * @throws NotFoundError, SignInRequiredError (see requireReadableWork)
 */
export async function exportWork(db: Kysely<Database>, workId: number, viewer: Viewer, site: ExportSite): Promise<ExportedWork> {
  return exportReadWork(db, await readWorkPreface(db, workId, viewer), site);
}

/** One work as the archive's owner reads it (the command line). @throws NotFoundError when there is no such work. */
export async function exportWorkAsOwner(db: Kysely<Database>, workId: number, site: ExportSite): Promise<ExportedWork> {
  const preface = await findWorkPreface(db, workId, OWNER_AUDIENCE);
  if (!preface) throw new NotFoundError(`Work ${workId}`);
  return exportReadWork(db, preface, site);
}

/** Ids a query names at most, well under either engine's limit on parameters. */
const TITLES_PER_QUERY = 1000;

/**
 * The works the owner exports, with their titles (file names are chosen before any work is written): every work,
 * or those asked for in the order asked. @throws NotFoundError for the first id that is no work.
 */
export async function readWorksForExport(db: Kysely<Database>, which: "all" | readonly number[]): Promise<WorkTitle[]> {
  if (which === "all") return listAllWorkTitles(db);
  const titles = new Map<number, string>();
  for (let start = 0; start < which.length; start += TITLES_PER_QUERY) {
    for (const { id, title } of await findWorkTitles(db, which.slice(start, start + TITLES_PER_QUERY))) titles.set(id, title);
  }
  return which.map((id) => {
    const title = titles.get(id);
    if (title === undefined) throw new NotFoundError(`Work ${id}`);
    return { id, title };
  });
}

/**
 * A series as one book: its parts the viewer may read, in order, each work's preface opening its first chapter,
 * the chapters numbered through the book. The book's tags are all its parts' tags.
 * @throws NotFoundError when there is no such series or the viewer may read none of its works.
 */
export async function exportSeries(db: Kysely<Database>, seriesId: number, viewer: Viewer, site: ExportSite): Promise<ExportedWork> {
  return exportReadSeries(db, await readSeries(db, seriesId, await readAudience(db, viewer)), viewer, site);
}

/**
 * A series already read for the viewer (or narrowed further, as the static site narrows it to the works it
 * holds) as one book of the works it lists.
 * @throws NotFoundError when it lists no work.
 */
export async function exportReadSeries(db: Kysely<Database>, series: SeriesReading, viewer: Viewer, site: ExportSite): Promise<ExportedWork> {
  if (series.works.length === 0) throw new NotFoundError(`Series ${series.id}`);
  const parts: ExportedWork[] = [];
  for (const blurb of series.works) parts.push(await exportWork(db, blurb.id, viewer, site));
  return seriesBook({ id: series.id, name: series.name, summary: series.summary, notes: series.notes, url: seriesUrl(site, series.id) }, parts);
}
