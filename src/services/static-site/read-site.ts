/**
 * What the static copy of the archive holds: what a guest may read, and nothing else. Every read goes through the
 * archive's own services with the guest's audience (src/db/audience.ts), so a draft, a restricted work, a work a
 * moderator hid and a work the library muted are left out of the pages, the counts and the search index alike.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { GUEST_AUDIENCE } from "../../domain/account.js";
import type { SearchResult, WorkBlurb } from "../../search/search-index.js";
import { MAX_PER_PAGE } from "../../search/search-request.js";
import { emptyWorkSearch, type WorkSearch } from "../../search/work-search.js";
import { createArchiveSearch } from "../archive/archive-search.js";
import { readLibraryStats, type LibraryStats } from "../archive/library-stats.js";
import { readChapters, readWorkPreface, type ReadableWork, type WorkChapter } from "../archive/read-work.js";
import { searchWorks, type SearchDeps } from "../search-works.js";
import { describeTags, type TagDescription } from "../tags/describe-tags.js";

/** The filters a listing of the site narrows the guest's works by: a tag's or an author's. */
export type GuestFilter = Pick<Partial<WorkSearch>, "includeTags" | "authors">;

/**
 * Every work a guest may read that the filter selects, most recently updated first (ties by the search's own
 * order, which is stable), with the counts of the whole result.
 */
export async function searchGuestWorks(deps: SearchDeps, filter: GuestFilter = {}): Promise<SearchResult> {
  const query: WorkSearch = { ...emptyWorkSearch(), ...filter, perPage: MAX_PER_PAGE, audience: GUEST_AUDIENCE };
  const first = await searchWorks(deps, query);
  const works: WorkBlurb[] = [...first.works];
  for (let page = 2; works.length < first.total; page += 1) {
    const next = await searchWorks(deps, { ...query, page });
    if (next.works.length === 0) break;
    works.push(...next.works);
  }
  return { total: first.total, works, facets: first.facets };
}

/** The library's figures as a guest's stats page shows them. */
export function readGuestStats(deps: SearchDeps): Promise<LibraryStats> {
  return readLibraryStats({ ...deps, search: createArchiveSearch(deps) }, [], GUEST_AUDIENCE);
}

export interface GuestTag {
  /** Every tag of the name (several types may share one), as its page describes them. */
  descriptions: (TagDescription & { filteredWorks: number })[];
  /** The works a guest may read that the tag filters, through its synonyms and sub tags. */
  workIds: number[];
}

/** A tag's page: what it is, and its works, as the web app's tag and tag-works pages show a guest. */
export async function readGuestTag(deps: SearchDeps, name: string): Promise<GuestTag> {
  const works = await searchGuestWorks(deps, { includeTags: [{ name, type: null }] });
  const descriptions = [];
  for (const tag of await describeTags(deps.db, { name, type: null })) {
    const counted = await searchWorks(deps, { ...emptyWorkSearch(), includeTags: [{ name: tag.name, type: tag.type }], perPage: 1, audience: GUEST_AUDIENCE });
    descriptions.push({ ...tag, filteredWorks: counted.total });
  }
  return { descriptions, workIds: works.works.map((w) => w.id) };
}

export interface GuestWork {
  work: ReadableWork;
  chapters: WorkChapter[];
}

/**
 * A whole work, read as a guest through the archive's gate (readWorkPreface), which refuses a work a guest may not
 * read, whatever listed it.
 * @throws NotFoundError, SignInRequiredError
 */
export async function readGuestWork(db: Kysely<Database>, workId: number): Promise<GuestWork> {
  const work = await readWorkPreface(db, workId, null);
  const { chapters } = await readChapters(db, work, "entire-work");
  return { work, chapters };
}
