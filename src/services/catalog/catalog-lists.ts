/**
 * The catalog's navigation: fandoms and tags of each type (the search's facets, counted over every work the
 * reader is shown), authors and series with their counts, and the time the reader's catalog last changed.
 */
import { listCountedAuthors, listCountedSeries, readLatestChange, type CountedName, type CountedPage, type CountedSeries } from "../../db/repositories/catalog.js";
import type { SearchFacets } from "../../search/search-index.js";
import { emptyWorkSearch } from "../../search/work-search.js";
import { hiddenFilterIds, hiddenTags, type CatalogReader } from "./catalog-reader.js";
import type { CatalogDeps } from "./catalog-works.js";

/** Every tag of every type on the works the reader is shown, each with how many; most frequent first. */
export async function readCatalogFacets(deps: CatalogDeps, reader: CatalogReader): Promise<SearchFacets> {
  const result = await deps.search({ ...emptyWorkSearch(), excludeTags: hiddenTags(reader), perPage: 1, audience: reader.audience });
  return result.facets;
}

/** One page of the authors of works the reader is shown, by name. */
export async function listCatalogAuthors(deps: CatalogDeps, reader: CatalogReader, page: number, perPage: number): Promise<CountedPage<CountedName>> {
  return listCountedAuthors(deps.db, reader.audience, await hiddenFilterIds(deps.db, reader), perPage, (page - 1) * perPage);
}

/** One page of the series holding works the reader is shown, by name. */
export async function listCatalogSeries(deps: CatalogDeps, reader: CatalogReader, page: number, perPage: number): Promise<CountedPage<CountedSeries>> {
  return listCountedSeries(deps.db, reader.audience, await hiddenFilterIds(deps.db, reader), perPage, (page - 1) * perPage);
}

/** When a work the reader is shown last changed (an ISO timestamp); the epoch for an empty catalog. */
export async function readCatalogUpdated(deps: CatalogDeps, reader: CatalogReader): Promise<string> {
  return (await readLatestChange(deps.db, reader.audience, await hiddenFilterIds(deps.db, reader))) ?? new Date(0).toISOString();
}
