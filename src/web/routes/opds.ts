/**
 * The OPDS 1.2 catalog at /opds, for e-reader apps (KOReader, Thorium, Calibre's viewer, Moon+ Reader…): a root
 * navigation feed; navigation feeds of fandoms, tag types and their tags, authors and series, each with how many
 * works it leads to; acquisition feeds of works (new, recently updated, per tag, author and series, and search
 * results) with their downloads; and an OpenSearch description. The reader sees what the pages would show them
 * (the session or the preferences cookie, when the app keeps cookies; a guest otherwise), and adult works only
 * when their preferences say to show adult content without asking.
 */
import { ARCHIVE_NAME } from "../../services/export/export-works.js";
import { Hono, type Context } from "hono";
import { SignInRequiredError } from "../../domain/errors.js";
import { TAG_TYPES, type TagType } from "../../domain/tags/tag-type.js";
import { acquisitionFeedXml, catalogType, navigationFeedXml, SORT_NEW_REL, type CatalogFrame, type CatalogKind, type NavigationItem } from "../../formats/opds/catalog-feed.js";
import { openSearchDescriptionXml } from "../../formats/opds/opensearch.js";
import type { SearchFacets } from "../../search/search-index.js";
import { DEFAULT_PER_PAGE, emptyWorkSearch, type WorkSearch } from "../../search/work-search.js";
import { listCatalogAuthors, listCatalogSeries, readCatalogFacets, readCatalogUpdated } from "../../services/catalog/catalog-lists.js";
import { readCatalogWorks, readSeriesWorks, type WorksPage } from "../../services/catalog/catalog-works.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { catalogReader, feedAddresses, tagTypePath, type FeedAddresses } from "../feed-addresses.js";
import { problemsText, readListingRequest } from "../listing-request.js";
import { parseId } from "../request.js";
import { tagNameFromSegment, tagPathSegment } from "../tag-url.js";

/** Entries on a page of a navigation feed (fandoms, tags, authors, series). */
const NAVIGATION_PER_PAGE = 50;

const FACET_OF_TYPE = {
  Rating: "rating", ArchiveWarning: "warnings", Category: "categories", Fandom: "fandoms", Relationship: "relationships", Character: "characters", Freeform: "freeforms",
} as const satisfies Record<TagType, keyof SearchFacets>;

const TYPE_LABELS: Readonly<Record<TagType, string>> = {
  Rating: "Ratings", ArchiveWarning: "Archive Warnings", Category: "Categories", Fandom: "Fandoms", Relationship: "Relationships", Character: "Characters", Freeform: "Additional Tags",
};

function pageNumber(c: Context<WebEnv>): number {
  const n = Number(c.req.query("page") ?? "1");
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
}

function worksCount(n: number): string {
  return `${n.toLocaleString("en")} ${n === 1 ? "work" : "works"}`;
}

/** A tag's acquisition feed in the catalog. */
function catalogTagPath(name: string): string {
  return `/opds/tags/${tagPathSegment(name)}`;
}

