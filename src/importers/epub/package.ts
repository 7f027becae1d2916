/**
 * An EPUB's package: `META-INF/container.xml` → the OPF, its Dublin Core metadata, manifest and spine, and the
 * table of contents (EPUB 2 NCX or EPUB 3 nav) for chapter titles.
 */
import type { Document, Element } from "domhandler";
import posixPath from "node:path/posix";
import { UnreadableStoryError } from "../../domain/errors.js";
import { decodeText } from "../decode.js";
import { findAll, findFirst, inlineTextOf, parseHtml, parseXml } from "../html/dom.js";
import type { ZipArchive } from "./zip.js";

export interface SpineItem {
  id: string;
  /** `linear="no"`: outside the reading order (covers, notes pages). */
  auxiliary: boolean;
  path: string;
  mediaType: string;
  properties: string;
}

export interface EpubPackage {
  /** Dublin Core and `meta` entries of the OPF, e.g. `dc:title`, `dc:subject`, `calibre:series`. */
  metadata: { name: string; value: string; attributes: Record<string, string> }[];
  spine: SpineItem[];
  /** Table-of-contents labels by document path. */
  tocLabels: Map<string, string>;
  /** The nav document's path (EPUB 3), which is navigation, not story. */
  navPath: string | null;
}

export async function readPackage(zip: ZipArchive): Promise<EpubPackage> {
  const opfPath = await findOpfPath(zip);
  const opf = parseXml(await readText(zip, opfPath));
  const base = posixPath.dirname(opfPath);
  const resolve = (href: string) => posixPath.normalize(posixPath.join(base, safeDecode(href.split("#")[0] ?? ""))).replace(/^(\.\/)+/u, "");

  const manifest = new Map<string, SpineItem>();
  for (const item of findAll(opf, (e) => localName(e) === "item")) {
    const { id, href } = item.attribs;
    if (!id || !href) continue;
    manifest.set(id, { id, auxiliary: false, path: resolve(href), mediaType: item.attribs["media-type"] ?? "", properties: item.attribs.properties ?? "" });
  }
  const spineElement = findFirst(opf, (e) => localName(e) === "spine");
  const spine = findAll(opf, (e) => localName(e) === "itemref").flatMap((ref) => {
    const item = manifest.get(ref.attribs.idref ?? "");
    return item && /html|xml/iu.test(item.mediaType) ? [{ ...item, auxiliary: ref.attribs.linear === "no" }] : [];
  });

  const metadataElement = findFirst(opf, (e) => localName(e) === "metadata");
  const metadata = (metadataElement ? findAll(metadataElement, () => true) : []).map((e) => ({
    name: e.name === "meta" ? (e.attribs.name ?? e.attribs.property ?? "meta") : e.name,
    value: e.name === "meta" && e.attribs.content !== undefined ? e.attribs.content : inlineTextOf(e),
    attributes: e.attribs,
  }));

  const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/u).includes("nav"));
  const ncx = manifest.get(spineElement?.attribs.toc ?? "") ?? [...manifest.values()].find((i) => /ncx/iu.test(i.mediaType));
  const tocLabels = new Map<string, string>();
  if (ncx) await readNcx(zip, ncx.path, tocLabels);
  if (nav) await readNav(zip, nav.path, tocLabels);
  return { metadata, spine, tocLabels, navPath: nav?.path ?? null };
}

async function findOpfPath(zip: ZipArchive): Promise<string> {
  const container = await zip.read("META-INF/container.xml");
  if (container) {
    const rootfile = findFirst(parseXml(decodeText(container).text), (e) => localName(e) === "rootfile");
    const path = rootfile?.attribs["full-path"];
    if (path && zip.names.includes(path)) return path;
  }
  const opf = zip.names.find((n) => n.toLowerCase().endsWith(".opf"));
  if (!opf) throw new UnreadableStoryError("corrupt", "EPUB has no package document (no container.xml rootfile and no .opf file)");
  return opf;
}

// The EPUB reader looks at the first documents to tell who made the book, then reads them again as chapters: the
// last few documents read stay decoded for that second reading (a few, so that a long book is still not held).
const RECENT_TEXTS = 3;
const recentTexts = new WeakMap<ZipArchive, Map<string, string>>();

export async function readText(zip: ZipArchive, path: string): Promise<string> {
  const recent = recentTexts.get(zip) ?? new Map<string, string>();
  const cached = recent.get(path);
  if (cached !== undefined) return cached;
  const bytes = await zip.read(path);
  if (!bytes) throw new UnreadableStoryError("corrupt", `EPUB is missing ${path}`);
  const text = decodeText(bytes, declaredEncoding(bytes)).text;
  recent.set(path, text);
  for (const oldest of recent.keys()) {
    if (recent.size <= RECENT_TEXTS) break;
    recent.delete(oldest);
  }
  recentTexts.set(zip, recent);
  return text;
}

async function readNcx(zip: ZipArchive, path: string, labels: Map<string, string>): Promise<void> {
  const bytes = await zip.read(path);
  if (!bytes) return;
  const ncx = parseXml(decodeText(bytes).text);
  const dir = posixPath.dirname(path);
  for (const point of findAll(ncx, (e) => localName(e) === "navpoint")) {
    const label = findFirst(point, (e) => localName(e) === "text");
    const content = findFirst(point, (e) => localName(e) === "content");
    const src = content?.attribs.src;
    if (label && src) setOnce(labels, posixPath.normalize(posixPath.join(dir, safeDecode(src.split("#")[0] ?? ""))), inlineTextOf(label));
  }
}

async function readNav(zip: ZipArchive, path: string, labels: Map<string, string>): Promise<void> {
  const bytes = await zip.read(path);
  if (!bytes) return;
  const nav = parseHtml(decodeText(bytes).text);
  const dir = posixPath.dirname(path);
  const toc = findFirst(nav, (e) => e.name === "nav" && /toc/u.test(e.attribs["epub:type"] ?? e.attribs.role ?? "toc")) ?? nav;
  for (const link of findAll(toc, (e) => e.name === "a")) {
    const href = link.attribs.href;
    if (href) setOnce(labels, posixPath.normalize(posixPath.join(dir, safeDecode(href.split("#")[0] ?? ""))), inlineTextOf(link));
  }
}

function setOnce(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key) && value) map.set(key, value);
}

/** The element name without its namespace prefix, lower-cased (`dc:title` → `title`, `navPoint` → `navpoint`). */
function localName(element: Element): string {
  return element.name.toLowerCase().replace(/^.*:/u, "");
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 300));
  return /encoding=["']([\w-]+)["']/u.exec(head)?.[1];
}

function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

export function bodyOf(document: Document): Element | Document {
  return findFirst(document, (e) => e.name === "body") ?? document;
}
