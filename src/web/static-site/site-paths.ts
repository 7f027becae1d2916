/**
 * Where each page of the static site lives. The views speak the web app's addresses (`/works/12`,
 * `/tags/Angst/works`); the site is a mirror of the part of that address space a guest may read, so one function
 * maps each address to a file, and links are then written relative to the page that holds them, so the site works
 * from any folder of any web server (and its pages from a plain folder on disk).
 */
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { exportFileStem } from "../../formats/export/file-name.js";
import { tagNameFromSegment } from "../tag-url.js";

/** A file of the site, relative to its root, with the fragment a link adds (`#chapter-2`) or "". */
export interface SiteTarget {
  path: string;
  fragment: string;
}

/** A name as a file name: readable ASCII, lower case, and a digest of the whole name so that no two collide. */
export function nameSlug(name: string): string {
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${exportFileStem(name).toLowerCase()}-${digest}`;
}

function listingPage(folder: string, page: number): string {
  return page <= 1 ? `${folder}/index.html` : `${folder}/page-${page}.html`;
}

export const sitePaths = {
  home: "index.html",
  fandoms: "fandoms.html",
  stats: "stats.html",
  search: "search.html",
  searchIndex: "search/works.json",
  works: (page: number): string => listingPage("works", page),
  /** A work's text; for an adult work, the interstitial before it. */
  work: (id: number): string => `works/${id}.html`,
  /** An adult work's text, behind its interstitial. */
  adultWorkText: (id: number): string => `works/${id}-text.html`,
  tag: (name: string, page = 1): string => listingPage(`tags/${nameSlug(name)}`, page),
  author: (name: string, page = 1): string => listingPage(`authors/${nameSlug(name)}`, page),
  series: (id: number): string => `series/${id}.html`,
  asset: (fileName: string): string => `assets/${fileName}`,
  download: (id: number, fileName: string): string => `downloads/${id}/${fileName}`,
  seriesDownload: (id: number, fileName: string): string => `downloads/series/${id}/${fileName}`,
};

const BASE = "http://quire.invalid";

function pageNumber(url: URL): number {
  const page = Number(url.searchParams.get("page") ?? "1");
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** A path segment as Hono would hand it over: percent-decoded, or as it is when it does not decode. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The file an address of the web app is in the site, or null for an address of another site, a fragment alone,
 * or a page the static site does not have (sign-in, preferences, forms). Whether that file was written is the
 * caller's question.
 * @example siteTargetOf("/works/12/chapters/3") → { path: "works/12.html", fragment: "#chapter-3" }
 */
export function siteTargetOf(href: string): SiteTarget | null {
  if (!href.startsWith("/") || href.startsWith("//")) return null;
  const url = new URL(href, BASE);
  const parts = url.pathname.split("/").slice(1).map(decodeSegment);
  const target = (path: string, fragment = url.hash): SiteTarget => ({ path, fragment });
  const [first, second, third, fourth] = parts;
  switch (first) {
    case "":
      return parts.length === 1 ? target(sitePaths.home) : null;
    case "fandoms":
      return parts.length === 1 ? target(sitePaths.fandoms) : null;
    case "stats":
      return parts.length === 1 ? target(sitePaths.stats) : null;
    case "works":
      return workTarget(url, parts.length, second, third, fourth);
    case "tags":
      if (second === undefined || !(parts.length === 2 || (parts.length === 3 && third === "works"))) return null;
      return target(sitePaths.tag(tagNameFromSegment(second), pageNumber(url)));
    case "users":
      return second !== undefined && parts.length === 2 ? target(sitePaths.author(second, pageNumber(url))) : null;
    case "series":
      return second !== undefined && /^\d+$/u.test(second) && parts.length === 2 ? target(sitePaths.series(Number(second))) : null;
    case "assets":
      return second !== undefined && parts.length === 2 ? target(sitePaths.asset(second)) : null;
    case "downloads":
      if (second === "series") return third !== undefined && /^\d+$/u.test(third) && fourth !== undefined && parts.length === 4 ? target(sitePaths.seriesDownload(Number(third), fourth)) : null;
      return second !== undefined && /^\d+$/u.test(second) && third !== undefined && parts.length === 3 ? target(sitePaths.download(Number(second), third)) : null;
    default:
      return null;
  }
}

function workTarget(url: URL, length: number, second: string | undefined, third: string | undefined, fourth: string | undefined): SiteTarget | null {
  if (second === undefined) return { path: sitePaths.works(pageNumber(url)), fragment: url.hash };
  if (second === "search" && length === 2) return { path: sitePaths.search, fragment: url.hash };
  if (!/^\d+$/u.test(second)) return null;
  const id = Number(second);
  if (length === 2) return { path: url.searchParams.get("view_adult") === "true" ? sitePaths.adultWorkText(id) : sitePaths.work(id), fragment: url.hash };
  // Every chapter is on the work's one page: a chapter's address is its anchor there.
  if (third === "chapters" && fourth !== undefined && /^\d+$/u.test(fourth) && length === 4) return { path: sitePaths.work(id), fragment: url.hash || `#chapter-${fourth}` };
  if (third === "navigate" && length === 3) return { path: sitePaths.work(id), fragment: "#chapters" };
  return null;
}

/** The href from one file of the site to another. */
export function relativeHref(fromPath: string, target: SiteTarget): string {
  const relative = posix.relative(posix.dirname(fromPath), target.path);
  return `${relative}${target.fragment}`;
}
