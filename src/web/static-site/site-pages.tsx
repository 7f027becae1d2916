/**
 * The static site's own pages, where the web app's need a server: a list of works in pages (the app's listings
 * carry the filter form), a work on one page with every chapter, and the search page the browser runs. Each is
 * built from the app's views (Layout, Blurb, WorkMeta, Preface, Chapter, Pagination) and speaks the app's
 * addresses, which relink.ts turns into the site's files.
 */
import type { Child } from "hono/jsx";
import type { SearchFacets, WorkBlurb } from "../../search/search-index.js";
import type { ReadableWork, WorkChapter } from "../../services/archive/read-work.js";
import { workDownloadPath } from "../download-paths.js";
import type { PageContext } from "../page-context.js";
import { Blurb } from "../views/blurb.js";
import { DownloadMenu } from "../views/download-menu.js";
import { formatNumber, plural } from "../views/format.js";
import { Layout } from "../views/layout.js";
import { Pagination } from "../views/pagination.js";
import { Chapter, chapterHeading, Preface, WorkEndNotes, workPageTitle } from "../views/work-page.js";
import { WorkMeta } from "../views/work-meta.js";

export interface WorkListProps {
  page: PageContext;
  heading: string;
  /** The web app's address of the listing; pages after the first add `?page=N`. */
  path: string;
  works: readonly WorkBlurb[];
  /** 1-based. */
  pageNumber: number;
  pages: number;
  /** Every work in the list, across its pages. */
  total: number;
  intro?: Child;
}

/** One page of a list of works (all works, a tag's, an author's), newest first. */
export function WorkListPage(props: WorkListProps) {
  const { page, heading, path, works, pageNumber, pages, total } = props;
  return (
    <Layout page={page} title={pageNumber > 1 ? `${heading} (page ${pageNumber})` : heading}>
      <h1>{heading}</h1>
      {props.intro}
      <section class="results" aria-labelledby="results-heading">
        <h2 id="results-heading">{total === 0 ? "No works" : plural(total, "work")}</h2>
        <p><a href="/works/search">Search and filter the works</a></p>
        <ol class="works">{works.map((w) => <Blurb work={w} prefs={page.prefs} />)}</ol>
        <Pagination path={path} params={new URLSearchParams()} page={pageNumber} pages={pages} />
      </section>
    </Layout>
  );
}

/**
 * The whole work on one page: readers of a copy keep and search one file per story, and every chapter has an
 * anchor (`#chapter-3`) that the chapter index above the text links to.
 */
export function StaticWorkPage(props: { page: PageContext; work: ReadableWork; chapters: readonly WorkChapter[] }) {
  const { page, work, chapters } = props;
  const multiChapter = work.chapters.length > 1;
  return (
    <Layout page={page} title={workPageTitle(work)}>
      <nav aria-label="Work" id="chapters">
        <ul class="work-navigation">
          {multiChapter && (
            <li>
              <details class="chapter-index">
                <summary>Chapter index ({formatNumber(work.chapters.length)})</summary>
                <ol>{work.chapters.map((c) => <li><a href={`#chapter-${c.position}`}>{chapterHeading(c)}</a></li>)}</ol>
              </details>
            </li>
          )}
          <li><DownloadMenu href={(format) => workDownloadPath(work.id, work.title, format)} /></li>
        </ul>
      </nav>
      <WorkMeta work={work} prefs={page.prefs} />
      <Preface work={work} showNotes endNotesUrl="#work-endnotes" />
      {chapters.map((chapter) => <Chapter chapter={chapter} multiChapter={multiChapter} language={work.language} />)}
      <WorkEndNotes work={work} />
      <nav aria-label="Work, again">
        <ul class="work-navigation">
          {multiChapter && <li><a href="#chapters">Chapter index</a></li>}
          <li><a href="#main">↑ Top</a></li>
        </ul>
      </nav>
    </Layout>
  );
}

/** The values the search page offers to filter by, from the counts over every work of the site. */
export interface SearchChoices {
  facets: SearchFacets;
  /** Every tag name with a page on the site, for the tag fields' suggestions. */
  tagNames: readonly string[];
  languages: readonly { code: string; name: string }[];
}

function ChoiceList(props: { name: string; legend: string; values: readonly string[] }) {
  if (props.values.length === 0) return null;
  return (
    <details>
      <summary>{props.legend}</summary>
      <ul>
        {props.values.map((value, i) => (
          <li>
            <input type="checkbox" id={`${props.name}-${i}`} name={props.name} value={value} />{" "}
            <label for={`${props.name}-${i}`}>{value}</label>
          </li>
        ))}
      </ul>
    </details>
  );
}

