/**
 * EPUB story files: FanFicFare's output (typed title page, one file per chapter), the Archive of Our Own's
 * (its download HTML split into files), and generic EPUB 2 and 3 (OPF metadata, NCX or nav chapter titles).
 */
import { isTag, isText } from "domhandler";
import type { ParsedWork } from "../../domain/work.js";
import { UnreadableStoryError } from "../../domain/errors.js";
import { assembleWork, chaptersFromBlocks, type ChapterSource } from "../assemble.js";
import { partCountOf, readChapterHeading } from "../body/headings.js";
import { splitChapters } from "../body/chapters.js";
import { blockText, type Block } from "../document.js";
import { htmlToBlocks } from "../html/blocks.js";
import { findAll, findFirst, hasClass, inlineTextOf, parseHtml, type Document } from "../html/dom.js";
import { parseHtmlDocument } from "../html/parse-html.js";
import { applyLabelledField } from "../metadata/apply-field.js";
import { parseSeries } from "../metadata/values.js";
import { WorkMetadata, type Evidence } from "../metadata/work-metadata.js";
import { readPreamble } from "../metadata/preamble.js";
import { countWords } from "../../domain/word-count.js";
import { bodyOf, readPackage, readText, type EpubPackage, type SpineItem } from "./package.js";
import { openZip } from "./zip.js";

interface ContentDocument {
  item: SpineItem;
  html: string;
}

// The whole file name, so that calibre's "Information_Overload_split_000.xhtml" is no "info" page.
const FRONT_MATTER_FILE = /(?:^|\/)(?:cover|title_?page|titlepage|toc|toc_page|nav|contents|log_page|about|info|jacket)(?:[-_]?\d+)?\.x?html?$/iu;

export async function parseEpubStory(bytes: Uint8Array): Promise<ParsedWork> {
  const zip = await openZip(bytes);
  try {
    rejectOtherZipFormats(zip.names);
    const pkg = await readPackage(zip);
    // Documents are read when needed, one at a time, so that a long book is not held as text and trees at once
    // (the Archive's books are the exception: their parser reads the whole book as the one page it was).
    const read = async (item: SpineItem): Promise<ContentDocument> => ({ item, html: await readText(zip, item.path) });
    const spine = pkg.spine.filter((item) => item.path !== pkg.navPath);
    if (spine.length === 0) throw new UnreadableStoryError("no-story", "EPUB has no content documents in its spine");
    const meta = new WorkMetadata();
    const madeByFanFicFare = pkg.metadata.some((m) => /fanficfare|fanficdownloader/iu.test(m.value) || /fanficfare-uid/iu.test(m.attributes.id ?? ""));
    const titlePage = await findTitlePage(spine, read, madeByFanFicFare);
    const fanFicFare = titlePage !== null || madeByFanFicFare;
    if (!fanFicFare && (await isAo3Epub(spine, read))) {
      // The Archive's preface states everything its OPF does, with types and the first publication date; its
      // parser reads the book as the one HTML document it was made from.
      const bodies: string[] = [];
      for (const item of spine) bodies.push(bodyHtml((await read(item)).html));
      return parseHtmlDocument(parseHtml(bodies.join("\n")), meta);
    }
    if (titlePage) readTitlePage(titlePage, meta);
    applyOpfMetadata(pkg, meta, { subjectsAsTags: !fanFicFare });
    // The title page, read above, is not read again as a candidate chapter.
    const rest = titlePage ? spine.filter((item) => item.path !== titlePage.item.path) : spine;
    return assembleWork(meta, await chaptersOf(rest, read, pkg, meta));
  } finally {
    zip.close();
  }
}

// Office documents are zips too; say what they are rather than that an EPUB is broken.
function rejectOtherZipFormats(names: readonly string[]): void {
  const format = names.includes("word/document.xml") ? "Word (.docx)" : names.includes("content.xml") ? "OpenDocument (.odt)" : null;
  if (format) throw new UnreadableStoryError("unsupported", `${format} files are not supported; save the story as HTML or text`);
  if (!names.some((n) => n === "META-INF/container.xml" || n.toLowerCase().endsWith(".opf"))) {
    throw new UnreadableStoryError("unsupported", "a zip archive that is not an EPUB; unzip it and parse the story files inside");
  }
}

