/** The library's read models as the API shows them: the shapes schemas.ts declares, with links to the site. */
import type { z } from "@hono/zod-openapi";
import type { ExportFormat } from "../../formats/export/file-name.js";
import { isRating } from "../../domain/rating.js";
import type { WorkBlurb } from "../../search/search-index.js";
import type { ReadableWork, WorkChapter } from "../../services/archive/read-work.js";
import type { SeriesReading } from "../../services/archive/read-series.js";
import { seriesDownloadPath, workCoverPath, workDownloadPath } from "../download-paths.js";
import type { Chapter, SeriesDetail, WorkDetail, WorkSummary } from "./schemas.js";

export function workUrl(workId: number): string {
  return `/works/${workId}`;
}

export function chapterUrl(workId: number, position: number): string {
  return `/works/${workId}/chapters/${position}`;
}

/** A link for each of EXPORT_FORMATS (the record's type makes a format added there a compile error here). */
function downloadsOf(path: (format: ExportFormat) => string): Record<ExportFormat, string> {
  return { epub: path("epub"), html: path("html"), txt: path("txt"), md: path("md") };
}

export function toWorkSummary(work: WorkBlurb): z.infer<typeof WorkSummary> {
  return {
    id: work.id, url: workUrl(work.id), title: work.title, authors: work.authors, rating: work.rating, warnings: work.warnings, categories: work.categories,
    fandoms: work.fandoms, relationships: work.relationships, characters: work.characters, freeforms: work.freeforms, summary: work.summary,
    language: work.language, words: work.wordCount, chapters: work.chapters, expectedChapters: work.expectedChapters, status: work.status,
    published: work.published, updated: work.updated, series: work.series,
  };
}

export function toWorkDetail(work: ReadableWork): z.infer<typeof WorkDetail> {
  const { tags } = work;
  return {
    id: work.id, url: workUrl(work.id), title: work.title, authors: work.authors, rating: tags.Rating.find(isRating) ?? "Not Rated",
    warnings: tags.ArchiveWarning, categories: tags.Category, fandoms: tags.Fandom, relationships: tags.Relationship, characters: tags.Character,
    freeforms: tags.Freeform, summary: work.summary, notes: work.notes, endNotes: work.endNotes, language: work.language, words: work.wordCount,
    chapters: work.chapterCount, expectedChapters: work.expectedChapters, status: work.status, published: work.published, updated: work.updated,
    visibility: work.access.visibility, hiddenByModerator: work.access.hiddenByModerator, gifts: work.gifts,
    stats: { kudos: work.kudos, hits: work.hits, comments: work.comments, bookmarks: work.bookmarks },
    series: work.series,
    chapterOutline: work.chapters.map((ch) => ({ position: ch.position, title: ch.title, url: chapterUrl(work.id, ch.position) })),
    downloads: downloadsOf((format) => workDownloadPath(work.id, work.title, format)),
    cover: workCoverPath(work.id),
  };
}

export function toChapter(workId: number, chapter: WorkChapter): z.infer<typeof Chapter> {
  return {
    position: chapter.position, title: chapter.title, summary: chapter.summary, notes: chapter.notes, endNotes: chapter.endNotes,
    words: chapter.wordCount, html: chapter.html, url: chapterUrl(workId, chapter.position),
  };
}

export function toSeriesDetail(series: SeriesReading): z.infer<typeof SeriesDetail> {
  return {
    id: series.id, url: `/series/${series.id}`, name: series.name, summary: series.summary, notes: series.notes, words: series.wordCount,
    authors: series.authors, fandoms: series.fandoms, works: series.works.map(toWorkSummary),
    downloads: downloadsOf((format) => seriesDownloadPath(series.id, series.name, format)),
  };
}