function TagField(props: { name: string; label: string; list: string }) {
  return (
    <div class="field">
      <label for={`search-${props.name}`}>{props.label}</label>
      <input type="text" id={`search-${props.name}`} name={props.name} list={props.list} aria-describedby="tags-hint" />
    </div>
  );
}

const CHOICES: readonly (readonly [keyof SearchFacets, string, string])[] = [
  ["rating", "rating", "Ratings"], ["warnings", "warning", "Warnings"], ["categories", "category", "Categories"],
];

/**
 * Search and filters, run in the browser by src/web/static/site-search.js over the site's search index. The form
 * sends its fields to this same page as its query string, which the script reads: a search has an address to keep
 * and share, and the page needs no server. Without JavaScript the page holds only a notice saying so.
 */
export function SearchPage(props: { page: PageContext; choices: SearchChoices; indexUrl: string; scripts: readonly string[] }) {
  const { page, choices } = props;
  const names = (facet: keyof SearchFacets) => choices.facets[facet].map((f) => f.name);
  return (
    <Layout page={page} title="Search">
      <h1>Search works</h1>
      <noscript>
        <p class="notice">Searching and filtering this copy of the archive needs JavaScript. Without it, browse the works by <a href="/fandoms">fandom</a>, <a href="/works">date</a>, or from any tag or author on a work.</p>
      </noscript>
      {/* Shown by the script: without it, the form would send a search nothing runs. */}
      <div id="search-ui" hidden>
        <div class="listing">
          <section class="results" aria-labelledby="results-heading" aria-live="polite">
            <h2 id="results-heading">Works</h2>
            <p class="hint" id="search-status" data-index={props.indexUrl}>Loading the search index…</p>
            <ol class="works" id="search-results"></ol>
            <nav class="pagination" aria-label="Pages" id="search-pages" hidden></nav>
          </section>
          <div class="filters-region">
            <form class="filters" id="site-search" method="get" aria-labelledby="filters-heading">
              <h2 id="filters-heading">Search and filter</h2>
              <div class="field">
                <label for="search-q">Words</label>
                <input type="search" id="search-q" name="q" aria-describedby="q-hint" />
                <span class="hint" id="q-hint">In titles, creators, fandoms, tags and summaries.</span>
              </div>
              <div class="field">
                <label for="search-sort">Sort by</label>
                <select id="search-sort" name="sort">
                  <option value="">Best match, or date updated</option>
                  <option value="updated">Date updated</option>
                  <option value="published">Date posted</option>
                  <option value="title">Title</option>
                  <option value="author">Creator</option>
                  <option value="words">Word count</option>
                </select>
              </div>
              <fieldset>
                <legend>Include</legend>
                {CHOICES.map(([facet, param, legend]) => <ChoiceList name={param} legend={legend} values={names(facet)} />)}
                <TagField name="fandom" label="Fandom" list="fandom-names" />
                <TagField name="tag" label="Other tags" list="tag-names" />
              </fieldset>
              <fieldset>
                <legend>Exclude</legend>
                {CHOICES.map(([facet, param, legend]) => <ChoiceList name={`exclude-${param}`} legend={legend} values={names(facet)} />)}
                <TagField name="exclude-fandom" label="Fandom" list="fandom-names" />
                <TagField name="exclude" label="Other tags" list="tag-names" />
              </fieldset>
              <p class="hint" id="tags-hint">Separate several tags with commas.</p>
              <fieldset>
                <legend>More</legend>
                <div class="field">
                  <label for="search-status-choice">Completion status</label>
                  <select id="search-status-choice" name="status">
                    <option value="">All works</option>
                    <option value="complete">Complete works only</option>
                    <option value="in-progress">Works in progress only</option>
                  </select>
                </div>
                <div class="field">
                  <label for="search-language">Language</label>
                  <select id="search-language" name="language">
                    <option value="">Any language</option>
                    {choices.languages.map((l) => <option value={l.code}>{l.name}</option>)}
                  </select>
                </div>
                <div class="field">
                  <label for="search-words-from">Words from</label>
                  <input type="number" id="search-words-from" name="words-from" min="0" inputmode="numeric" />
                </div>
                <div class="field">
                  <label for="search-words-to">Words to</label>
                  <input type="number" id="search-words-to" name="words-to" min="0" inputmode="numeric" />
                </div>
              </fieldset>
              <div class="actions">
                <button type="submit" class="primary">Search</button>
                <a href="/works/search">Clear</a>
              </div>
            </form>
          </div>
        </div>
      </div>
      <datalist id="fandom-names">{names("fandoms").map((n) => <option value={n} />)}</datalist>
      <datalist id="tag-names">{choices.tagNames.map((n) => <option value={n} />)}</datalist>
      {props.scripts.map((src) => <script src={src} defer></script>)}
    </Layout>
  );
}