export function opdsRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const reader = (c: Context<WebEnv>) => catalogReader(c, c.get("page").prefs.showAdult);

  /** The frame of a feed at `path` (without its page), titled `title`, under `up`. */
  const frame = async (c: Context<WebEnv>, kind: CatalogKind, path: string, title: string, up: string, paging?: { total: number; perPage: number; query?: URLSearchParams }): Promise<CatalogFrame> => {
    const addresses = feedAddresses(c, deps.siteSecret);
    const page = pageNumber(c);
    const pagePath = (n: number) => {
      const query = new URLSearchParams(paging?.query);
      query.delete("page");
      if (n > 1) query.set("page", String(n));
      const search = query.toString();
      return search ? `${path}?${search}` : path;
    };
    const href = (n: number) => addresses.at(pagePath(n));
    return {
      // Every page of a feed is one feed (RFC 5005), so the id is its first page's path.
      id: addresses.urn(pagePath(1)),
      title: `${title} | ${ARCHIVE_NAME}`,
      updated: await readCatalogUpdated(deps, reader(c)),
      kind,
      self: href(1),
      start: addresses.at("/opds"),
      up: addresses.at(up),
      search: addresses.at("/opds/opensearch.xml"),
      publisher: { name: ARCHIVE_NAME, uri: addresses.at("/") },
      ...(paging ? { paging: { page, perPage: paging.perPage, total: paging.total, href } } : {}),
    };
  };

  const xml = (c: Context<WebEnv>, body: string, type: string) => c.body(body, 200, { "Content-Type": `${type};charset=utf-8` });

  const acquisition = async (c: Context<WebEnv>, path: string, title: string, up: string, works: WorksPage, perPage: number, query?: URLSearchParams) => {
    const addresses = feedAddresses(c, deps.siteSecret);
    const head = await frame(c, "acquisition", path, title, up, { total: works.total, perPage, ...(query ? { query } : {}) });
    return xml(c, acquisitionFeedXml(head, works.works.map(addresses.catalogWork)), catalogType("acquisition"));
  };

  /** A search's works, a page of them, for this reader. */
  const searchPage = (c: Context<WebEnv>, search: Partial<WorkSearch>) =>
    readCatalogWorks(deps, reader(c), { ...emptyWorkSearch(), ...search, page: pageNumber(c), perPage: DEFAULT_PER_PAGE });

  const navigation = async (c: Context<WebEnv>, path: string, title: string, up: string, items: NavigationItem[], paging?: { total: number; perPage: number }) =>
    xml(c, navigationFeedXml(await frame(c, "navigation", path, title, up, paging), items), catalogType("navigation"));

  /** The facet's tags, a page of them, as entries leading to each tag's works. */
  const tagItems = (addresses: FeedAddresses, facets: SearchFacets, type: TagType, page: number): { total: number; items: NavigationItem[] } => {
    const tags = facets[FACET_OF_TYPE[type]];
    return {
      total: tags.length,
      items: tags.slice((page - 1) * NAVIGATION_PER_PAGE, page * NAVIGATION_PER_PAGE).map((tag) => ({
        id: addresses.urn(`opds/tags/${type}/${tag.name}`), title: tag.name, href: addresses.at(catalogTagPath(tag.name)), kind: "acquisition", count: tag.count, description: worksCount(tag.count),
      })),
    };
  };

  app.get("/opds", async (c) => {
    // The address to give an app that signs in only when asked (reader-apps.ts): `/opds?sign_in` asks a guest.
    if (c.req.query("sign_in") !== undefined && c.get("page").viewer === null) {
      throw new SignInRequiredError("Sign in: your user name, and an API token (Account, API tokens) as the password.");
    }
    const a = feedAddresses(c, deps.siteSecret);
    const item = (path: string, title: string, kind: CatalogKind, description: string, rel?: string): NavigationItem => ({ id: a.urn(`opds${path}`), title, href: a.at(path), kind, description, ...(rel ? { rel } : {}) });
    return navigation(c, "/opds", "Catalog", "/opds", [
      item("/opds/new", "New works", "acquisition", "The works most recently posted, newest first.", SORT_NEW_REL),
      item("/opds/updated", "Recently updated", "acquisition", "The works most recently updated, latest first."),
      item("/opds/fandoms", "By fandom", "navigation", "Every fandom, with its works."),
      item("/opds/tag-types", "By tag", "navigation", "Ratings, warnings, categories, relationships, characters and additional tags."),
      item("/opds/authors", "By author", "navigation", "Every author, with their works."),
      item("/opds/series", "By series", "navigation", "Every series, with its works in order."),
      item("/opds/search", "Search", "acquisition", "Every work; search with the archive's query syntax through the catalog's search."),
    ]);
  });

  app.get("/opds/new", async (c) => acquisition(c, "/opds/new", "New works", "/opds", await searchPage(c, { sort: { field: "published", direction: "desc" } }), DEFAULT_PER_PAGE));
  app.get("/opds/updated", async (c) => acquisition(c, "/opds/updated", "Recently updated", "/opds", await searchPage(c, { sort: { field: "updated", direction: "desc" } }), DEFAULT_PER_PAGE));

  app.get("/opds/fandoms", async (c) => {
    const { total, items } = tagItems(feedAddresses(c, deps.siteSecret), await readCatalogFacets(deps, reader(c)), "Fandom", pageNumber(c));
    return navigation(c, "/opds/fandoms", "Fandoms", "/opds", items, { total, perPage: NAVIGATION_PER_PAGE });
  });

  app.get("/opds/tag-types", async (c) => {
    const a = feedAddresses(c, deps.siteSecret);
    const facets = await readCatalogFacets(deps, reader(c));
    const items = TAG_TYPES.filter((type) => type !== "Fandom").map((type): NavigationItem => ({
      id: a.urn(`opds${tagTypePath(type)}`), title: TYPE_LABELS[type], href: a.at(tagTypePath(type)), kind: "navigation", count: facets[FACET_OF_TYPE[type]].length,
      description: `${facets[FACET_OF_TYPE[type]].length.toLocaleString("en")} tags`,
    }));
    return navigation(c, "/opds/tag-types", "Tags by type", "/opds", items);
  });

  app.get("/opds/tag-types/:type", async (c) => {
    const type = TAG_TYPES.find((t) => t === c.req.param("type"));
    if (!type) return c.notFound();
    const { total, items } = tagItems(feedAddresses(c, deps.siteSecret), await readCatalogFacets(deps, reader(c)), type, pageNumber(c));
    return navigation(c, tagTypePath(type), TYPE_LABELS[type], type === "Fandom" ? "/opds" : "/opds/tag-types", items, { total, perPage: NAVIGATION_PER_PAGE });
  });

  app.get("/opds/tags/:name", async (c) => {
    const name = tagNameFromSegment(c.req.param("name"));
    return acquisition(c, catalogTagPath(name), name, "/opds/tag-types", await searchPage(c, { includeTags: [{ name, type: null }] }), DEFAULT_PER_PAGE);
  });

  app.get("/opds/authors", async (c) => {
    const a = feedAddresses(c, deps.siteSecret);
    const { total, items } = await listCatalogAuthors(deps, reader(c), pageNumber(c), NAVIGATION_PER_PAGE);
    return navigation(c, "/opds/authors", "Authors", "/opds", items.map((author) => ({
      id: a.urn(`opds/authors/${author.name}`), title: author.name, href: a.at(`/opds/authors/${encodeURIComponent(author.name)}`), kind: "acquisition", count: author.works, description: worksCount(author.works),
    })), { total, perPage: NAVIGATION_PER_PAGE });
  });

  app.get("/opds/authors/:name", async (c) => {
    const name = c.req.param("name");
    return acquisition(c, `/opds/authors/${encodeURIComponent(name)}`, `Works by ${name}`, "/opds/authors", await searchPage(c, { authors: [name] }), DEFAULT_PER_PAGE);
  });

  app.get("/opds/series", async (c) => {
    const a = feedAddresses(c, deps.siteSecret);
    const { total, items } = await listCatalogSeries(deps, reader(c), pageNumber(c), NAVIGATION_PER_PAGE);
    return navigation(c, "/opds/series", "Series", "/opds", items.map((series) => ({
      id: a.urn(`opds/series/${series.id}`), title: series.name, href: a.at(`/opds/series/${series.id}`), kind: "acquisition", count: series.works, description: worksCount(series.works),
    })), { total, perPage: NAVIGATION_PER_PAGE });
  });

  app.get("/opds/series/:id{[0-9]+}", async (c) => {
    const seriesId = parseId(c.req.param("id"), "Series");
    const series = await readSeriesWorks(deps, reader(c), seriesId, pageNumber(c), DEFAULT_PER_PAGE);
    return acquisition(c, `/opds/series/${seriesId}`, series.name, "/opds/series", series, DEFAULT_PER_PAGE);
  });

  // The site's query syntax and every listing parameter, as /works/search reads them.
  app.get("/opds/search", async (c) => {
    const request = readListingRequest(c, deps.now());
    if (request.problems) return c.text(problemsText(request.problems), 400);
    const works = await readCatalogWorks(deps, reader(c), { ...request.search, page: pageNumber(c), perPage: DEFAULT_PER_PAGE });
    const q = request.params.get("q");
    return acquisition(c, "/opds/search", q ? `Search: ${q}` : "Every work", "/opds", works, DEFAULT_PER_PAGE, request.params);
  });

  app.get("/opds/opensearch.xml", (c) => {
    const a = feedAddresses(c, deps.siteSecret);
    return xml(c, openSearchDescriptionXml({
      shortName: ARCHIVE_NAME,
      description: "Search the archive's works: words, \"phrases\", -exclusions, title:, author:, tag:, words>1000, sort:kudos.",
      // Only the terms: clients page through the results by the feeds' next links.
      catalogTemplate: a.at("/opds/search?q={searchTerms}"),
      pageTemplate: a.at("/works/search?q={searchTerms}"),
    }), "application/opensearchdescription+xml");
  });

  return app;
}
