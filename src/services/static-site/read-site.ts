/**
 * What the static copy of the archive holds: what a guest may read, and nothing else. Every read goes through the
 * archive's own services with the guest's audience (src/db/audience.ts), so a draft, a restricted work, a work a
 * moderator hid and a work the library muted are left out of the pages, the counts and the search index alike.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { GUEST_AUDIENCE } from "../../domain/account.js";
import { NotFoundError, WranglingError } from "../../domain/errors.js";
import { FACET_KEYS, type SearchResult, type WorkBlurb } from "../../search/search-index.js";
import { MAX_PER_PAGE } from "../../search/search-request.js";
import { emptyWorkSearch, type WorkSearch } from "../../search/work-search.js";
import { createArchiveSearch } from "../archive/archive-search.js";
import { readLibraryStats, type LibraryStats } from "../archive/library-stats.js";
import { readSeries, seriesFigures, type SeriesReading } from "../archive/read-series.js";
import { readChapters, readWorkPreface, type ReadableWork, type WorkChapter } from "../archive/read-work.js";
import { searchWorks, type SearchDeps } from "../search-works.js";
import { describeTags, type TagDescription } from "../tags/describe-tags.js";
import { nameKey } from "../../domain/sort-key.js";

/** The filter a listing of the site narrows the guest's works by: a tag's. */
type GuestFilter = Pick<Partial<WorkSearch>, "includeTags">;

/**
 * Every work a guest may read that the filter selects, most recently updated first (ties by the search's own
 * order, which is stable), with the counts of the whole result.
 */
async function searchGuestWorks(deps: SearchDeps, filter: GuestFilter = {}): Promise<SearchResult> {
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
function readGuestStats(deps: SearchDeps): Promise<LibraryStats> {
  return readLibraryStats({ ...deps, search: createArchiveSearch(deps) }, [], GUEST_AUDIENCE);
}

export interface GuestTag {
  /** Every tag of the name (several types may share one), as its page describes them. */
  descriptions: (TagDescription & { filteredWorks: number })[];
  /** The works a guest may read that the tag filters, through its synonyms and sub tags. */
  workIds: number[];
}

/** A tag's page: what it is, and its works, as the web app's tag and tag-works pages show a guest. */
async function readGuestTag(deps: SearchDeps, name: string): Promise<GuestTag> {
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

/** Everything the site's pages list, read before any is written, so that every page knows which pages exist. */
export interface SiteContents {
  /** Every work a guest may read, most recently updated first, with the counts over them all. */
  works: SearchResult;
  /** By name, sorted: each tag with a work a guest may read. */
  tags: Map<string, GuestTag>;
  /** By name, sorted: each author's works. */
  authors: Map<string, WorkBlurb[]>;
  /** By id. */
  series: SeriesReading[];
  stats: LibraryStats;
}

/** Every tag name the works show or are counted under, sorted. */
function tagNamesOf(result: SearchResult): string[] {
  const names = new Set<string>();
  for (const w of result.works) for (const name of [w.rating, ...w.warnings, ...w.categories, ...w.fandoms, ...w.relationships, ...w.characters, ...w.freeforms]) names.add(name);
  for (const key of FACET_KEYS) if (key !== "language" && key !== "status") for (const f of result.facets[key]) names.add(f.name);
  return [...names].sort();
}

/** A tag's page, or null when no tag has the name (a rating no work carries) or a guest may read none of its works. */
async function readTagPage(deps: SearchDeps, name: string): Promise<GuestTag | null> {
  try {
    const tag = await readGuestTag(deps, name);
    return tag.workIds.length > 0 ? tag : null;
  } catch (error) {
    if (error instanceof WranglingError) return null;
    throw error;
  }
}

/**
 * A series with the works the site holds: a work the library muted is in no listing of the archive, but the
 * series read (like the archive's series page) still names it.
 */
async function readSeriesPage(db: Kysely<Database>, id: number, onSite: ReadonlySet<number>): Promise<SeriesReading | null> {
  try {
    const series = await readSeries(db, id, GUEST_AUDIENCE);
    const works = series.works.filter((w) => onSite.has(w.id));
    return works.length > 0 ? { ...series, works, ...seriesFigures(works) } : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/**
 * Each author name the works give, sorted, with the works that name the author in the list's order: by name key, as
 * search's author filter matches, so every spelling of a name lists the same works. One pass over the list.
 */
export function worksByAuthor(works: readonly WorkBlurb[]): Map<string, WorkBlurb[]> {
  const byKey = new Map<string, WorkBlurb[]>();
  for (const work of works) {
    for (const key of new Set(work.authors.map(nameKey))) {
      const listed = byKey.get(key);
      if (listed) listed.push(work);
      else byKey.set(key, [work]);
    }
  }
  const names = [...new Set(works.flatMap((w) => w.authors))].sort();
  return new Map(names.map((name) => [name, byKey.get(nameKey(name)) ?? []]));
}

export async function readSiteContents(deps: SearchDeps): Promise<SiteContents> {
  const works = await searchGuestWorks(deps);
  const tags = new Map<string, GuestTag>();
  for (const name of tagNamesOf(works)) {
    const tag = await readTagPage(deps, name);
    if (tag) tags.set(name, tag);
  }
  const authors = worksByAuthor(works.works);
  const onSite = new Set(works.works.map((w) => w.id));
  const series: SeriesReading[] = [];
  for (const id of [...new Set(works.works.flatMap((w) => w.series.map((s) => s.id)))].sort((a, b) => a - b)) {
    const found = await readSeriesPage(deps.db, id, onSite);
    if (found) series.push(found);
  }
  return { works, tags, authors, series, stats: await readGuestStats(deps) };
}
