/** The archive's index pages: home, the fandom index, a tag, a series, the stats. */
import type { Child } from "hono/jsx";
import type { FacetCount, WorkBlurb } from "../../search/search-index.js";
import type { LibraryStats } from "../../services/archive/library-stats.js";
import type { SeriesReading } from "../../services/archive/read-series.js";
import type { TagDescription } from "../../services/tags/describe-tags.js";
import { seriesDownloadPath } from "../download-paths.js";
import { seriesFeedPath, tagFeedPath } from "../feed-paths.js";
import type { PageContext } from "../page-context.js";
import { tagUrl, tagWorksUrl } from "../tag-url.js";
import { Blurb, Byline } from "./blurb.js";
import { BarChart, ColumnChart } from "./charts.js";
import { DownloadMenu } from "./download-menu.js";
import { formatNumber, plural } from "./format.js";
import { Layout } from "./layout.js";
import { TagLink } from "./tag-links.js";
import { TextBlocks } from "./text-blocks.js";

const TOP_FANDOMS_ON_HOME = 15;
const TOP_IN_CHARTS = 10;

export function HomePage(props: { page: PageContext; total: number; recent: readonly WorkBlurb[]; fandoms: readonly FacetCount[] }) {
  const { page, total, recent, fandoms } = props;
  return (
    <Layout page={page} title="Home">
      <h1>Welcome to the archive</h1>
      <p>{plural(total, "work")} in {plural(fandoms.length, "fandom")}.</p>
      {page.staticSite ? <p><a href="/works/search">Search and filter the works</a></p> : (
        <>
          <form class="big-search" role="search" aria-label="Works" method="get" action="/works">
            <label class="visually-hidden" for="home-search">Search works</label>
            <input type="search" id="home-search" name="q" placeholder="Title, author, character, tag or words of the story" />
            <button type="submit" class="primary">Search</button>
          </form>
          <p><a href="/works/search">Advanced search</a></p>
        </>
      )}
      <div class="home-grid">
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently updated</h2>
          <ol class="works">{recent.map((w) => <Blurb work={w} prefs={page.prefs} />)}</ol>
          <p><a href="/works">All works</a></p>
        </section>
        <section aria-labelledby="fandoms-heading">
          <h2 id="fandoms-heading">Fandoms</h2>
          <ul>
            {fandoms.slice(0, TOP_FANDOMS_ON_HOME).map((f) => <li><TagLink name={f.name} /> ({formatNumber(f.count)})</li>)}
          </ul>
          <p><a href="/fandoms">All fandoms</a></p>
        </section>
      </div>
    </Layout>
  );
}

/** The initial a fandom is filed under: its first letter without accents, or # for anything else. */
function initialOf(name: string): string {
  const letter = name.normalize("NFKD").replace(/\p{M}+/gu, "").match(/\p{L}|\p{N}/u)?.[0]?.toUpperCase() ?? "#";
  return /[A-Z]/u.test(letter) ? letter : "#";
}

export function FandomIndex(props: { page: PageContext; fandoms: readonly FacetCount[] }) {
  const groups = new Map<string, FacetCount[]>();
  for (const f of [...props.fandoms].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }))) {
    const initial = initialOf(f.name);
    groups.set(initial, [...(groups.get(initial) ?? []), f]);
  }
  const initials = [...groups.keys()].sort((a, b) => (a === "#" ? 1 : b === "#" ? -1 : a.localeCompare(b)));
  return (
    <Layout page={props.page} title="Fandoms">
      <h1>Fandoms</h1>
      <nav aria-label="Fandoms by letter"><ul class="alphabet">{initials.map((i) => <li><a href={`#letter-${i === "#" ? "other" : i}`}>{i}</a></li>)}</ul></nav>
      {initials.map((initial) => (
        <section aria-labelledby={`letter-${initial === "#" ? "other" : initial}`}>
          <h2 id={`letter-${initial === "#" ? "other" : initial}`}>{initial}</h2>
          <ul class="columns">{(groups.get(initial) ?? []).map((f) => <li><TagLink name={f.name} /> ({formatNumber(f.count)})</li>)}</ul>
        </section>
      ))}
      {initials.length === 0 && <p>No works have a fandom yet.</p>}
    </Layout>
  );
}

const STATUS_TEXT: Record<TagDescription["status"], string> = {
  canonical: "a canonical tag: it is used in filters",
  synonym: "a synonym",
  unwrangled: "not yet wrangled: works with it can be searched by its words, but it has no filter of its own",
};
const TYPE_NAMES: Record<string, string> = { ArchiveWarning: "Archive Warning", Freeform: "Additional Tag" };

/** `actions`: what the reader may do about each tag (subscribe), by the tag's id. */
export function TagPage(props: { page: PageContext; tags: readonly (TagDescription & { filteredWorks: number })[]; actions?: ReadonlyMap<number, Child> }) {
  const name = props.tags[0]?.name ?? "Tag";
  return (
    <Layout page={props.page} title={name} feed={{ href: tagFeedPath(name), title: `Works in ${name} (Atom)` }}>
      <h1>{name}</h1>
      <TagDescriptions tags={props.tags} actions={props.actions} />
    </Layout>
  );
}

