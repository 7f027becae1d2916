/**
 * A sitemap (sitemaps.org protocol 0.9) from a list of addresses: pure, so what it writes is tested alone. Every
 * address is escaped for XML and stripped of characters XML 1.0 cannot hold, so no name in the library can break
 * the document or add elements to it.
 */
import { xmlCharacters } from "./xml-text.js";

/** The protocol's limit on addresses in one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000;

export interface SitemapEntry {
  /** An absolute URL. */
  loc: string;
  /** `YYYY-MM-DD` */
  lastmod?: string;
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/gu, (c) => ENTITIES[c] ?? c);
}

/** The sitemap's XML. The caller keeps the list within MAX_SITEMAP_URLS. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ""}</url>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("")}</urlset>\n`;
}
