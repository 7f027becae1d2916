/** Listings and reading: /works, /works/search, a work, its chapters, its chapter index and its provenance. */
import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import type { Child } from "hono/jsx";
import { isAdultRating, isRating } from "../../domain/rating.js";
import { emptyFacets, type SearchResult } from "../../search/search-index.js";
import type { TagRef } from "../../search/work-search.js";
import { readChapters, readWorkPreface, readWorkProvenance, type ChapterChoice } from "../../services/archive/read-work.js";
import { readWorkCollections } from "../../services/collections/collection-items.js";
import { visitWork } from "../../services/community/work-community.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { searchFeedPath } from "../feed-paths.js";
import { readListingRequest } from "../listing-request.js";
import { clientAddress, parseId, setSiteCookie } from "../request.js";
import { WorkCollections } from "../views/collection-pages.js";
import { Listing } from "../views/listing.js";
import { ProvenancePage } from "../views/provenance-page.js";
import { SearchForm, SearchPage } from "../views/search-form.js";
import { WorkCommunitySection } from "../views/work-actions.js";
import { AdultGate, ChapterIndex, WorkPage } from "../views/work-page.js";

export const VIEW_ADULT_COOKIE = "view_adult";

export interface ListingOptions {
  heading: string;
  /** Tags the path itself includes (a tag's works). */
  includeTags?: readonly TagRef[];
  /** Authors the path itself names (an author's works). */
  authors?: readonly string[];
  intro?: Child;
  /** The page's own feed (a tag's, an author's), for the page without filters. */
  feed?: string;
  /** Offer the page's works as one download (the search page). */
  downloadable?: boolean;
  /** Collections the path itself names (a collection and its sub-collections): its works, with no feed, as no feed narrows to them. */
  collections?: readonly number[];
}

/** Renders a listing of the works the query string (and the path) asks for. */
/**
 * The feed of what the listing shows: the page's own feed when no filter narrows it, else a search's feed with the
 * same filters and the page's own tag or author among them (tag and author names hold no commas).
 */
function listingFeedPath(params: URLSearchParams, options: ListingOptions): string {
  const filters = new URLSearchParams(params);
  filters.delete("page");
  if (options.feed && filters.size === 0) return options.feed;
  for (const tag of options.includeTags ?? []) filters.append("tag", tag.name);
  for (const author of options.authors ?? []) filters.append("author", author);
  return searchFeedPath(filters);
}

export async function renderListing(c: Context<WebEnv>, deps: RouteDeps, options: ListingOptions) {
  const request = readListingRequest(c, deps.now());
  const search = {
    ...request.search,
    includeTags: [...(options.includeTags ?? []), ...request.search.includeTags],
    authors: [...(options.authors ?? []), ...request.search.authors],
    collections: [...(options.collections ?? [])],
  };
  // Filters that could not be read are reported, not guessed at: no results until they are put right.
  const result: SearchResult = request.problems ? { total: 0, works: [], facets: emptyFacets() } : await deps.search(search);
  if (request.problems) c.status(400);
  return c.html(
    <Listing page={c.get("page")} heading={options.heading} path={new URL(c.req.url).pathname} params={request.params} search={search} result={result} problems={request.problems} intro={options.intro}
      downloadable={options.downloadable ?? false} feed={options.collections ? undefined : { href: listingFeedPath(request.params, options), title: `${options.heading} (Atom)` }} />,
  );
}

export function workRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.get("/works", (c) => renderListing(c, deps, { heading: "Works" }));

  app.get("/works/search", async (c) => {
    if (new URL(c.req.url).search.length > 1) return renderListing(c, deps, { heading: "Search results", intro: <SearchForm params={new URL(c.req.url).searchParams} collapsed />, downloadable: true });
    return c.html(<SearchPage page={c.get("page")} />);
  });

  const readingPage = async (c: Context<WebEnv>, choice: ChapterChoice) => {
    const work = await readWorkPreface(deps.db, parseId(c.req.param("id") ?? "", "Work"), c.get("page").viewer);
    const rating = work.tags.Rating.find(isRating) ?? "Not Rated";
    const gate = isAdultRating(rating) ? adultGate(c) : null;
    if (gate) return c.html(<AdultGate page={c.get("page")} work={work} proceedUrl={gate} />);
    const { chapters, entireWork } = await readChapters(deps.db, work, choice);
    const page = c.get("page");
    const community = await visitWork(deps, {
      workId: work.id, access: work.access, viewer: page.viewer, audience: page.audience, address: clientAddress(c), chapterPosition: entireWork ? null : chapters[0]?.position ?? null,
    });
    return c.html(<WorkPage page={page} work={work} chapters={chapters} entireWork={entireWork} community={<WorkCommunitySection page={page} work={work} community={community} />}
      collections={<WorkCollections page={page} workId={work.id} {...await readWorkCollections(deps.db, page.viewer, work.id, work.access)} />} />);
  };

  // The reader's "entire work by default" holds unless the address asks for the opening (view_full_work=false).
  const opensWhole = (c: Context<WebEnv>) => {
    const asked = c.req.query("view_full_work");
    return asked === "true" || (asked !== "false" && c.get("page").prefs.fullWork);
  };
  app.get("/works/:id{[0-9]+}", (c) => readingPage(c, opensWhole(c) ? "entire-work" : "opening"));
  app.get("/works/:id{[0-9]+}/chapters/:n{[0-9]+}", (c) => readingPage(c, { position: parseId(c.req.param("n"), "Chapter") }));

  // The chapter menu's form: without JavaScript a select cannot navigate, so it asks here and is sent on.
  app.get("/works/:id{[0-9]+}/chapters", (c) => {
    const n = Number(c.req.query("n"));
    return c.redirect(`/works/${c.req.param("id")}${Number.isSafeInteger(n) && n >= 1 ? `/chapters/${n}` : ""}`, 303);
  });

  app.get("/works/:id{[0-9]+}/navigate", async (c) => {
    const preface = await readWorkPreface(deps.db, parseId(c.req.param("id"), "Work"), c.get("page").viewer);
    return c.html(<ChapterIndex page={c.get("page")} work={preface} />);
  });

  app.get("/works/:id{[0-9]+}/provenance", async (c) => {
    // Not the owner: as if there were no such page, so the URL gives nothing away.
    if (!c.get("page").owner) return c.notFound();
    const workId = parseId(c.req.param("id"), "Work");
    return c.html(<ProvenancePage page={c.get("page")} workId={workId} provenance={await readWorkProvenance(deps.db, workId)} />);
  });

  return app;
}

/**
 * The address that proceeds past the adult-content interstitial, when this request must see it first; null when
 * the reader chose to see adult works, or has proceeded (now or earlier: a cookie).
 */
function adultGate(c: Context<WebEnv>): string | null {
  if (c.get("page").prefs.showAdult || getCookie(c, VIEW_ADULT_COOKIE) === "true") return null;
  const url = new URL(c.req.url);
  if (url.searchParams.get("view_adult") === "true") {
    // A session cookie, as the Archive's: the choice lasts for this visit.
    setSiteCookie(c, VIEW_ADULT_COOKIE, "true");
    return null;
  }
  url.searchParams.set("view_adult", "true");
  return `${url.pathname}${url.search}`;
}