type ReadDocument = (item: SpineItem) => Promise<ContentDocument>;

// FanFicFare names its title page and marks its body; older versions and custom templates only name it.
async function findTitlePage(spine: readonly SpineItem[], read: ReadDocument, madeByFanFicFare: boolean): Promise<ContentDocument | null> {
  for (const item of spine.filter((i) => /title_?page/iu.test(i.path))) {
    const document = await read(item);
    if (madeByFanFicFare || /fff_titlepage/u.test(document.html)) return document;
  }
  return null;
}

// By its preface markup: the publisher alone would send a book whose markup calibre rewrote past its OPF.
async function isAo3Epub(spine: readonly SpineItem[], read: ReadDocument): Promise<boolean> {
  for (const item of spine.slice(0, 2)) {
    const { html } = await read(item);
    if (/id=["']preface["']/u.test(html) && /class=["']tags["']/u.test(html)) return true;
  }
  return false;
}

// FanFicFare's title page: "<h3><a>Title</a> by <a>Author</a></h3>" and "<b>Label:</b> value<br />" lines.
function readTitlePage(page: ContentDocument, meta: WorkMetadata): void {
  const document = parseHtml(page.html);
  const storyLink = findFirst(document, (e) => e.name === "a" && /^https?:/iu.test(e.attribs.href ?? "") && e.parent !== null && "name" in e.parent && /^h\d$/u.test(e.parent.name));
  if (storyLink?.attribs.href) meta.setScalar("sourceUrl", storyLink.attribs.href, { source: "structured", evidence: storyLink.attribs.href });
  readPreamble(htmlToBlocks(bodyOf(document)), meta, "structured");
}

interface OpfOptions {
  /** Generic EPUBs keep their subjects as tags; FanFicFare's title page states typed tags instead. */
  subjectsAsTags: boolean;
}

function applyOpfMetadata(pkg: EpubPackage, meta: WorkMetadata, options: OpfOptions): void {
  const evidence = (name: string, value: string): Evidence => ({ source: "structured", evidence: `<${name}>${value}</${name}>` });
  // calibre fills what a converted file lacked with placeholders: "Unknown", "und", a file name, year 101.
  const values = (name: string) => pkg.metadata.filter((m) => m.name.toLowerCase() === name && !isPlaceholder(m.value));
  for (const { name, value } of values("dc:title").slice(0, 1)) {
    // A title spelled like a file name ("ink_and_iron") gives way to the one a header in the book states.
    const fileNameLike = /^[\w.-]+$/u.test(value) && /[_.]/u.test(value);
    applyLabelledField(meta, "Title", value, { ...evidence(name, value), ...(fileNameLike ? { confidence: 0.4 } : {}) });
  }
  const creators = values("dc:creator").filter((m) => !m.attributes["opf:role"] || m.attributes["opf:role"] === "aut");
  if (creators.length > 0) applyLabelledField(meta, "Author", creators.flatMap((c) => c.value.split(/\s*(?:,|&)\s*/u)), evidence("dc:creator", creators.map((c) => c.value).join(", ")));
  for (const { name, value } of values("dc:language").slice(0, 1)) applyLabelledField(meta, "Language", value, evidence(name, value));
  for (const { name, value } of values("dc:description").slice(0, 1)) {
    const text = htmlToBlocks(parseHtml(value)).map(blockText).join("\n\n");
    meta.setScalar("summary", text, evidence(name, text));
  }
  for (const { name, value, attributes } of [...values("dc:source"), ...values("dc:identifier")]) {
    const url = /https?:\/\/\S+/u.exec(value)?.[0];
    if (url && (name === "dc:source" || /url/iu.test(attributes["opf:scheme"] ?? value))) meta.setScalar("sourceUrl", url, evidence(name, value));
  }
  for (const { name, value, attributes } of values("dc:date")) {
    const event = (attributes["opf:event"] ?? "publication").toLowerCase();
    if (event === "publication" || event === "original-publication") meta.setScalar("published", value, evidence(name, value));
    else if (event === "modification") meta.setScalar("updated", value, evidence(name, value));
  }
  const series = values("calibre:series")[0];
  if (series) {
    const index = Number(values("calibre:series_index")[0]?.value);
    meta.addSeries({ name: series.value, part: Number.isInteger(index) && index > 0 ? index : null }, evidence("calibre:series", series.value));
  } else {
    const collection = values("belongs-to-collection")[0];
    const parsed = collection ? parseSeries(collection.value) : null;
    if (parsed) meta.addSeries(parsed, evidence("belongs-to-collection", collection?.value ?? ""));
  }
  if (options.subjectsAsTags) {
    for (const subject of values("dc:subject").map((s) => s.value).filter((s) => !/^(?:fanworks|fanfiction)$/iu.test(s))) {
      applySubject(meta, subject, evidence("dc:subject", subject));
    }
  }
  const publisher = values("dc:publisher")[0];
  if (publisher) meta.addExtra("Publisher", publisher.value);
}

// A subject may be labelled ("Rating: Mature"); the rest are tags. ("Arthur/Merlin" could be a pairing, a pair of
// genres or a crossover: the tag vocabulary, not a guess here, will tell them apart.)
function applySubject(meta: WorkMetadata, subject: string, evidence: Evidence): void {
  const labelled = /^([\p{L}][\p{L} ()/'’-]{0,30}):\s*(\S.*)$/u.exec(subject);
  if (labelled && applyLabelledField(meta, labelled[1] ?? "", labelled[2] ?? "", evidence)) return;
  applyLabelledField(meta, "Tags", [subject], evidence);
}

function isPlaceholder(value: string): boolean {
  return /^(?:unknown|unknown author|und|undetermined|0101-01-01.*|0100-.*)$/iu.test(value.trim());
}

/** Each content document is a chapter, unless it is front matter or holds several chapter headings itself. */
async function chaptersOf(spine: readonly SpineItem[], read: ReadDocument, pkg: EpubPackage, meta: WorkMetadata): Promise<ChapterSource[]> {
  const chapters: ChapterSource[] = [];
  let first = true;
  let titlePage: { blocks: Block[]; tocLabel: string | null } | null = null;
  for (const item of spine) {
    if (item.auxiliary || FRONT_MATTER_FILE.test(item.path)) continue;
    const document = await read(item);
    const parsed = parseHtml(document.html);
    if (isTitlePage(parsed)) continue;
    let blocks = htmlToBlocks(bodyOf(parsed));
    if (isNavigation(parsed, blocks)) continue;
    const matter = semanticMatter(parsed, item.path);
    if (matter) {
      // EPUB 3 names its front and back matter: those pages are notes around the story, not chapters.
      // The page's own heading ("Afterword") names the matter; the text is what it says.
      const text = blocks.filter((b, k) => !(k === 0 && b.kind === "heading")).map(blockText).join("\n\n");
      meta.appendText(matter, text, { source: "structured", evidence: text });
      continue;
    }
    if (first && isTitlePageOf(blocks, meta.scalars.title)) {
      readPreamble(blocks, meta, "structured");
      titlePage ??= { blocks, tocLabel: pkg.tocLabels.get(document.item.path) ?? null };
      continue;
    }
    if (first) {
      const { end, lead } = readPreamble(blocks, meta);
      blocks = [...lead, ...blocks.slice(end)];
      first = false;
    }
    const split = splitChapters(blocks);
    if (split.chapters.length > 1) {
      chapters.push(...chaptersFromBlocks(meta, blocks).map(({ number: _number, ...chapter }) => chapter));
      continue;
    }
    chapters.push(singleChapter(blocks, pkg.tocLabels.get(document.item.path) ?? null));
  }
  // A drabble alone in its book opens with its title and is short, as a title page is: when no chapter followed
  // the page, the page was the story.
  if (chapters.length === 0 && titlePage) chapters.push(singleChapter(titlePage.blocks, titlePage.tocLabel));
  return chapters;
}

// The document's own heading names the chapter, else its entry in the table of contents; a count in either
// ("Chapter 2 of 2", "Part 3/5") is kept for the work's status.
function singleChapter(blocks: Block[], tocLabel: string | null): ChapterSource {
  const [head, ...rest] = blocks;
  const fromToc = tocLabel ? readChapterHeading(tocLabel) : null;
  const tocCount = partCountOf(fromToc, tocLabel ?? "");
  if (head && head.kind !== "break") {
    const heading = readChapterHeading(head.text);
    if (head.kind === "heading" || heading) return { title: heading ? heading.title : head.text, blocks: rest, partCount: partCountOf(heading, head.text) ?? tocCount };
  }
  return { title: fromToc ? fromToc.title : tocLabel, blocks, partCount: tocCount };
}

function isTitlePage(document: Document): boolean {
  return findFirst(document, (e) => e.name === "body" && (hasClass(e, "fff_titlepage") || hasClass(e, "fff_tocpage"))) !== undefined;
}

// A copyright page, by name or by EPUB 3 type, is the work's disclaimer.
const COPYRIGHT_FILE = /(?:^|\/)(?:copyright|colophon)(?:[-_]?\d+)?\.x?html?$/iu;

const MATTER: readonly [RegExp, "notes" | "endNotes" | "disclaimer"][] = [
  [/\b(?:afterword|acknowledge?ments|appendix|rearnotes|endnotes)\b/u, "endNotes"],
  [/\b(?:foreword|preface|dedication|introduction)\b/u, "notes"],
  [/\b(?:copyright-page|colophon|imprint)\b/u, "disclaimer"],
];

function semanticMatter(document: Document, path: string): "notes" | "endNotes" | "disclaimer" | null {
  if (COPYRIGHT_FILE.test(path)) return "disclaimer";
  // The page's own type: on its body, or on a section that is all the body holds. A typed section inside a
  // chapter (its end notes) does not make the chapter matter.
  const body = findFirst(document, (e) => e.name === "body");
  const only = body?.children.filter((c) => isTag(c) || (isText(c) && c.data.trim() !== ""));
  const wrapper = only?.length === 1 && only[0] && isTag(only[0]) && only[0].name === "section" ? only[0] : undefined;
  const type = body?.attribs["epub:type"] ?? wrapper?.attribs["epub:type"] ?? "";
  return MATTER.find(([pattern]) => pattern.test(type))?.[1] ?? null;
}

// A page that opens with the work's own title and holds little more (byline, fandom, credits) is its title page.
function isTitlePageOf(blocks: readonly Block[], title: string | undefined): boolean {
  const head = blocks[0];
  if (!title || !head || head.kind === "break" || head.text.trim().toLowerCase() !== title.toLowerCase()) return false;
  return countWords(blocks.map(blockText).join(" ")) < 80;
}

// Covers and tables of contents: no paragraph of prose at all, or text that is mostly links.
function isNavigation(document: Document, blocks: readonly Block[]): boolean {
  if (!blocks.some((b) => b.kind === "paragraph")) return true;
  const linked = findAll(document, (e) => e.name === "a").reduce((n, a) => n + inlineTextOf(a).length, 0);
  return linked > blocks.reduce((n, b) => n + blockText(b).length, 0) * 0.6;
}

function bodyHtml(html: string): string {
  const lower = html.toLowerCase();
  const open = lower.indexOf("<body");
  const start = open < 0 ? -1 : lower.indexOf(">", open);
  const end = lower.lastIndexOf("</body>");
  return start >= 0 && end > start ? html.slice(start + 1, end) : html;
}
