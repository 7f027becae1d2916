/** Where each page's Atom feed is: the pages link to them in their heads and under their headings. */
import { tagPathSegment } from "./tag-url.js";

export function tagFeedPath(name: string): string {
  return `/tags/${tagPathSegment(name)}/feed.atom`;
}

export function authorFeedPath(name: string): string {
  return `/users/${encodeURIComponent(name)}/feed.atom`;
}

export function seriesFeedPath(seriesId: number): string {
  return `/series/${seriesId}/feed.atom`;
}

/** A listing's or a search's feed, carrying the same parameters (but the page, which a feed has no use for). */
export function searchFeedPath(params: URLSearchParams): string {
  const query = new URLSearchParams(params);
  query.delete("page");
  const search = query.toString();
  return `/works/search/feed.atom${search ? `?${search}` : ""}`;
}

