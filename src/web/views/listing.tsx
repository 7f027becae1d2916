/** A page of works with the filter sidebar: /works, a tag's works, an author's works, search results. */
import type { Child } from "hono/jsx";
import type { SearchResult } from "../../search/search-index.js";
import type { WorkSearch } from "../../search/work-search.js";
import { searchBundlePath } from "../download-paths.js";
import type { PageContext } from "../page-context.js";
import { Blurb } from "./blurb.js";
import { DownloadMenu } from "./download-menu.js";
import { FilterSidebar } from "./filter-sidebar.js";
import { formatNumber } from "./format.js";
import { Layout, type PageFeed } from "./layout.js";
import { Pagination } from "./pagination.js";

export interface ListingProps {
  page: PageContext;
  /** "Works", "Works in Angst", "Works by Noor Halloway". */
  heading: string;
  /** The listing's own path: the form comes back to it. */
  path: string;
  params: URLSearchParams;
  search: WorkSearch;
  result: SearchResult;
  /** What the parameters got wrong, by parameter; the listing then shows no results. */
  problems: Readonly<Record<string, string>> | null;
  /** Above the results: a tag's description, an author's note. */
  intro?: Child;
  /** The listing's Atom feed: in the head, and as a "Subscribe" link. */
  feed?: PageFeed | undefined;
  /** Offer this page's works as one download: the search page, whose query names all it shows. */
  downloadable?: boolean;
}

export function Listing(props: ListingProps) {
  const { page, heading, path, params, search, result, problems } = props;
  const first = (search.page - 1) * search.perPage + 1;
  const last = first + result.works.length - 1;
  const pages = Math.ceil(result.total / search.perPage);
  const muted = page.prefs.mutedTags.length;
  return (
    <Layout page={page} title={heading} feed={props.feed}>
      <h1>{heading}</h1>
      {props.intro}
      {props.feed && <p class="feed-link"><a href={props.feed.href} type="application/atom+xml">Subscribe (Atom)</a></p>}
      <div class="listing">
        <section class="results" aria-labelledby="results-heading">
          {problems && (
            <div class="errors" role="alert">
              <p>Some filters could not be read:</p>
              <ul>{Object.entries(problems).map(([name, problem]) => <li><strong>{name}</strong> {problem}</li>)}</ul>
            </div>
          )}
          <h2 id="results-heading">
            {result.total === 0 ? "No works found" : result.works.length === 0 ? `${formatNumber(result.total)} works (none on this page)` : `${formatNumber(first)} – ${formatNumber(last)} of ${formatNumber(result.total)} ${result.total === 1 ? "work" : "works"}`}
          </h2>
          <p class="filters-toggle"><a href="#filters-heading">Sort and filter</a></p>
          {props.downloadable && result.works.length > 0 && <DownloadMenu label="Download the works on this page" href={(format) => searchBundlePath(params, format)} />}
          {muted > 0 && (
            <p class="muted-notice">Works with the {muted === 1 ? "tag" : `${muted} tags`} you muted are left out of these results and counts. <a href="/preferences">Preferences</a></p>
          )}
          <ol class="works">
            {result.works.map((w) => <Blurb work={w} prefs={page.prefs} />)}
          </ol>
          <Pagination path={path} params={params} page={search.page} pages={pages} />
        </section>
        <div class="filters-region">
          <FilterSidebar action={path} params={params} facets={result.facets} />
        </div>
      </div>
    </Layout>
  );
}
