/**
 * The static site's search index: one JSON document per work a guest may read, holding what the search page
 * matches words against (title, authors, fandoms, tags, summary) and filters and sorts by. The browser builds its
 * full-text index from these (src/web/static/site-search.js), so the file stays plain data that any tool can read.
 */
import type { WorkBlurb } from "../../search/search-index.js";
import { chapterCount, languageName } from "../views/format.js";
import { sitePaths } from "./site-paths.js";

export interface SearchDocument {
  id: number;
  /** The work's page, from the site's root. */
  url: string;
  title: string;
  /** Each author's name and page. */
  authors: [string, string][];
  /** Each fandom's name and page. */
  fandoms: [string, string][];
  rating: string;
  warnings: string[];
  categories: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  /**
   * Every tag name that finds the work on the site, as a tag's page lists it: its own tags, their canonical tags
   * and the meta tags above them, so a filter by a canonical name finds works tagged with its synonyms.
   */
  tags: string[];
  summary: string;
  language: string;
  languageName: string;
  status: WorkBlurb["status"];
  words: number;
  /** "3/3", "2/?" */
  chapters: string;
  published: string;
  updated: string;
}

export interface SearchIndexFile {
  /** Bumped when the documents change shape, so a page never reads an index it does not understand. */
  version: 1;
  works: SearchDocument[];
}

/** @param tagsByWork the tag names each work is found under (the site's tag pages, by work id). */
export function searchDocuments(works: readonly WorkBlurb[], tagsByWork: ReadonlyMap<number, readonly string[]>): SearchIndexFile {
  return {
    version: 1,
    works: works.map((w) => ({
      id: w.id,
      url: sitePaths.work(w.id),
      title: w.title,
      authors: w.authors.map((name): [string, string] => [name, sitePaths.author(name)]),
      fandoms: w.fandoms.map((name): [string, string] => [name, sitePaths.tag(name)]),
      rating: w.rating,
      warnings: w.warnings,
      categories: w.categories,
      relationships: w.relationships,
      characters: w.characters,
      freeforms: w.freeforms,
      tags: [...new Set([w.rating, ...w.warnings, ...w.categories, ...w.fandoms, ...w.relationships, ...w.characters, ...w.freeforms, ...(tagsByWork.get(w.id) ?? [])])].sort(),
      summary: w.summary ?? "",
      language: w.language,
      languageName: languageName(w.language),
      status: w.status,
      words: w.wordCount,
      chapters: chapterCount(w.chapters, w.status, w.expectedChapters),
      published: w.published ?? "",
      updated: w.updated ?? w.published ?? "",
    })),
  };
}
