/**
 * The structured work the importer produces from one story file: the shape `quire parse --json` prints.
 * Field names and vocabularies follow the Archive of Our Own's (see docs/importer.md).
 */
import type { Rating } from "./rating.js";
import type { ArchiveWarning } from "./warnings.js";
import type { Category } from "./categories.js";
import type { SafeHtml } from "./safe-html.js";

export type WorkStatus = "complete" | "in-progress" | "unknown";

export interface SeriesMembership {
  name: string;
  part: number | null;
}

export interface ParsedChapter {
  number: number;
  title: string | null;
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  wordCount: number;
  /** Plain text: paragraphs separated by one blank line, each scene break the paragraph `* * *`. */
  text: string;
  /** The same chapter as sanitized HTML. */
  html: SafeHtml;
}

/** Where a field's value came from; see docs/importer.md, "Provenance". */
export type ProvenanceSource = "header" | "byline" | "structured" | "inferred" | "default";

export interface FieldProvenance {
  source: ProvenanceSource;
  /** The text the value was read from (e-mail addresses removed). */
  evidence: string;
  /** 0 to 1: how sure the importer is of the value. */
  confidence: number;
}

/** A tag or rating the importer inferred from the text rather than read from the file. */
export interface InferredValue {
  field: "fandoms" | "characters" | "relationships" | "categories" | "rating";
  value: string;
  /** 0 to 1. */
  confidence: number;
  /** What it was inferred from: "named Spike ×57, William ×3". */
  evidence: string;
}

export interface ParsedWork {
  title: string | null;
  authors: string[];
  fandoms: string[];
  rating: Rating;
  ratingRaw: string | null;
  warnings: ArchiveWarning[];
  categories: Category[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  disclaimer: string | null;
  /** ISO 639-1 code. */
  language: string;
  status: WorkStatus;
  /** YYYY-MM-DD */
  published: string | null;
  /** YYYY-MM-DD */
  updated: string | null;
  statedWordCount: number | null;
  wordCount: number;
  series: SeriesMembership[];
  collections: string[];
  sourceUrl: string | null;
  chapters: ParsedChapter[];
  provenance: Partial<Record<WorkField, FieldProvenance>>;
  /** Header fields with no field of their own, under their label as written. */
  extra: Record<string, string>;
  /** Each value the tagger added from the text, with its confidence and evidence (empty before tagging). */
  inferred: InferredValue[];
}

export type WorkField = Exclude<keyof ParsedWork, "chapters" | "provenance" | "extra" | "wordCount" | "ratingRaw" | "inferred">;
