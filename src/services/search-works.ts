/**
 * Searching the library as a reader sees it: the query, plus the library's muted tags as exclusions, so muted
 * works vanish from the results and from every count alike (the Archive hides them with CSS, and its counts
 * still include them).
 */
import type { Kysely } from "kysely";
import { listMutedTags } from "../db/repositories/muted-tags.js";
import type { Database } from "../db/schema.js";
import type { SearchIndex, SearchResult } from "../search/search-index.js";
import type { WorkSearch } from "../search/work-search.js";

export interface SearchDeps {
  db: Kysely<Database>;
  searchIndex: SearchIndex;
}

export async function searchWorks({ db, searchIndex }: SearchDeps, query: WorkSearch): Promise<SearchResult> {
  const muted = await listMutedTags(db);
  return searchIndex.search(muted.length === 0 ? query : { ...query, excludeTags: [...query.excludeTags, ...muted] });
}
