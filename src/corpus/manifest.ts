/**
 * The manifest: for each generated file, the truth about it — what a correct reading of the file gives, in the
 * vocabulary `quire parse` uses — so that import accuracy can be measured against it.
 */
import type { ParsedWork, SeriesMembership } from "../domain/work.js";
import type { CorpusFormat, SyntheticWork } from "./synthetic-work.js";

/** What the importer should make of a file. */
export type Expectation = "work" | "duplicate" | "failed";

/**
 * One line of `manifest.jsonl`. For a failed file the metadata fields are empty (`title` ""), as there is no work
 * to describe.
 */
export interface ManifestEntry
  extends Pick<ParsedWork, "authors" | "fandoms" | "rating" | "warnings" | "categories" | "relationships" | "characters" | "freeforms" | "summary" | "status" | "wordCount"> {
  /** The file's path relative to the corpus folder, with `/` separators. */
  file: string;
  /** The format the file is in (for a broken file, the format its name claims). */
  format: CorpusFormat;
  /** "utf-8", "utf-8-bom", "windows-1252", "utf-16le-bom"; "zip" for EPUBs; "binary" for broken files that are not text. */
  encoding: string;
  expect: Expectation;
  /** For a duplicate: the earlier file with the same story. */
  duplicateOf: string | null;
  title: string;
  language: "en";
  chapters: number;
  series: SeriesMembership | null;
}

/** The manifest entry of a file that holds `work`. */
export function manifestEntryOf(work: SyntheticWork, file: string, format: CorpusFormat, encoding: string): ManifestEntry {
  return {
    file,
    format,
    encoding,
    expect: "work",
    duplicateOf: null,
    title: work.title,
    authors: [...work.authors],
    fandoms: [...work.fandoms],
    rating: work.rating,
    warnings: [...work.warnings],
    categories: [...work.categories],
    relationships: [...work.relationships],
    characters: [...work.characters],
    freeforms: [...work.freeforms],
    summary: work.summary,
    language: "en",
    status: work.status,
    chapters: work.chapters.length,
    wordCount: work.wordCount,
    series: work.series ? { ...work.series } : null,
  };
}

/** The manifest entry of a file that is no story at all. */
export function failedManifestEntry(file: string, format: CorpusFormat, encoding: string): ManifestEntry {
  return {
    file, format, encoding, expect: "failed", duplicateOf: null, title: "", authors: [], fandoms: [], rating: "Not Rated",
    warnings: [], categories: [], relationships: [], characters: [], freeforms: [], summary: null, language: "en",
    status: "unknown", chapters: 0, wordCount: 0, series: null,
  };
}
