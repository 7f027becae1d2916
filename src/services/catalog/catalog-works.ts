/**
 * Works for the catalog's acquisition feeds and the Atom feeds, as a reader may see them: through the archive's
 * search (which applies the audience and the library's mutes), with the reader's hidden tags excluded, and with
 * when each work last changed, which an entry's `updated` needs and a blurb does not carry.
 */
import { findSeriesWorkIds, readWorkChanges } from "../../db/repositories/catalog.js";
import { loadWorkBlurbs } from "../../db/search-index.js";
import { NotFoundError } from "../../domain/errors.js";
import type { WorkBlurb } from "../../search/search-index.js";
import type { WorkSearch } from "../../search/work-search.js";
import type { ArchiveSearch } from "../archive/archive-search.js";
import type { SearchDeps } from "../search-works.js";
import { hiddenFilterIds, hiddenTags, type CatalogReader } from "./catalog-reader.js";

export type CatalogDeps = SearchDeps & { search: ArchiveSearch };

export interface ChangedWork {
  work: WorkBlurb;
  /** `works.updated_at`: an ISO timestamp. */
  changed: string;
}

export interface WorksPage {
  total: number;
  works: ChangedWork[];
}

async function withChanges(deps: CatalogDeps, works: readonly WorkBlurb[]): Promise<ChangedWork[]> {
  const changes = await readWorkChanges(deps.db, works.map((w) => w.id));
  return works.map((work) => ({ work, changed: changes.get(work.id) ?? new Date(0).toISOString() }));
}

/** One page of the search's works, for the reader. The search's own audience is replaced by the reader's. */
export async function readCatalogWorks(deps: CatalogDeps, reader: CatalogReader, search: WorkSearch): Promise<WorksPage> {
  const result = await deps.search({ ...search, excludeTags: [...search.excludeTags, ...hiddenTags(reader)], audience: reader.audience });
  return { total: result.total, works: await withChanges(deps, result.works) };
}

/**
 * One page of a series' works in order, for the reader.
 * @throws NotFoundError when there is no such series, or the reader is shown none of its works.
 */
export async function readSeriesWorks(deps: CatalogDeps, reader: CatalogReader, seriesId: number, page: number, perPage: number): Promise<WorksPage & { name: string }> {
  const series = await findSeriesWorkIds(deps.db, seriesId, reader.audience, await hiddenFilterIds(deps.db, reader));
  if (!series || series.workIds.length === 0) throw new NotFoundError(`Series ${seriesId}`);
  const works = await loadWorkBlurbs(deps.db, series.workIds.slice((page - 1) * perPage, page * perPage));
  return { name: series.name, total: series.workIds.length, works: await withChanges(deps, works) };
}
