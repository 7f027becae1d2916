/**
 * OPDS 1.2 catalog documents: navigation feeds (entries that lead to other feeds) and acquisition feeds (works
 * with the links that download them), both Atom written through formats/feeds/atom.ts. Pure: the caller gives
 * every address, so the same writer serves any host, and tests validate the output against the OPDS schema.
 */
import type { ExportFormat } from "../export/file-name.js";
import { EXPORT_MEDIA_TYPES } from "../export/write-export.js";
import { ATOM_MEDIA_TYPE, atomFeedXml, type AtomFeed, type AtomLink, type AtomPerson } from "../feeds/atom.js";
import { workEntry, type WorkEntryAddresses } from "../feeds/work-entry.js";
import type { WorkBlurb } from "../../search/search-index.js";

export const OPDS_NAVIGATION_TYPE = `${ATOM_MEDIA_TYPE};profile=opds-catalog;kind=navigation`;
export const OPDS_ACQUISITION_TYPE = `${ATOM_MEDIA_TYPE};profile=opds-catalog;kind=acquisition`;
const OPENSEARCH_DESCRIPTION_TYPE = "application/opensearchdescription+xml";
export const ACQUISITION_REL = "http://opds-spec.org/acquisition";
const IMAGE_REL = "http://opds-spec.org/image";
const THUMBNAIL_REL = "http://opds-spec.org/image/thumbnail";
/** OPDS 1.2's sorting relations, for the root's "New works" and "Recently updated". */
export const SORT_NEW_REL = "http://opds-spec.org/sort/new";
const SUBSECTION_REL = "subsection";

export type CatalogKind = "navigation" | "acquisition";

export function catalogType(kind: CatalogKind): string {
  return kind === "navigation" ? OPDS_NAVIGATION_TYPE : OPDS_ACQUISITION_TYPE;
}

/** One page of a longer list, and where each page is. */
export interface CatalogPage {
  /** 1-based. */
  page: number;
  perPage: number;
  total: number;
  href(page: number): string;
}

/** What every catalog feed carries: its id, title, time, and the links back to itself, the root, its parent and search. */
export interface CatalogFrame {
  id: string;
  title: string;
  updated: string;
  kind: CatalogKind;
  /** This feed (its first page when paged). */
  self: string;
  start: string;
  up: string;
  /** The OpenSearch description. */
  search: string;
  /** The archive, as the feed's author. */
  publisher: AtomPerson;
  paging?: CatalogPage;
}

export interface NavigationItem {
  id: string;
  title: string;
  href: string;
  /** What the linked feed is. */
  kind: CatalogKind;
  /** The link relation; `subsection` unless a better one fits (SORT_NEW_REL). */
  rel?: string;
  /** How many works the linked feed holds, when known. */
  count?: number;
  description: string;
}

/** A work in an acquisition feed, with where to read and download it. */
export interface CatalogWork {
  work: WorkBlurb;
  /** When the work last changed, RFC 3339. */
  changed: string;
  addresses: WorkEntryAddresses;
  downloads: readonly { format: ExportFormat; href: string }[];
  cover: string;
}

function pages(paging: CatalogPage): number {
  return Math.max(1, Math.ceil(paging.total / paging.perPage));
}

function frameLinks(frame: CatalogFrame): AtomLink[] {
  const type = catalogType(frame.kind);
  const paging = frame.paging;
  const links: AtomLink[] = [
    { rel: "self", href: paging ? paging.href(paging.page) : frame.self, type },
    { rel: "start", href: frame.start, type: OPDS_NAVIGATION_TYPE },
    { rel: "up", href: frame.up, type: OPDS_NAVIGATION_TYPE },
    { rel: "search", href: frame.search, type: OPENSEARCH_DESCRIPTION_TYPE },
  ];
  if (!paging) return links;
  const last = pages(paging);
  links.push({ rel: "first", href: paging.href(1), type });
  if (paging.page > 1) links.push({ rel: "previous", href: paging.href(Math.min(paging.page - 1, last)), type });
  if (paging.page < last) links.push({ rel: "next", href: paging.href(paging.page + 1), type });
  links.push({ rel: "last", href: paging.href(last), type });
  return links;
}

function feed(frame: CatalogFrame, entries: AtomFeed["entries"]): string {
  const paging = frame.paging;
  return atomFeedXml({
    id: frame.id,
    title: frame.title,
    updated: frame.updated,
    authors: [frame.publisher],
    links: frameLinks(frame),
    ...(paging ? { paging: { totalResults: paging.total, itemsPerPage: paging.perPage, startIndex: (paging.page - 1) * paging.perPage + 1 } } : {}),
    entries,
  });
}

/** A navigation feed: each entry leads to another feed of the catalog. */
export function navigationFeedXml(frame: CatalogFrame, items: readonly NavigationItem[]): string {
  return feed(frame, items.map((item) => ({
    id: item.id,
    title: item.title,
    updated: frame.updated,
    authors: [],
    categories: [],
    content: { text: item.description },
    links: [{ rel: item.rel ?? SUBSECTION_REL, href: item.href, type: catalogType(item.kind), title: item.title, ...(item.count === undefined ? {} : { count: item.count }) }],
  })));
}

/** An acquisition feed: each entry a work, with its download links (one per format), its cover and its page. */
export function acquisitionFeedXml(frame: CatalogFrame, works: readonly CatalogWork[]): string {
  return feed(frame, works.map(({ work, changed, addresses, downloads, cover }) => workEntry(work, changed, addresses, [
    { rel: IMAGE_REL, href: cover, type: "image/svg+xml" },
    { rel: THUMBNAIL_REL, href: cover, type: "image/svg+xml" },
    ...downloads.map((d) => ({ rel: ACQUISITION_REL, href: d.href, type: EXPORT_MEDIA_TYPES[d.format], title: `${work.title} (${d.format.toUpperCase()})` })),
  ])));
}
