/** A reader's bookmarks, the latest first: each work's blurb (or the series) with the bookmark's notes and tags. */
import type { BookmarkEntry, BookmarkListing } from "../../services/community/bookmarks.js";
import type { PageContext } from "../page-context.js";
import { Blurb } from "./blurb.js";
import { plural } from "./format.js";
import { Layout } from "./layout.js";
import { Pagination } from "./pagination.js";
import { StoryHtml } from "./story-html.js";
import { Timestamp } from "./timestamp.js";

/** The bookmarked work's or series' page. */
function subjectUrl(entry: BookmarkEntry): string {
  return entry.workId !== null ? `/works/${entry.workId}` : `/series/${String(entry.seriesId)}`;
}

function BookmarkDetails(props: { entry: BookmarkEntry; own: boolean; path: string }) {
  const { entry, own, path } = props;
  const edit = `${subjectUrl(entry)}/bookmark`;
  return (
    <div class="bookmark-details">
      <p class="bookmarker">
        Bookmarked{!own && entry.pseud && <> by <a href={`/users/${encodeURIComponent(entry.pseud)}`}>{entry.pseud}</a></>} on <Timestamp at={entry.createdAt} />
        {entry.rec && <> · <strong class="badge">Rec</strong></>}
        {entry.private && <> · <strong class="badge">Private</strong></>}
        {own && <> · <a href={edit}>Edit</a></>}
      </p>
      {entry.tags.length > 0 && (
        <p class="bookmark-tags">
          <span>Bookmarker's tags: </span>
          {entry.tags.flatMap((t, i) => [i > 0 ? ", " : "", <a href={`${path}?tag=${encodeURIComponent(t)}`}>{t}</a>])}
        </p>
      )}
      {entry.notes && <blockquote class="bookmark-notes" aria-label="Bookmarker's notes"><StoryHtml html={entry.notes} /></blockquote>}
    </div>
  );
}

function BookmarkItem(props: { page: PageContext; entry: BookmarkEntry; own: boolean; path: string }) {
  const { page, entry, own, path } = props;
  const details = <BookmarkDetails entry={entry} own={own} path={path} />;
  if (entry.blurb) return <Blurb work={entry.blurb} prefs={page.prefs}>{details}</Blurb>;
  const headingId = `bookmark-${entry.id}-title`;
  return (
    <li>
      <article class="blurb" aria-labelledby={headingId}>
        <h3 id={headingId}><a href={subjectUrl(entry)}>{entry.seriesName ?? "A series"}</a> <span class="by">(series)</span></h3>
        {details}
      </article>
    </li>
  );
}

export interface BookmarkQuery {
  bookmarkerTag: string;
  workTag: string;
  recOnly: boolean;
  page: number;
}

export function BookmarksPage(props: { page: PageContext; listing: BookmarkListing; query: BookmarkQuery; path: string; params: URLSearchParams; perPage: number }) {
  const { page, listing, query, path } = props;
  const own = listing.owner.kind === "own";
  const heading = listing.owner.kind === "own" ? "Your bookmarks" : `Bookmarks by ${listing.owner.name}`;
  const filtered = query.bookmarkerTag !== "" || query.workTag !== "" || query.recOnly;
  return (
    <Layout page={page} title={heading}>
      <h1>{heading}</h1>
      <form method="get" action={path} class="bookmark-filters" role="search" aria-label="Filter bookmarks">
        <div class="field">
          <label for="filter-tag">Bookmarker's tag</label>
          <input type="text" id="filter-tag" name="tag" value={query.bookmarkerTag} />
        </div>
        <div class="field">
          <label for="filter-work-tag">The work's tag (a fandom, a character…)</label>
          <input type="text" id="filter-work-tag" name="work_tag" value={query.workTag} data-autocomplete="/autocomplete/tags" />
        </div>
        <div class="field check">
          <input type="checkbox" id="filter-rec" name="rec" value="1" checked={query.recOnly} />
          <label for="filter-rec">Recs only</label>
        </div>
        <button type="submit">Filter</button>
        {filtered && <> <a href={path}>Clear filters</a></>}
      </form>
      <h2>{listing.total === 0 ? "No bookmarks" : plural(listing.total, "bookmark")}</h2>
      <ol class="works bookmarks">
        {listing.entries.map((entry) => <BookmarkItem page={page} entry={entry} own={own} path={path} />)}
      </ol>
      <Pagination path={path} params={props.params} page={query.page} pages={Math.ceil(listing.total / props.perPage)} />
      {own && listing.total === 0 && !filtered && <p>Bookmark a work or a series from its page, and it is kept here. Only you see the private ones.</p>}
      {!own && <p class="hint">Public bookmarks only, of works you may read.</p>}
    </Layout>
  );
}
