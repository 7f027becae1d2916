/**
 * EPUB 3 with EPUB 2's fallbacks (toc.ncx and the guide, for old readers): a cover, the Archive's preface, one
 * XHTML file per chapter, an afterword, the navigation document, and OPF metadata that calibre and FanFicFare
 * users get for free (every tag as dc:subject, calibre:series, belongs-to-collection). Zipped with the mimetype
 * first and stored; every entry dated the work's last change, so the same work makes the same bytes.
 */
import type { ChildNode, Element } from "domhandler";
import { TAG_TYPES } from "../../domain/tags/tag-type.js";
import { nameUuidUrn } from "../name-uuid.js";
import { afterwordSection, chapterSection, prefaceSection } from "./archive-layout.js";
import { coverSvg } from "./cover.js";
import type { ExportedChapter, ExportedWork } from "./exported-work.js";
import { EXPORT_STYLESHEET } from "./stylesheet.js";
import { h, renderXml } from "./markup.js";
import { chapterHeading, textDirection } from "./preface-fields.js";
import { zipEntries, type ZipInput } from "./zip.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

interface ContentFile {
  id: string;
  href: string;
  /** What the table of contents calls it; null: left out of the contents. */
  label: string | null;
  body: ChildNode[];
  bodyType?: string;
}

/**
 * The work as an EPUB file.
 * @example await writeFile("work.epub", await writeEpub(work))
 */
export async function writeEpub(work: ExportedWork): Promise<Buffer> {
  const files = contentFiles(work);
  // A name-based UUID from the work's address, so each work keeps one identifier per archive.
  const identifier = nameUuidUrn(work.sourceUrl);
  const modified = new Date(work.changedAt);
  const entries: ZipInput[] = [
    { name: "mimetype", data: "application/epub+zip", store: true },
    { name: "META-INF/container.xml", data: CONTAINER },
    { name: "OEBPS/content.opf", data: XML_DECLARATION + renderXml(packageDocument(work, files, identifier)) },
    { name: "OEBPS/toc.ncx", data: XML_DECLARATION + renderXml(ncxDocument(work, files, identifier)) },
    { name: "OEBPS/nav.xhtml", data: xhtmlDocument(work, "Contents", navBody(files)) },
    { name: "OEBPS/style.css", data: EXPORT_STYLESHEET },
    { name: "OEBPS/cover.svg", data: coverSvg({ title: work.title, authors: work.authors, fandoms: work.tags.Fandom }) },
    ...files.map((f) => ({ name: `OEBPS/${f.href}`, data: xhtmlDocument(work, f.label ?? work.title, f.body, f.bodyType) })),
  ];
  return zipEntries(entries, modified);
}

