/**
 * The pages the web benchmarks read from a generated library: works spread over it, each with a run of its story
 * text that the served page must hold, and filtered listings with the work the search service ranks first. Shared
 * by `npm run bench:web` and the proving ground's scale run.
 */
import type BetterSqlite3 from "better-sqlite3";
import { openQuire } from "../src/composition.js";
import { createRandom } from "../src/corpus/random.js";
import { emptyWorkSearch } from "../src/search/work-search.js";
import { searchWorks } from "../src/services/search-works.js";

export const SAMPLED_WORKS = 100;
export const LISTINGS = 5;
const EXCLUDED_FREEFORMS = ["Angst", "Fluff", "Hurt/Comfort", "Humor", "Romance"];

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

/** Works spread over the whole library, so that no single row or cached page stands for them all. */
export function sampleWorks(db: BetterSqlite3.Database, works: number, seed: number): SampledWork[] {
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
export async function sampleListings(path: string, db: BetterSqlite3.Database, works: number, seed: number): Promise<Listing[]> {
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

export function quireListingPath(l: Listing): string {
  return `/works?fandom=${encodeURIComponent(l.fandom)}&rating=${encodeURIComponent(l.rating)}&exclude-freeform=${encodeURIComponent(l.exclude)}&sort=kudos`;
}
