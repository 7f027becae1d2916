/**
 * A series as one book (the Archive has none): its works in order, each work's preface opening its first chapter,
 * the chapters numbered through the book, the book's tags all its parts' tags, its dates the first publication
 * and the last update.
 */
import { TAG_TYPES, type TagType } from "../../domain/tags/tag-type.js";
import type { ExportedWork } from "./exported-work.js";

export interface SeriesAsBook {
  id: number;
  name: string;
  summary: string | null;
  notes: string | null;
  /** The series page on the archive, absolute. */
  url: string;
}

/** @param parts the works of the series the reader may read, in order (at least one). */
export function seriesBook(series: SeriesAsBook, parts: readonly ExportedWork[]): ExportedWork {
  const [first] = parts;
  if (!first) throw new RangeError("a series book needs at least one work");
  const chapters = parts.flatMap(({ chapters: own, archiveName: _name, archiveUrl: _url, changedAt: _changed, collection: _collection, ...preface }) =>
    own.map((chapter, i) => ({ ...chapter, ...(i === 0 ? { opensWork: preface } : {}) })),
  ).map((chapter, i) => ({ ...chapter, position: i + 1 }));
  const tags: Record<TagType, string[]> = { Rating: [], ArchiveWarning: [], Category: [], Fandom: [], Relationship: [], Character: [], Freeform: [] };
  for (const type of TAG_TYPES) tags[type] = [...new Set(parts.flatMap((p) => p.tags[type]))];
  const dates = (pick: (w: ExportedWork) => string | null) => parts.map(pick).filter((d): d is string => d !== null).sort();
  return {
    id: series.id,
    title: series.name,
    authors: [...new Set(parts.flatMap((p) => p.authors))],
    tags,
    language: first.language,
    status: parts.every((p) => p.status === "complete") ? "complete" : "in-progress",
    published: dates((p) => p.published)[0] ?? null,
    updated: dates((p) => p.updated).at(-1) ?? null,
    wordCount: parts.reduce((n, p) => n + p.wordCount, 0),
    chapterCount: chapters.length,
    expectedChapters: null,
    series: [],
    summary: series.summary,
    notes: series.notes,
    endNotes: null,
    gifts: [],
    sourceUrl: series.url,
    archiveName: first.archiveName,
    archiveUrl: first.archiveUrl,
    changedAt: parts.map((p) => p.changedAt).sort().at(-1) ?? first.changedAt,
    collection: true,
    chapters,
  };
}
