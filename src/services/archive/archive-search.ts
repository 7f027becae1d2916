/**
 * Search as the archive's pages run it. A search of the whole library — the home page, the fandom index, the
 * stats, an unfiltered listing — counts every filter of every work, which grows with the library, while its answer
 * changes only when the library does. Those searches are kept, and
 * reused for as long as the library's change stamp stays the same; two requests that miss at once share one
 * search. Every other search runs each time.
 */
import type { Audience } from "../../domain/account.js";
import { readLibraryStamp } from "../../db/repositories/library-stamp.js";
import type { SearchResult } from "../../search/search-index.js";
import { emptyWorkSearch, type TagRef, type WorkSearch } from "../../search/work-search.js";
import { searchWorks, type SearchDeps } from "../search-works.js";

export type ArchiveSearch = (query: WorkSearch) => Promise<SearchResult>;

/** Whole-library searches kept at once: a few pages of a few sorts, per set of muted tags. */
const KEPT = 32;

/** Recently updated works the overview holds: what the home page lists. */
const OVERVIEW_WORKS = 10;

/**
 * The whole library in one search — the latest works and every facet — which the home page, the fandom index and
 * the stats all read, so that it is counted once for the three of them.
 * @param hidden tags the reader muted.
 */
export function libraryOverview(hidden: readonly TagRef[], audience: Audience): WorkSearch {
  return { ...emptyWorkSearch(), excludeTags: [...hidden], perPage: OVERVIEW_WORKS, audience };
}

/** True when the search selects every work but those with excluded (muted) tags, or by muted users. */
export function searchesWholeLibrary(query: WorkSearch): boolean {
  return query.text === null && query.includeTags.length === 0 && query.crossover === "include" && query.completion === "any" && !query.singleChapter
    && Object.keys(query.stats).length === 0 && query.published === null && query.updated === null && query.languages.length === 0
    && query.authors.length === 0 && query.series === null;
}

export function createArchiveSearch(deps: SearchDeps): ArchiveSearch {
  let stamp: string | null = null;
  const kept = new Map<string, Promise<SearchResult>>();
  return async (query) => {
    if (!searchesWholeLibrary(query)) return searchWorks(deps, query);
    const current = await readLibraryStamp(deps.db);
    if (current !== stamp) {
      kept.clear();
      stamp = current;
    }
    const key = JSON.stringify(query);
    const found = kept.get(key);
    if (found) return found;
    const searching = searchWorks(deps, query);
    kept.set(key, searching);
    // A failed search is not kept; the oldest entry goes when the map is full.
    searching.catch(() => {
      if (kept.get(key) === searching) kept.delete(key);
    });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value ?? key);
    return searching;
  };
}
