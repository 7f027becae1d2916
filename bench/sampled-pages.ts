/**
 * The pages the web benchmarks read from a generated library: works spread over it, each with a run of its story
 * text that the served page must hold, and filtered listings with the work the search service ranks first; the
 * check that Quire serves them so, and their rotation for the load generator. Shared by `npm run bench:web` and
 * the proving ground's scale run.
 */
import BetterSqlite3 from "better-sqlite3";
import { openQuire } from "../src/composition.js";
import { createRandom } from "../src/corpus/random.js";
import { emptyWorkSearch } from "../src/search/work-search.js";
import { searchWorks } from "../src/services/search-works.js";
import type { Page } from "./page-load.js";
import { fetchOk } from "./server-process.js";

const SAMPLED_WORKS = 100;
export const LISTINGS = 5;
/** Freeforms a listing can exclude: common ones, so that excluding one leaves out many works. */
export const EXCLUDED_FREEFORMS = ["Angst", "Fluff", "Hurt/Comfort", "Humor", "Romance"];

/** A work the benchmark reads, with a run of its story text that must appear in whatever serves it. */
export interface SampledWork {
  id: number;
  title: string;
  probe: string;
}

export interface Listing {
  fandom: string;
  rating: string;
  exclude: string;
  /** Quire's total and first work, from the search service itself: what the served page must show. */
  total: number;
  topId: number;
}

/** The works and listings read from the SQLite library of `works` generated works. */
export async function samplePages(path: string, works: number, seed: number): Promise<{ sampled: SampledWork[]; listings: Listing[] }> {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return { sampled: sampleWorks(db, works, seed), listings: await sampleListings(path, db, works, seed) };
  } finally {
    db.close();
  }
}

/** Works spread over the whole library, so that no single row or cached page stands for them all. */
function sampleWorks(db: BetterSqlite3.Database, works: number, seed: number): SampledWork[] {
  const random = createRandom([seed, works, 88]);
  const title = db.prepare<[number], { title: string }>("select title from works where id = ?");
  const chapter = db.prepare<[number], { text: string }>("select text from chapters where work_id = ? and position = 1");
  const ids = new Set<number>();
  while (ids.size < SAMPLED_WORKS) ids.add(random.between(1, works));
  return [...ids].map((id) => {
    const text = chapter.get(id)?.text ?? "";
    // Letters and spaces only: the same in the plain text calibre serves and in Quire's escaped HTML.
    const probe = /[A-Za-z][A-Za-z ]{40,}[A-Za-z]/u.exec(text)?.[0];
    if (!probe) throw new Error(`work ${id} has no run of plain words to look for in its page`);
    return { id, title: title.get(id)?.title ?? "", probe };
  });
}

/** Listings drawn from works of the library itself (a fandom and a rating they carry, a freeform they lack). */
async function sampleListings(path: string, db: BetterSqlite3.Database, works: number, seed: number): Promise<Listing[]> {
  const random = createRandom([seed, works, 89]);
  const tags = db.prepare<[number], { type: string; name: string }>("select t.type, t.name from work_tags wt join tags t on t.id = wt.tag_id where wt.work_id = ?");
  // calibre splits tag names at commas and quotes its search terms: listings use names free of both.
  const plain = (name: string) => !/[,"]/u.test(name);
  const quire = await openQuire({ engine: "sqlite", path });
  try {
    const listings: Listing[] = [];
    const seen = new Set<string>();
    while (listings.length < LISTINGS) {
      const own = tags.all(random.between(1, works));
      const fandom = own.find((t) => t.type === "Fandom" && plain(t.name))?.name;
      const rating = own.find((t) => t.type === "Rating")?.name;
      const exclude = EXCLUDED_FREEFORMS.find((name) => !own.some((t) => t.name === name));
      if (!fandom || !rating || !exclude || seen.has(`${fandom}|${rating}`)) continue;
      seen.add(`${fandom}|${rating}`);
      const result = await searchWorks({ db: quire.library.db, searchIndex: quire.searchIndex }, {
        ...emptyWorkSearch(),
        includeTags: [{ name: fandom, type: "Fandom" }, { name: rating, type: "Rating" }],
        excludeTags: [{ name: exclude, type: "Freeform" }],
        sort: { field: "kudos", direction: "desc" },
      });
      const top = result.works[0];
      if (top) listings.push({ fandom, rating, exclude, total: result.total, topId: top.id });
    }
    return listings;
  } finally {
    await quire.close();
  }
}

function quireListingPath(l: Listing): string {
  return `/works?fandom=${encodeURIComponent(l.fandom)}&rating=${encodeURIComponent(l.rating)}&exclude-freeform=${encodeURIComponent(l.exclude)}&sort=kudos`;
}

/**
 * A reader who has chosen to see adult content: Mature, Explicit and unrated works show their story, not the
 * interstitial.
 */
const READER_HEADERS = { cookie: "view_adult=true" };

/**
 * Reads each sampled work's page and each listing from Quire at `url`, as a reader who sees adult content.
 * @throws when a page lacks its story text (an interstitial?) or a listing does not show its top work first.
 */
export async function checkQuirePages(url: string, sampled: readonly SampledWork[], listings: readonly Listing[]): Promise<void> {
  for (const work of sampled) {
    const body = await fetchOk(new URL(`works/${work.id}`, url).href, READER_HEADERS);
    if (!body.includes(work.probe)) throw new Error(`Quire's page for work ${work.id} lacks its story text (an interstitial?)`);
  }
  for (const listing of listings) {
    const body = await fetchOk(new URL(quireListingPath(listing), url).href, READER_HEADERS);
    if (!body.includes(`/works/${listing.topId}"`)) throw new Error(`Quire's listing ${quireListingPath(listing)} does not show work ${listing.topId} first`);
  }
}

/** Quire's pages in rotation for the load generator, as the same reader asks for them: each work page, each listing. */
export function quirePages(sampled: readonly SampledWork[], listings: readonly Listing[]): { work: Page[]; listing: Page[] } {
  return {
    work: sampled.map((w): Page => [{ method: "GET", path: `/works/${w.id}`, headers: READER_HEADERS }]),
    listing: listings.map((l): Page => [{ method: "GET", path: quireListingPath(l), headers: READER_HEADERS }]),
  };
}