const CONTAINER = `${XML_DECLARATION}<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

function chapterFileName(chapter: ExportedChapter): string {
  return `chapter-${String(chapter.position).padStart(3, "0")}.xhtml`;
}

function contentFiles(work: ExportedWork): ContentFile[] {
  return [
    { id: "cover", href: "cover.xhtml", label: null, body: [h("div", { class: "cover" }, h("img", { src: "cover.svg", alt: `Cover: ${work.title}` }))], bodyType: "cover" },
    { id: "preface", href: "preface.xhtml", label: "Preface", body: [prefaceSection(work, work, { id: "preface", heading: "Preface" })], bodyType: "frontmatter" },
    ...work.chapters.map((chapter): ContentFile => ({
      id: `chapter-${chapter.position}`,
      href: chapterFileName(chapter),
      label: chapter.opensWork ? `${chapter.opensWork.title}: ${chapterHeading(chapter.position, chapter.title)}` : chapterHeading(chapter.position, chapter.title),
      body: [
        ...(chapter.opensWork ? [prefaceSection(work, chapter.opensWork, { id: `preface-${chapter.opensWork.id}`, heading: chapter.opensWork.title })] : []),
        h("div", { id: "chapters", class: "userstuff" }, chapterSection(chapter)),
      ],
      bodyType: "bodymatter",
    })),
    { id: "afterword", href: "afterword.xhtml", label: "Afterword", body: [afterwordSection(work)], bodyType: "backmatter" },
  ];
}

function xhtmlDocument(work: ExportedWork, title: string, body: ChildNode[], bodyType?: string): string {
  const html = h("html", { xmlns: "http://www.w3.org/1999/xhtml", "xmlns:epub": "http://www.idpf.org/2007/ops", "xml:lang": work.language, lang: work.language, dir: textDirection(work.language) },
    h("head", {},
      h("title", {}, title),
      h("link", { rel: "stylesheet", type: "text/css", href: "style.css" })),
    h("body", bodyType ? { "epub:type": bodyType } : {}, body));
  return `${XML_DECLARATION}<!DOCTYPE html>\n${renderXml(html)}\n`;
}

function navBody(files: readonly ContentFile[]): Element[] {
  const listed = files.filter((f) => f.label !== null);
  const firstChapter = files.find((f) => f.bodyType === "bodymatter");
  return [
    h("nav", { "epub:type": "toc", id: "toc" },
      h("h1", {}, "Contents"),
      h("ol", {}, listed.map((f) => h("li", {}, h("a", { href: f.href }, f.label ?? ""))))),
    h("nav", { "epub:type": "landmarks", id: "landmarks", hidden: "hidden" },
      h("h2", {}, "Landmarks"),
      h("ol", {},
        h("li", {}, h("a", { "epub:type": "cover", href: "cover.xhtml" }, "Cover")),
        firstChapter && h("li", {}, h("a", { "epub:type": "bodymatter", href: firstChapter.href }, "Start of the story")))),
  ];
}

/** dcterms:modified wants seconds and a Z, nothing finer. */
function modifiedStamp(changedAt: string): string {
  return `${new Date(changedAt).toISOString().slice(0, 19)}Z`;
}

function packageDocument(work: ExportedWork, files: readonly ContentFile[], identifier: string): Element {
  const subjects = [...new Set(TAG_TYPES.flatMap((type) => work.tags[type]))];
  const series = work.series[0];
  const metadata = h("metadata", { "xmlns:dc": "http://purl.org/dc/elements/1.1/", "xmlns:opf": "http://www.idpf.org/2007/opf" },
    h("dc:identifier", { id: "book-id" }, identifier),
    h("dc:title", { id: "title" }, work.title),
    work.authors.flatMap((author, i) => [
      h("dc:creator", { id: `creator-${i + 1}` }, author),
      h("meta", { refines: `#creator-${i + 1}`, property: "role", scheme: "marc:relators" }, "aut"),
    ]),
    work.summary && h("dc:description", {}, work.summary),
    h("dc:language", {}, work.language),
    work.published && h("dc:date", {}, work.published),
    h("meta", { property: "dcterms:modified" }, modifiedStamp(work.changedAt)),
    subjects.map((s) => h("dc:subject", {}, s)),
    h("dc:source", {}, work.sourceUrl),
    h("dc:publisher", {}, work.archiveName),
    series && [
      h("meta", { name: "calibre:series", content: series.name }),
      h("meta", { name: "calibre:series_index", content: String(series.part) }),
    ],
    work.series.flatMap((s, i) => [
      h("meta", { property: "belongs-to-collection", id: `series-${i + 1}` }, s.name),
      h("meta", { refines: `#series-${i + 1}`, property: "collection-type" }, "series"),
      h("meta", { refines: `#series-${i + 1}`, property: "group-position" }, String(s.part)),
    ]),
    h("meta", { name: "cover", content: "cover-image" }));
  const manifest = h("manifest", {},
    h("item", { id: "nav", href: "nav.xhtml", "media-type": "application/xhtml+xml", properties: "nav" }),
    h("item", { id: "ncx", href: "toc.ncx", "media-type": "application/x-dtbncx+xml" }),
    h("item", { id: "style", href: "style.css", "media-type": "text/css" }),
    h("item", { id: "cover-image", href: "cover.svg", "media-type": "image/svg+xml", properties: "cover-image" }),
    files.map((f) => h("item", { id: f.id, href: f.href, "media-type": "application/xhtml+xml" })));
  const spine = h("spine", { toc: "ncx", "page-progression-direction": textDirection(work.language) }, files.map((f) => h("itemref", { idref: f.id })));
  const firstChapter = files.find((f) => f.bodyType === "bodymatter");
  const guide = h("guide", {},
    h("reference", { type: "cover", title: "Cover", href: "cover.xhtml" }),
    h("reference", { type: "title-page", title: "Preface", href: "preface.xhtml" }),
    firstChapter && h("reference", { type: "text", title: "Start of the story", href: firstChapter.href }));
  return h("package", { xmlns: "http://www.idpf.org/2007/opf", version: "3.0", "unique-identifier": "book-id", "xml:lang": work.language }, metadata, manifest, spine, guide);
}

function ncxDocument(work: ExportedWork, files: readonly ContentFile[], identifier: string): Element {
  const listed = files.filter((f) => f.label !== null);
  return h("ncx", { xmlns: "http://www.daisy.org/z3986/2005/ncx/", version: "2005-1", "xml:lang": work.language },
    h("head", {},
      h("meta", { name: "dtb:uid", content: identifier }),
      h("meta", { name: "dtb:depth", content: "1" }),
      h("meta", { name: "dtb:totalPageCount", content: "0" }),
      h("meta", { name: "dtb:maxPageNumber", content: "0" })),
    h("docTitle", {}, h("text", {}, work.title)),
    work.authors.map((a) => h("docAuthor", {}, h("text", {}, a))),
    h("navMap", {}, listed.map((f, i) => h("navPoint", { id: `nav-${f.id}`, playOrder: String(i + 1) },
      h("navLabel", {}, h("text", {}, f.label ?? "")),
      h("content", { src: f.href })))));
}