/** What each tag of a name is (its type, wrangling status, synonyms, parents, meta and sub tags) and its works. */
export function TagDescriptions(props: { tags: readonly (TagDescription & { filteredWorks: number })[]; actions?: ReadonlyMap<number, Child> | undefined }) {
  // Several types can share a name ("Angel", the character and the fandom): a section for each under one heading.
  const several = props.tags.length > 1;
  return (
    <>
      {props.tags.map((tag) => (
        <section aria-labelledby={several ? `tag-${tag.id}` : undefined}>
          {several && <h2 id={`tag-${tag.id}`}>{`${tag.name} (${TYPE_NAMES[tag.type] ?? tag.type})`}</h2>}
          <p>This {TYPE_NAMES[tag.type] ?? tag.type} tag is {STATUS_TEXT[tag.status]}
            {tag.synonymOf && <> of <a href={tagUrl(tag.synonymOf)}>{tag.synonymOf}</a></>}.</p>
          <p><a href={tagWorksUrl(tag.name)}>{plural(tag.filteredWorks, "work")} in {tag.synonymOf ?? tag.name}</a></p>
          {props.actions?.get(tag.id)}
          <TagNames heading="Parent tags" names={tag.parents} level={several ? 3 : 2} />
          <TagNames heading="Meta tags" names={tag.metaTags} level={several ? 3 : 2} />
          <TagNames heading="Sub tags" names={tag.subTags} level={several ? 3 : 2} />
          <TagNames heading="Synonyms" names={tag.synonyms} level={several ? 3 : 2} />
          <TagNames heading="Child tags" names={tag.children} level={several ? 3 : 2} />
        </section>
      ))}
    </>
  );
}

function TagNames(props: { heading: string; names: readonly string[]; level: 2 | 3 }) {
  if (props.names.length === 0) return null;
  return (
    <section>
      {props.level === 2 ? <h2>{props.heading}</h2> : <h3>{props.heading}</h3>}
      <ul class="columns">{props.names.map((n) => <li><a href={tagUrl(n)}>{n}</a></li>)}</ul>
    </section>
  );
}

/** `actions`: what the reader may do about the series (subscribe, bookmark). */
export function SeriesPage(props: { page: PageContext; series: SeriesReading; actions?: Child }) {
  const { page, series } = props;
  return (
    <Layout page={page} title={series.name} feed={{ href: seriesFeedPath(series.id), title: `${series.name} (Atom)` }}>
      <h1>{series.name}</h1>
      {page.viewer !== null && page.viewer.id === series.userId && <p><a href={`/series/${series.id}/edit`}>Edit the series</a></p>}
      <dl class="work-meta">
        <dt>Creators:</dt><dd><Byline authors={series.authors} /></dd>
        <dt>Fandoms:</dt><dd><ul>{series.fandoms.map((f) => <li><TagLink name={f} /></li>)}</ul></dd>
        <dt>Works:</dt><dd>{formatNumber(series.works.length)}</dd>
        <dt>Words:</dt><dd>{formatNumber(series.wordCount)}</dd>
      </dl>
      {series.works.length > 0 && <DownloadMenu label="Download the series as one book" href={(format) => seriesDownloadPath(series.id, series.name, format)} />}
      {series.summary && <section aria-labelledby="series-summary-heading"><h2 id="series-summary-heading">Summary</h2><blockquote class="userstuff summary"><TextBlocks text={series.summary} /></blockquote></section>}
      {series.notes && <section aria-labelledby="series-notes-heading"><h2 id="series-notes-heading">Notes</h2><div class="userstuff"><TextBlocks text={series.notes} /></div></section>}
      {props.actions}
      {!page.staticSite && <p class="feed-link"><a href={seriesFeedPath(series.id)} type="application/atom+xml">Subscribe (Atom)</a></p>}
      <h2>Works in order</h2>
      <ol class="works">{series.works.map((w) => <Blurb work={w} prefs={page.prefs} />)}</ol>
    </Layout>
  );
}

/** Years with no works between the first and the last stay on the axis, so the chart's gaps are true. */
function everyYear(years: LibraryStats["years"]): { label: string; value: number }[] {
  const first = years[0]?.year;
  const last = years[years.length - 1]?.year;
  if (first === undefined || last === undefined) return [];
  const counts = new Map(years.map((y) => [y.year, y.works]));
  return Array.from({ length: last - first + 1 }, (_, i) => ({ label: String(first + i), value: counts.get(first + i) ?? 0 }));
}

export function StatsPage(props: { page: PageContext; stats: LibraryStats }) {
  const { stats } = props;
  const facet = (values: readonly FacetCount[]) => values.slice(0, TOP_IN_CHARTS).map((v) => ({ label: v.name, value: v.count }));
  // Short labels, so seven fit under their columns on a phone: "1K–5K" is 1,000 to 4,999 words.
  const compact = new Intl.NumberFormat("en", { notation: "compact" });
  const bucketLabel = (from: number, to: number | null) => (to === null ? `${compact.format(from)}+` : `${compact.format(from)}–${compact.format(to)}`);
  return (
    <Layout page={props.page} title="Stats">
      <h1>About this archive</h1>
      <p>{plural(stats.works, "work")}, {plural(stats.facets.fandoms.length, "fandom")}, {plural(stats.facets.relationships.length, "relationship")}.</p>
      <div class="charts">
        <BarChart id="chart-ratings" caption="Works per rating" values={stats.facets.rating.map((v) => ({ label: v.name, value: v.count }))} />
        <ColumnChart id="chart-words" caption="Works by word count" values={stats.wordCounts.map((b) => ({ label: bucketLabel(b.from, b.to), value: b.works }))} />
        <BarChart id="chart-fandoms" caption="Top fandoms" values={facet(stats.facets.fandoms)} />
        <BarChart id="chart-relationships" caption="Top relationships" values={facet(stats.facets.relationships)} />
        <ColumnChart id="chart-years" caption="Works per year first posted" values={everyYear(stats.years)} />
      </div>
      <p class="hint">Each word-count range stops short of its last number: 1K–5K is 1,000 to 4,999 words.</p>
    </Layout>
  );
}
