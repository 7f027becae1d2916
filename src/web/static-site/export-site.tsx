/**
 * `quire export-site OUT`: the archive as a static website, for a closing archive to live on any static host.
 * What a guest may read (src/services/static-site/read-site.ts), rendered with the web app's views and
 * stylesheet, each link made relative (relink.ts), with a search index and the script that searches it. The same
 * library always gives the same files: every list is in a fixed order and nothing records the time.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Child } from "hono/jsx";
import { GUEST_AUDIENCE } from "../../domain/account.js";
import { isAdultRating } from "../../domain/rating.js";
import { EXPORT_FORMATS, exportFileName } from "../../formats/export/file-name.js";
import type { WorkBlurb } from "../../search/search-index.js";
import type { SeriesReading } from "../../services/archive/read-series.js";
import type { ReadableWork } from "../../services/archive/read-work.js";
import type { SearchDeps } from "../../services/search-works.js";
import { readGuestWork, readSiteContents, type SiteContents } from "../../services/static-site/read-site.js";
import { openSiteFolder } from "../../services/static-site/site-folder.js";
import { assetOf, loadStaticAsset, type Asset, type Assets } from "../assets.js";
import type { PageContext } from "../page-context.js";
import { DEFAULT_PREFS } from "../reader-prefs.js";
import { tagWorksUrl } from "../tag-url.js";
import { FandomIndex, HomePage, SeriesPage, StatsPage, TagDescriptions } from "../views/archive-pages.js";
import { languageName } from "../views/format.js";
import { AdultGate } from "../views/work-page.js";
import { relinkPage } from "./relink.js";
import { searchDocuments } from "./search-documents.js";
import type { SiteDownloads } from "./site-downloads.js";
import { SearchPage, StaticWorkPage, WorkListPage } from "./site-pages.js";
import { sitePaths } from "./site-paths.js";

export interface SiteDeps extends SearchDeps {
  assets: Assets;
  /** The books beside each work and series (site-downloads.ts: the archive's own writers). */
  downloads: SiteDownloads;
}

export type SiteProgress = { phase: "reading" } | { phase: "writing"; done: number; total: number };

export interface SiteSummary {
  works: number;
  tags: number;
  authors: number;
  series: number;
  /** Every file written, pages, downloads, assets and the search index. */
  files: number;
}

const WORKS_PER_PAGE = 50;
const RECENT_ON_HOME = 10;

/** The guest's page context: default reading settings, no account, no forms. */
function staticPage(assets: Assets): PageContext {
  return { prefs: DEFAULT_PREFS, assets, owner: false, viewer: null, audience: GUEST_AUDIENCE, csrfToken: "", here: "/", staticSite: true };
}

/** MiniSearch's browser build, which defines the global `MiniSearch`; the package exports only its modules, so
 *  the file is found beside the CommonJS one. */
function miniSearchAssets(): Asset[] {
  const packageDist = dirname(dirname(createRequire(import.meta.url).resolve("minisearch")));
  const licence = readFileSync(join(packageDist, "..", "LICENSE.txt"));
  return [
    assetOf("minisearch.js", readFileSync(join(packageDist, "umd", "index.js")), "text/javascript"),
    assetOf("minisearch-LICENSE.txt", licence, "text/plain"),
  ];
}

/** A page to write: its file, and how to render it (late, so that one work at a time is in memory). */
interface PlannedPage {
  path: string;
  render: () => Promise<Child>;
}

function listingPages(path: (page: number) => string, webPath: string, heading: string, works: readonly WorkBlurb[], page: PageContext, intro?: Child): PlannedPage[] {
  const pages = Math.max(1, Math.ceil(works.length / WORKS_PER_PAGE));
  return Array.from({ length: pages }, (_, i) => ({
    path: path(i + 1),
    render: async () => (
      <WorkListPage page={page} heading={heading} path={webPath} works={works.slice(i * WORKS_PER_PAGE, (i + 1) * WORKS_PER_PAGE)}
        pageNumber={i + 1} pages={pages} total={works.length} intro={intro} />
    ),
  }));
}

/**
 * Writes the site into `out`: a new folder, an empty one, or a previous export (see site-folder.ts), which it
 * replaces only once the new site is whole.
 * @throws SiteFolderError when `out` holds files of its own.
 */
export async function exportSite(deps: SiteDeps, out: string, options: { onProgress?: (progress: SiteProgress) => void } = {}): Promise<SiteSummary> {
  const folder = await openSiteFolder(out);
  try {
    options.onProgress?.({ phase: "reading" });
    const contents = await readSiteContents(deps);
    const works = contents.works.works;
    const page = staticPage(deps.assets);
    const assets = [deps.assets.css, deps.assets.icon, ...miniSearchAssets(), loadStaticAsset("site-search.js", "text/javascript")];
    const pages = planPages(contents, page, assets.filter((a) => a.url.endsWith(".js")).map((a) => a.url));
    const adult = works.filter((w) => isAdultRating(w.rating));
    const files = new Set<string>([
      sitePaths.searchIndex, ...assets.map(assetPath), ...pages.map((p) => p.path),
      ...works.map((w) => sitePaths.work(w.id)), ...adult.map((w) => sitePaths.adultWorkText(w.id)),
      ...works.flatMap((w) => EXPORT_FORMATS.map((f) => sitePaths.download(w.id, exportFileName(w.title, f)))),
      ...contents.series.flatMap((s) => EXPORT_FORMATS.map((f) => sitePaths.seriesDownload(s.id, exportFileName(s.name, f)))),
    ]);

    const total = pages.length + works.length + adult.length;
    let done = 0;
    const writePage = async (path: string, element: Child) => {
      await folder.write(path, relinkPage(String(await element), path, (file) => files.has(file)));
      done += 1;
      options.onProgress?.({ phase: "writing", done, total });
    };
    for (const asset of assets) await folder.write(assetPath(asset), asset.body);
    await folder.write(sitePaths.searchIndex, JSON.stringify(searchDocuments(works, tagsByWork(contents.tags))));
    for (const planned of pages) await writePage(planned.path, await planned.render());
    for (const series of contents.series) {
      const books = await deps.downloads.series(series);
      for (const format of EXPORT_FORMATS) await folder.write(sitePaths.seriesDownload(series.id, exportFileName(series.name, format)), books[format]);
    }
    for (const blurb of works) await writeWork(deps, page, blurb, contents.series, folder.write, writePage);

    const written = await folder.commit();
    return { works: works.length, tags: contents.tags.size, authors: contents.authors.size, series: contents.series.length, files: written.length };
  } catch (error) {
    await folder.abandon();
    throw error;
  }
}

