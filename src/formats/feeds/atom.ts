/**
 * Atom (RFC 4287) documents from a plain model: pure, so what it writes is tested alone and validated against the
 * RFC's schema. xmlbuilder2 escapes every text and attribute; every string from the library first loses the
 * characters XML 1.0 cannot hold, so no title, tag or summary can break the document or add elements to it.
 * The OPDS catalog (formats/opds) and the archive's Atom feeds both write through here.
 */
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { xmlCharacters } from "../xml-text.js";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const XHTML_NS = "http://www.w3.org/1999/xhtml";
/** Dublin Core terms, which OPDS uses for a publication's language and date of issue. */
const DC_TERMS_NS = "http://purl.org/dc/terms/";
/** OpenSearch's response elements: totalResults, itemsPerPage, startIndex. */
const OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/";
/** RFC 4685's thr:count, which OPDS navigation links use for how many entries a linked feed holds. */
const THREAD_NS = "http://purl.org/syndication/thread/1.0";

export const ATOM_MEDIA_TYPE = "application/atom+xml";

export interface AtomLink {
  rel: string;
  href: string;
  type?: string;
  title?: string;
  /** How many entries the linked feed holds (thr:count). */
  count?: number;
}

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomCategory {
  term: string;
  label?: string;
  /** An IRI naming the vocabulary the term is from. */
  scheme?: string;
}

/** A block of an entry's XHTML content: a paragraph, or a list of labelled values (a work's details). */
export type XhtmlBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "details"; items: readonly { label: string; value: string }[] };

export interface AtomEntry {
  id: string;
  title: string;
  /** RFC 3339 date-times. */
  updated: string;
  published?: string;
  authors: readonly AtomPerson[];
  categories: readonly AtomCategory[];
  /** Plain text (OPDS allows no other kind of summary). */
  summary?: string;
  /** Plain text, or XHTML built from blocks. */
  content?: { text: string } | { blocks: readonly XhtmlBlock[] };
  links: readonly AtomLink[];
  /** dc:language: an RFC 5646 tag. */
  language?: string;
  /** dc:issued: a date, `YYYY-MM-DD`. */
  issued?: string;
}

/** The OpenSearch numbers of one page of a longer list. */
export interface AtomPaging {
  totalResults: number;
  itemsPerPage: number;
  /** 1-based index of the page's first entry. */
  startIndex: number;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  authors: readonly AtomPerson[];
  links: readonly AtomLink[];
  icon?: string;
  paging?: AtomPaging;
  entries: readonly AtomEntry[];
}

function text(parent: XMLBuilder, name: string, value: string, attributes: Record<string, string> = {}): void {
  parent.ele(ATOM_NS, name, attributes).txt(xmlCharacters(value));
}

function person(parent: XMLBuilder, name: "author", who: AtomPerson): void {
  const element = parent.ele(ATOM_NS, name);
  text(element, "name", who.name);
  if (who.uri !== undefined) text(element, "uri", who.uri);
}

function link(parent: XMLBuilder, value: AtomLink): void {
  const attributes: Record<string, string> = { rel: value.rel, href: xmlCharacters(value.href) };
  if (value.type !== undefined) attributes.type = value.type;
  if (value.title !== undefined) attributes.title = xmlCharacters(value.title);
  const element = parent.ele(ATOM_NS, "link", attributes);
  if (value.count !== undefined) element.att(THREAD_NS, "thr:count", String(value.count));
}

function xhtmlContent(parent: XMLBuilder, blocks: readonly XhtmlBlock[]): void {
  const div = parent.ele(ATOM_NS, "content", { type: "xhtml" }).ele(XHTML_NS, "div");
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      div.ele(XHTML_NS, "p").txt(xmlCharacters(block.text));
      continue;
    }
    const list = div.ele(XHTML_NS, "dl");
    for (const item of block.items) {
      list.ele(XHTML_NS, "dt").txt(xmlCharacters(item.label));
      list.ele(XHTML_NS, "dd").txt(xmlCharacters(item.value));
    }
  }
}

function entry(parent: XMLBuilder, value: AtomEntry): void {
  const element = parent.ele(ATOM_NS, "entry");
  text(element, "title", value.title);
  text(element, "id", value.id);
  text(element, "updated", value.updated);
  if (value.published !== undefined) text(element, "published", value.published);
  for (const author of value.authors) person(element, "author", author);
  if (value.language !== undefined) element.ele(DC_TERMS_NS, "dc:language").txt(xmlCharacters(value.language));
  if (value.issued !== undefined) element.ele(DC_TERMS_NS, "dc:issued").txt(xmlCharacters(value.issued));
  for (const category of value.categories) {
    const attributes: Record<string, string> = { term: xmlCharacters(category.term) };
    if (category.scheme !== undefined) attributes.scheme = xmlCharacters(category.scheme);
    if (category.label !== undefined) attributes.label = xmlCharacters(category.label);
    element.ele(ATOM_NS, "category", attributes);
  }
  if (value.summary !== undefined) text(element, "summary", value.summary, { type: "text" });
  if (value.content !== undefined) {
    if ("text" in value.content) text(element, "content", value.content.text, { type: "text" });
    else xhtmlContent(element, value.content.blocks);
  }
  for (const l of value.links) link(element, l);
}

/** The feed as an XML document, UTF-8, with its declaration. */
export function atomFeedXml(feed: AtomFeed): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(ATOM_NS, "feed", {
    "xmlns:dc": DC_TERMS_NS, "xmlns:opensearch": OPENSEARCH_NS, "xmlns:thr": THREAD_NS,
  });
  text(root, "id", feed.id);
  text(root, "title", feed.title);
  if (feed.subtitle !== undefined) text(root, "subtitle", feed.subtitle);
  text(root, "updated", feed.updated);
  if (feed.icon !== undefined) text(root, "icon", feed.icon);
  for (const author of feed.authors) person(root, "author", author);
  for (const l of feed.links) link(root, l);
  if (feed.paging) {
    root.ele(OPENSEARCH_NS, "opensearch:totalResults").txt(String(feed.paging.totalResults));
    root.ele(OPENSEARCH_NS, "opensearch:itemsPerPage").txt(String(feed.paging.itemsPerPage));
    root.ele(OPENSEARCH_NS, "opensearch:startIndex").txt(String(feed.paging.startIndex));
  }
  for (const e of feed.entries) entry(root, e);
  return root.end({ prettyPrint: true });
}

