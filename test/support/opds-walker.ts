/**
 * An OPDS client for tests, walking the catalog as an e-reader app does: from the root it follows every
 * navigation and acquisition link breadth-first, every acquisition feed's `next` until the last page, and keeps
 * each feed as it came, for the test to validate and look through.
 */
import { isTag, type Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import type { WebClient } from "./web-client.js";

export interface FeedLink {
  rel: string;
  href: string;
  type: string;
  /** thr:count, when the link has one. */
  count: number | null;
}

export interface CatalogEntry {
  id: string;
  title: string;
  links: FeedLink[];
}

export interface WalkedFeed {
  /** The path and query it was fetched at. */
  path: string;
  status: number;
  contentType: string;
  xml: string;
  links: FeedLink[];
  entries: CatalogEntry[];
  /** opensearch:totalResults, when given. */
  totalResults: number | null;
}

const OPDS_PROFILE = "profile=opds-catalog";

function childElements(element: Element, name: string): Element[] {
  return element.children.filter((child): child is Element => isTag(child) && child.name === name);
}

function linksOf(element: Element): FeedLink[] {
  return childElements(element, "link").map((link) => ({
    rel: link.attribs.rel ?? "", href: link.attribs.href ?? "", type: link.attribs.type ?? "",
    count: link.attribs["thr:count"] === undefined ? null : Number(link.attribs["thr:count"]),
  }));
}

export function readFeed(path: string, status: number, contentType: string, xml: string): WalkedFeed {
  const document = parseDocument(xml, { xmlMode: true });
  const feed = DomUtils.findOne((e) => e.name === "feed", document.children);
  if (!feed) return { path, status, contentType, xml, links: [], entries: [], totalResults: null };
  const total = childElements(feed, "opensearch:totalResults")[0];
  return {
    path, status, contentType, xml,
    links: linksOf(feed),
    entries: childElements(feed, "entry").map((entry) => ({
      id: DomUtils.textContent(childElements(entry, "id")),
      title: DomUtils.textContent(childElements(entry, "title")),
      links: linksOf(entry),
    })),
    totalResults: total ? Number(DomUtils.textContent(total)) : null,
  };
}

/** The path and query of an absolute address on the test's origin. */
export function localPath(href: string): string {
  const url = new URL(href, "http://localhost");
  return `${url.pathname}${url.search}`;
}

/**
 * Walks the catalog from `start`, fetching at most `limit` feeds.
 * @returns every feed fetched, in the order fetched, by path.
 */
export async function walkCatalog(client: WebClient, start: string, limit: number): Promise<Map<string, WalkedFeed>> {
  const seen = new Map<string, WalkedFeed>();
  const queue = [start];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift() ?? start;
    if (seen.has(path)) continue;
    const response = await client.get(path);
    const feed = readFeed(path, response.status, response.headers.get("Content-Type") ?? "", await response.text());
    seen.set(path, feed);
    const onward = [
      ...feed.entries.flatMap((e) => e.links).filter((l) => l.type.includes(OPDS_PROFILE)),
      ...feed.links.filter((l) => l.rel === "next"),
    ];
    for (const link of onward) {
      const next = localPath(link.href);
      if (!seen.has(next) && !queue.includes(next)) queue.push(next);
    }
  }
  return seen;
}
