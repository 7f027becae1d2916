/**
 * A synthetic work: the truth about one story (its metadata and text) and how its file is laid out. The renderers
 * turn it into bytes; the manifest is read from it. The rule that ties them together: a renderer states every
 * value here that differs from the importer's default, and states nothing that contradicts it. So the manifest
 * is what a correct reading of the file gives.
 */
import type { Category } from "../domain/categories.js";
import type { Rating } from "../domain/rating.js";
import type { ArchiveWarning } from "../domain/warnings.js";
import type { SeriesMembership, WorkStatus } from "../domain/work.js";
import type { Typography } from "./prose.js";

/** The four formats the importer reads. */
export type CorpusFormat = "text" | "markdown" | "html" | "epub";

/** How a file is laid out, within its format. */
export type Layout = "text" | "markdown" | "html-personal" | "html-ao3" | "epub2" | "epub3";

/** How a text file's characters are stored. EPUBs are zips of UTF-8 documents. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "windows-1252" | "utf-16le-bom";

/** One chapter of a synthetic work. */
export interface SyntheticChapter {
  /** The chapter's own title, or null for a chapter known by its number. */
  title: string | null;
  /** Story paragraphs; `SCENE_BREAK` ("") marks a scene break. */
  paragraphs: readonly string[];
  /** An author's note before the story text, without its label. */
  notes: string | null;
  /** An author's note after the story text, without its label. */
  endNotes: string | null;
  /** As the Archive counts the words of `paragraphs`. */
  wordCount: number;
}

/** The truth about one synthetic work, which its file states and its manifest entry repeats. */
export interface SyntheticWork {
  title: string;
  authors: readonly string[];
  fandoms: readonly string[];
  /** "Not Rated" when the file states no rating (or states "Not Rated"). */
  rating: Rating;
  /** Never empty: the default warning stands for "none stated", and a file may leave it out. */
  warnings: readonly ArchiveWarning[];
  /** In the Archive's order; empty when the file states none. */
  categories: readonly Category[];
  relationships: readonly string[];
  characters: readonly string[];
  /** Genres first (in the order a `Genre:` line would list them), then the other tags. */
  freeforms: readonly string[];
  summary: string | null;
  /** "unknown" when the file says nothing about it. */
  status: WorkStatus;
  series: SeriesMembership | null;
  /** YYYY-MM-DD */
  published: string;
  chapters: readonly SyntheticChapter[];
  wordCount: number;
  typography: Typography;
  /** A made-up Archive work id, for the links an Archive download carries. */
  archiveId: number;
}

/** How the work's file is written. */
export interface FileLayout {
  layout: Layout;
  encoding: TextEncoding;
  /** Windows line ends (CR LF) rather than LF. */
  crlf: boolean;
}

/** The format the importer detects for a layout. */
export function formatOfLayout(layout: Layout): CorpusFormat {
  switch (layout) {
    case "text":
      return "text";
    case "markdown":
      return "markdown";
    case "html-personal":
    case "html-ao3":
      return "html";
    case "epub2":
    case "epub3":
      return "epub";
  }
}
