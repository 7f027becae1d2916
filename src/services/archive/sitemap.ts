/**
 * The archive for search engines: only what a guest may read — public works, the fandoms they are in, the series
 * holding them — never a restricted work, a draft or a hidden one, nor a work the library muted.
 */
import { listMutedTags } from "../../db/repositories/muted-tags.js";
import { listPublicSeries, listPublicWorks } from "../../db/repositories/sitemap.js";
import { resolveFilterTags } from "../../db/repositories/tags.js";
import { GUEST_AUDIENCE } from "../../domain/account.js";
import type { SearchDeps } from "../search-works.js";
import { libraryOverview, type ArchiveSearch } from "./archive-search.js";

export interface SitemapContents {
  /** Most recently changed first; `changed` is `YYYY-MM-DD`. */
  works: { id: number; changed: string }[];
  fandoms: string[];
  series: number[];
}

/** At most `limit` addresses in all: fandoms and series first (few, and each leads to many works), then works. */
export async function readSitemap(deps: SearchDeps & { search: ArchiveSearch }, limit: number): Promise<SitemapContents> {
  const excluded = (await resolveFilterTags(deps.db, await listMutedTags(deps.db))).flat();
  const overview = await deps.search(libraryOverview([], GUEST_AUDIENCE));
  const fandoms = overview.facets.fandoms.map((f) => f.name).slice(0, limit);
  const series = await listPublicSeries(deps.db, excluded, limit - fandoms.length);
  const works = await listPublicWorks(deps.db, excluded, limit - fandoms.length - series.length);
  return { works: works.map((w) => ({ id: w.id, changed: w.updatedAt.slice(0, 10) })), fandoms, series };
}
