/**
 * The Archive of Our Own's download HTML (otwcode/otwarchive app/views/downloads/*; shared/reference/
 * legacy-formats.md §3.2): typed tags in the preface's `dl.tags`, byline, summary and notes blockquotes,
 * chapter headings with chapter notes, and the afterword's end notes. Its EPUB is the same HTML split into
 * files, so the EPUB importer joins the files and comes here too.
 */
import { isTag, type Document, type Element } from "domhandler";
import type { ParsedWork } from "../../domain/work.js";
import { UnreadableStoryError } from "../../domain/errors.js";
import { assembleWork, type ChapterSource } from "../assemble.js";
import { readChapterHeading } from "../body/headings.js";
import { applyLabelledField } from "../metadata/apply-field.js";
import type { Evidence, WorkMetadata } from "../metadata/work-metadata.js";
import { htmlToBlocks } from "./blocks.js";
import { byId, byTagAndClass, findAll, findFirst, hasClass, inlineTextOf, isWithin, nextElement, textOf } from "./dom.js";

export function isAo3Download(document: Document): boolean {
  const preface = findFirst(document, byId("preface"));
  return preface !== undefined && findFirst(preface, byTagAndClass("dl", "tags")) !== undefined;
}

export function parseAo3Download(document: Document, meta: WorkMetadata): ParsedWork {
  readPreface(document, meta);
  return assembleWork(meta, readChapters(document));
}

// The preface's parts are found anywhere, not only inside #preface: calibre's EPUB split moves the title,
// byline, summary and notes into a file of their own.
function readPreface(document: Document, meta: WorkMetadata): void {
  const title = findFirst(document, byTagAndClass("h1")) ?? findFirst(document, (e) => e.name === "b" && isWithin(e, byTagAndClass("p", "message")));
  if (title) applyLabelledField(meta, "Title", inlineTextOf(title), structured(`<h1>${inlineTextOf(title)}</h1>`));
  const byline = findFirst(document, byTagAndClass("div", "byline"));
  if (byline) {
    const links = findAll(byline, (e) => e.name === "a").map(inlineTextOf);
    const authors = links.length > 0 ? links : [inlineTextOf(byline).replace(/^by\s+/iu, "")];
    applyLabelledField(meta, "Authors", authors, structured(inlineTextOf(byline)));
  }
  const workLink = findFirst(document, (e) => e.name === "a" && /\/works\/\d+$/u.test(e.attribs.href ?? "") && isWithin(e, byTagAndClass("p", "message")));
  if (workLink?.attribs.href) meta.setScalar("sourceUrl", workLink.attribs.href.replace(/^http:/u, "https:"), structured(workLink.attribs.href));

  const tags = findFirst(document, byTagAndClass("dl", "tags"));
  for (const dt of tags ? tags.children.filter(isTag).filter((e) => e.name === "dt") : []) {
    const dd = nextElement(dt);
    if (!dd || dd.name !== "dd") continue;
    const label = inlineTextOf(dt).replace(/:$/u, "");
    const links = findAll(dd, (e) => e.name === "a" || e.name === "li").map(inlineTextOf).filter(Boolean);
    const useLinks = links.length > 0 && !/^(?:series|stats)$/iu.test(label);
    applyLabelledField(meta, label, useLinks ? links : seriesOrText(label, dd), structured(`${label}: ${inlineTextOf(dd)}`));
  }
  for (const [label, text] of labelledBlockquotes(document)) {
    if (label === "summary") meta.setScalar("summary", text, structured(`Summary: ${text}`));
    else if (label === "notes") meta.appendText("notes", text, structured(`Notes: ${text}`));
    else if (label === "end notes") meta.appendText("endNotes", text, structured(`End Notes: ${text}`));
  }
}

// "Part 2 of Name, Part 1 of Other": one entry per series.
function seriesOrText(label: string, dd: Element): string | string[] {
  const text = inlineTextOf(dd);
  return /^series$/iu.test(label) ? text.split(/,\s*(?=Part\s+\d)/iu) : text;
}

/** `<p>Summary</p><blockquote>…</blockquote>` pairs: the label (lower-cased) and the quoted text. */
function labelledBlockquotes(root: Document | Element): [string, string][] {
  return findAll(root, isNoteLabel)
    .map((p): [string, Element | undefined] => [labelOf(p), nextElement(p)])
    .filter((pair): pair is [string, Element] => pair[1]?.name === "blockquote")
    .map(([label, quote]) => [label, textOf(quote)]);
}

function readChapters(document: Document): ChapterSource[] {
  const preface = findFirst(document, byId("preface"));
  const afterword = findFirst(document, byId("afterword"));
  const outside = (e: Element) => !(preface && isWithin(e, (x) => x === preface)) && !(afterword && isWithin(e, (x) => x === afterword));
  const chapters: ChapterSource[] = [];
  const current = (): ChapterSource => {
    const last = chapters.at(-1);
    if (last) return last;
    const created: ChapterSource = { title: null, blocks: [] };
    chapters.push(created);
    return created;
  };
  const isChapterLabel = (e: Element) => isNoteLabel(e) && labelOf(e).startsWith("chapter ");
  for (const element of findAll(document, (e) => outside(e) && (isChapterHeading(e) || isStoryText(e) || isChapterLabel(e)))) {
    if (isChapterHeading(element)) {
      const text = inlineTextOf(element);
      const heading = readChapterHeading(text);
      chapters.push({ title: heading ? heading.title : text, blocks: [] });
    } else if (isStoryText(element)) {
      current().blocks.push(...htmlToBlocks(element));
    } else {
      const text = textOf(nextElement(element) ?? element);
      const chapter = current();
      const label = labelOf(element);
      if (label === "chapter summary") chapter.summary = text;
      else if (label === "chapter notes") chapter.notes = text;
      else if (label === "chapter end notes") chapter.endNotes = text;
    }
  }
  if (chapters.length === 0) throw new UnreadableStoryError("no-story", "the Archive download has no chapter text");
  return chapters;
}

const NOTE_LABELS = new Set(["summary", "notes", "end notes", "chapter summary", "chapter notes", "chapter end notes"]);

function labelOf(element: Element): string {
  return inlineTextOf(element).toLowerCase().replace(/:$/u, "");
}

// The Archive labels each summary and notes blockquote with a paragraph of its own ("Chapter Notes").
function isNoteLabel(element: Element): boolean {
  return element.name === "p" && nextElement(element)?.name === "blockquote" && NOTE_LABELS.has(labelOf(element));
}

function isChapterHeading(element: Element): boolean {
  return /^h[1-3]$/u.test(element.name) && hasClass(element, "heading");
}

// The innermost `userstuff` divs outside the preface are the chapter texts (the outer `#chapters` wrapper has the
// class too); blockquotes with it are notes.
function isStoryText(element: Element): boolean {
  return element.name === "div" && hasClass(element, "userstuff") && findFirst(element, byTagAndClass("div", "userstuff")) === undefined;
}

function structured(evidence: string): Evidence {
  return { source: "structured", evidence };
}
