/**
 * The stats page: works per rating, the top fandoms and relationships (counted as search counts them, so they
 * agree with the filters), and the word-count histogram and works per year, all over the works the reader sees.
 */
import type { Audience } from "../../domain/account.js";
import { readLibraryShape, type LibraryShape } from "../../db/repositories/archive-pages.js";
import { listMutedTags } from "../../db/repositories/muted-tags.js";
import { resolveFilterTags } from "../../db/repositories/tags.js";
import type { SearchFacets } from "../../search/search-index.js";
import type { TagRef } from "../../search/work-search.js";
import type { SearchDeps } from "../search-works.js";
import { libraryOverview, type ArchiveSearch } from "./archive-search.js";

export interface LibraryStats extends LibraryShape {
  works: number;
  facets: SearchFacets;
}

/** @param hidden tags the reader muted, on top of the library's own mutes. */
export async function readLibraryStats(deps: SearchDeps & { search: ArchiveSearch }, hidden: readonly TagRef[], audience: Audience): Promise<LibraryStats> {
  const result = await deps.search(libraryOverview(hidden, audience));
  const excluded = (await resolveFilterTags(deps.db, [...(await listMutedTags(deps.db)), ...hidden])).flat();
  return { works: result.total, facets: result.facets, ...(await readLibraryShape(deps.db, excluded, audience)) };
}
