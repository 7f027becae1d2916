/**
 * A work as every download format writes it: the preface (tags by type, stats, summary, notes), its chapters with
 * their notes, and where it came from. The export service builds one for a viewer; the writers (EPUB, HTML, plain
 * text, Markdown) turn it into bytes and know nothing of the store.
 */
import type { SafeHtml } from "../../domain/safe-html.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import type { WorkStatus } from "../../domain/work.js";

export interface ExportedSeriesPart {
  name: string;
  /** 1-based position of the work in the series. */
  part: number;
  /** The series page on the archive, absolute. */
  url: string;
}

export interface ExportedChapter {
  /** 1-based position in the book. */
  position: number;
  title: string | null;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  /** The chapter as the archive stores it: sanitized HTML. */
  html: SafeHtml;
  /** The same as plain text: paragraphs parted by a blank line, each scene break the paragraph `* * *`. */
  text: string;
  /** In a book of several works (a series), the first chapter of each work carries that work's preface. */
  opensWork?: ExportedPreface;
}

/** Everything about a work but its chapters. Summaries and notes are plain text (a blank line parts paragraphs). */
export interface ExportedPreface {
  id: number;
  title: string;
  authors: string[];
  tags: Record<TagType, string[]>;
  /** ISO 639-1 code. */
  language: string;
  status: WorkStatus;
  /** YYYY-MM-DD, or null when not known. */
  published: string | null;
  updated: string | null;
  wordCount: number;
  chapterCount: number;
  /** The chapters a work in progress is expected to have; null: not said. */
  expectedChapters: number | null;
  series: ExportedSeriesPart[];
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  /** The names the work is a gift for. */
  gifts: string[];
  /** The work's page on the archive, absolute: what dc:source and the preface name. */
  sourceUrl: string;
}

export interface ExportedWork extends ExportedPreface {
  /** The archive's name, as the publisher. */
  archiveName: string;
  /** The archive's address (origin), for links to its tag and author pages. */
  archiveUrl: string;
  /** When the archive last changed the work (ISO timestamp): dcterms:modified, and the zip's file dates. */
  changedAt: string;
  chapters: ExportedChapter[];
  /** A book made of several works (a series): each work's preface opens its first chapter. */
  collection: boolean;
}