function assetPath(asset: Asset): string {
  return sitePaths.asset(asset.url.slice("/assets/".length));
}

/** The tag names each work is found under, for the search index. */
function tagsByWork(tags: SiteContents["tags"]): Map<number, string[]> {
  const byWork = new Map<number, string[]>();
  for (const [name, tag] of tags) {
    for (const id of tag.workIds) {
      const names = byWork.get(id);
      if (names) names.push(name);
      else byWork.set(id, [name]);
    }
  }
  return byWork;
}

/** Every page but the works' own: home, fandoms, stats, search, and the lists of works by date, tag and author. */
function planPages(contents: SiteContents, page: PageContext, scripts: readonly string[]): PlannedPage[] {
  const { works: all, tags, authors, series, stats } = contents;
  const blurbs = (ids: readonly number[]) => {
    const wanted = new Set(ids);
    return all.works.filter((w) => wanted.has(w.id));
  };
  const choices = {
    facets: all.facets,
    tagNames: [...tags.keys()],
    languages: all.facets.language.map((l) => ({ code: l.name, name: languageName(l.name) })).sort((a, b) => a.name.localeCompare(b.name, "en")),
  };
  return [
    { path: sitePaths.home, render: async () => <HomePage page={page} total={all.total} recent={all.works.slice(0, RECENT_ON_HOME)} fandoms={all.facets.fandoms} /> },
    { path: sitePaths.fandoms, render: async () => <FandomIndex page={page} fandoms={all.facets.fandoms} /> },
    { path: sitePaths.stats, render: async () => <StatsPage page={page} stats={stats} /> },
    { path: sitePaths.search, render: async () => <SearchPage page={page} indexUrl={sitePaths.searchIndex} scripts={scripts} choices={choices} /> },
    ...listingPages(sitePaths.works, "/works", "Works", all.works, page),
    ...[...tags].flatMap(([name, tag]) => listingPages((n) => sitePaths.tag(name, n), tagWorksUrl(name), `Works in ${name}`, blurbs(tag.workIds), page, <TagDescriptions tags={tag.descriptions} />)),
    ...[...authors].flatMap(([name, works]) => listingPages((n) => sitePaths.author(name, n), `/users/${encodeURIComponent(name)}`, `Works by ${name}`, works, page)),
    ...series.map((s) => ({ path: sitePaths.series(s.id), render: async () => <SeriesPage page={page} series={s} /> })),
  ];
}

/**
 * The work's series parts with their neighbours among the works the site holds, the nearest part on either side as
 * the archive picks them. The archive's own neighbours are every part a guest may open, a work the library muted
 * among them, which the site has no page for: its arrow would be left leading nowhere.
 */
function siteSeriesParts(work: ReadableWork, series: readonly SeriesReading[]): ReadableWork["series"] {
  return work.series.map((part) => {
    const parts = (series.find((s) => s.id === part.id)?.works ?? []).flatMap((w) => w.series.filter((s) => s.id === part.id).map((s) => ({ id: w.id, title: w.title, part: s.part })));
    const before = parts.filter((p) => p.part < part.part).at(-1);
    const after = parts.find((p) => p.part > part.part);
    return { ...part, previous: before ? { id: before.id, title: before.title } : null, next: after ? { id: after.id, title: after.title } : null };
  });
}

/** A work's page (behind an interstitial for an adult rating, as on the archive), with its downloads beside it. */
async function writeWork(
  deps: SiteDeps, page: PageContext, blurb: WorkBlurb, series: readonly SeriesReading[],
  writeFile: (path: string, body: Uint8Array) => Promise<void>, writePage: (path: string, element: Child) => Promise<void>,
): Promise<void> {
  const read = await readGuestWork(deps.db, blurb.id);
  const books = await deps.downloads.work(read);
  for (const format of EXPORT_FORMATS) await writeFile(sitePaths.download(blurb.id, exportFileName(blurb.title, format)), books[format]);
  const work = { ...read.work, series: siteSeriesParts(read.work, series) };
  const text = <StaticWorkPage page={page} work={work} chapters={read.chapters} />;
  // The listing's rating, which planned the interstitial's pages.
  if (!isAdultRating(blurb.rating)) return writePage(sitePaths.work(blurb.id), text);
  await writePage(sitePaths.work(blurb.id), <AdultGate page={page} work={work} proceedUrl={`/works/${blurb.id}?view_adult=true`} />);
  await writePage(sitePaths.adultWorkText(blurb.id), text);
}
