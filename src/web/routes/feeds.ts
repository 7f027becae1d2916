/**
 * Atom feeds (RFC 4287) of new and updated works, latest first, beside the pages that list them: a tag's (any
 * type: fandoms, relationships, characters, additional tags, ratings, warnings, categories), an author's, a
 * series', and any listing or search with its parameters (a saved search). Each entry has the work's summary,
 * tags, authors and link, and is `updated` when the work last changed. The reader sees what the page shows them.
 */
import { ARCHIVE_NAME } from "../../services/export/export-works.js";
import { Hono, type Context } from "hono";
import { ATOM_MEDIA_TYPE, atomFeedXml } from "../../formats/feeds/atom.js";
import { workEntry } from "../../formats/feeds/work-entry.js";
import { DEFAULT_PER_PAGE, emptyWorkSearch, type WorkSearch } from "../../search/work-search.js";
import { readAuthorName } from "../../services/archive/browse.js";
import { readCatalogUpdated } from "../../services/catalog/catalog-lists.js";
import { readCatalogWorks, readSeriesWorks, type ChangedWork } from "../../services/catalog/catalog-works.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { catalogReader, feedAddresses } from "../feed-addresses.js";
import { problemsText, readListingRequest } from "../listing-request.js";
import { parseId } from "../request.js";
import { tagNameFromSegment, tagWorksUrl } from "../tag-url.js";

/** Entries in a feed: the latest works. */
const FEED_ENTRIES = DEFAULT_PER_PAGE;

const LATEST_FIRST = { field: "updated", direction: "desc" } as const;

export function feedRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  // Listings show adult works' blurbs (the text waits behind the interstitial), and so do feeds.
  const reader = (c: Context<WebEnv>) => catalogReader(c, true);

  const feed = async (c: Context<WebEnv>, title: string, page: string, works: readonly ChangedWork[]) => {
    const addresses = feedAddresses(c, deps.siteSecret);
    const url = new URL(c.req.url);
    const self = `${url.pathname}${url.search}`;
    const xml = atomFeedXml({
      id: addresses.urn(self),
      title: `${title} | ${ARCHIVE_NAME}`,
      updated: await readCatalogUpdated(deps, reader(c)),
      authors: [{ name: ARCHIVE_NAME, uri: addresses.at("/") }],
      links: [{ rel: "self", href: addresses.at(self), type: ATOM_MEDIA_TYPE }, { rel: "alternate", href: addresses.at(page), type: "text/html" }],
      entries: works.map(({ work, changed }) => workEntry(work, changed, addresses.work(work))),
    });
    return c.body(xml, 200, { "Content-Type": `${ATOM_MEDIA_TYPE};charset=utf-8` });
  };

  const latest = async (c: Context<WebEnv>, search: Partial<WorkSearch>) =>
    (await readCatalogWorks(deps, reader(c), { ...emptyWorkSearch(), ...search, sort: LATEST_FIRST, page: 1, perPage: FEED_ENTRIES })).works;

  app.get("/tags/:name/feed.atom", async (c) => {
    const name = tagNameFromSegment(c.req.param("name"));
    return feed(c, `Works in ${name}`, tagWorksUrl(name), await latest(c, { includeTags: [{ name, type: null }] }));
  });

  app.get("/users/:name/feed.atom", async (c) => {
    const name = await readAuthorName(deps.db, c.req.param("name"));
    return feed(c, `Works by ${name}`, `/users/${encodeURIComponent(name)}`, await latest(c, { authors: [name] }));
  });

  app.get("/series/:id{[0-9]+}/feed.atom", async (c) => {
    const seriesId = parseId(c.req.param("id"), "Series");
    // A series is read in order of its parts; its feed, like every feed, latest change first.
    const series = await readSeriesWorks(deps, reader(c), seriesId, 1, Number.MAX_SAFE_INTEGER);
    const works = [...series.works].sort((a, b) => b.changed.localeCompare(a.changed) || b.work.id - a.work.id).slice(0, FEED_ENTRIES);
    return feed(c, `Works in the series ${series.name}`, `/series/${seriesId}`, works);
  });

  app.get("/works/search/feed.atom", async (c) => {
    const request = readListingRequest(c, deps.now());
    if (request.problems) return c.text(problemsText(request.problems), 400);
    const works = await readCatalogWorks(deps, reader(c), { ...request.search, sort: LATEST_FIRST, page: 1, perPage: FEED_ENTRIES });
    const q = request.params.get("q");
    const page = new URLSearchParams(request.params);
    page.delete("page");
    return feed(c, q ? `Works matching ${q}` : "Works", `/works/search?${page.toString()}`, works.works);
  });

  return app;
}
