/**
 * eFiction's printable story page (shared/reference/legacy-formats.md §1.5, §2.2): title and author links in
 * `#pagetitle`, an info box of `span.label` fields, then the chapters, whose titles read `N. Title by Author`.
 * The chapter index, "back to top" links and the archive's footer are navigation, not story text.
 */
import { isTag, isText, type ChildNode, type Document, type Element } from "domhandler";
import type { ParsedWork } from "../../domain/work.js";
import { assembleWork, chaptersFromBlocks } from "../assemble.js";
import { readChapterHeading } from "../body/headings.js";
import { applyLabelledField } from "../metadata/apply-field.js";
import type { WorkMetadata } from "../metadata/work-metadata.js";
import { escapeHtml, type Block } from "../document.js";
import { htmlToBlocks } from "./blocks.js";
import { isInPageIndex } from "./navigation.js";
import { byId, findAll, findFirst, hasClass, inlineTextOf, isWithin } from "./dom.js";

const LIST_LABELS = /categor|character|genre|warning|pairing|series|challenge/iu;

// Stock skins mark labels `<span class="label">`; others just bold them, so a bold eFiction label counts too.
const EFICTION_LABEL = /^(?:summary|rated|rating|categories|category|characters|genres?|warnings?|pairings?|series|challenges?|chapters|completed|word count|read|reads|published|updated|story notes|author'?s notes|end notes)\s*:$/iu;

function isLabelElement(element: Element): boolean {
  if (element.name === "span" && hasClass(element, "label")) return true;
  return (element.name === "b" || element.name === "strong") && EFICTION_LABEL.test(inlineTextOf(element));
}

export function isEfictionPage(document: Document): boolean {
  const labels = findAll(document, isLabelElement);
  const spans = labels.filter((e) => e.name === "span");
  // Bold labels alone are any hand-made page's header: it takes eFiction's page structure and its author links too.
  const structure = findFirst(document, (e) => /pagetitle|infobox|printheader|printinfo|storyinfo/iu.test(`${e.attribs.id ?? ""} ${e.attribs.class ?? ""}`)) !== undefined;
  const authorLink = findFirst(document, (e) => e.name === "a" && /viewuser\.php/iu.test(e.attribs.href ?? "")) !== undefined;
  return labels.some((l) => /^(?:rated|rating|summary)\s*:?$/iu.test(inlineTextOf(l))) && (spans.length >= 3 || (structure && authorLink && labels.length >= 3));
}

export function parseEfictionPage(document: Document, meta: WorkMetadata): ParsedWork {
  const infobox = infoBoxOf(document);
  readTitleAndAuthor(document, meta, infobox);
  if (infobox) readLabels(infobox, meta);
  const navigation = (e: Element) =>
    e === infobox || e.attribs.id === "pagetitle" || e.attribs.id === "printheader" || isInPageIndex(e) || isBackToTop(e) || isFooter(e);
  const blocks = retitleChapters(htmlToBlocks(findFirst(document, (e) => e.name === "body") ?? document, { skip: navigation }), meta.lists.authors);
  return assembleWork(meta, chaptersFromBlocks(meta, blocks));
}

// The info box is the element around the first label: `div.content` inside `div.infobox` on stock skins.
function infoBoxOf(document: Document): Element | undefined {
  const first = findFirst(document, isLabelElement);
  if (!first) return undefined;
  const box = findFirst(document, (e) => (hasClass(e, "infobox") || hasClass(e, "content")) && isWithin(first, (x) => x === e));
  return box ?? (first.parent && isTag(first.parent) ? first.parent : undefined);
}

// Stock skins put both in `#pagetitle`; others print the title as a heading over a "by <author link>" line.
function readTitleAndAuthor(document: Document, meta: WorkMetadata, infobox: Element | undefined): void {
  const pageTitle = findFirst(document, byId("pagetitle"));
  const scope = pageTitle ?? document;
  const links = findAll(scope, (e) => e.name === "a");
  const heading = pageTitle ? undefined : findFirst(document, (e) => /^h[1-3]$/u.test(e.name) && !(infobox && isWithin(e, (x) => x === infobox)));
  const title = pageTitle ? (links.find((a) => /viewstory/iu.test(a.attribs.href ?? "")) ?? links[0]) : heading;
  const authorLinks = links.filter((a) => /viewuser/iu.test(a.attribs.href ?? ""));
  const authors = (pageTitle ? authorLinks : authorLinks.slice(0, 1)).map(inlineTextOf);
  const evidence = { source: "structured" as const, evidence: pageTitle || title ? inlineTextOf(pageTitle ?? title ?? document) : "eFiction page" };
  if (title) applyLabelledField(meta, "Title", inlineTextOf(title), evidence);
  if (authors.length > 0) applyLabelledField(meta, "Author", authors, evidence);
}

// Each label's value is everything after it up to the next label: text, links, line breaks.
function readLabels(infobox: Element, meta: WorkMetadata): void {
  const labels = findAll(infobox, isLabelElement);
  for (const label of labels) {
    const name = inlineTextOf(label).replace(/:\s*$/u, "");
    const nodes = valueNodes(label);
    const links = nodes.flatMap((n) => (isTag(n) ? (n.name === "a" ? [n] : findAll(n, (e) => e.name === "a")) : []));
    const text = nodes.map((n) => (isText(n) ? n.data : isTag(n) ? (n.name === "br" ? "\n" : inlineTextOf(n)) : "")).join("").replace(/[ \t]+/gu, " ").trim();
    // eFiction fills empty fields with "None"; only for warnings does it say something.
    if (!text || (/^none$/iu.test(text) && !/warning/iu.test(name))) continue;
    const value = LIST_LABELS.test(name) && links.length > 0 ? links.map(inlineTextOf) : text.replace(/\s*\n\s*/gu, " ");
    const evidence = { source: "structured" as const, evidence: `${name}: ${text.replace(/\s+/gu, " ")}` };
    if (!applyLabelledField(meta, name, value, evidence)) meta.addExtra(name, typeof value === "string" ? value : value.join(", "));
  }
}

function valueNodes(label: Element): ChildNode[] {
  const nodes: ChildNode[] = [];
  for (let node = label.nextSibling; node; node = node.nextSibling) {
    if (isTag(node) && (isLabelElement(node) || findFirst(node, isLabelElement))) break;
    nodes.push(node);
  }
  return nodes;
}

function isBackToTop(element: Element): boolean {
  return (element.name === "a" || element.name === "p" || element.name === "div") && /^(?:back to top|top|\^ ?top)$/iu.test(inlineTextOf(element));
}

function isFooter(element: Element): boolean {
  if (element.attribs.id === "footer" || hasClass(element, "footer") || element.name === "footer") return true;
  return /^(?:p|div)$/u.test(element.name) && /\befiction\b|publicly recognizable characters|^this story archived at/iu.test(inlineTextOf(element)) && inlineTextOf(element).length < 600;
}

// "1. The Crossing by Sam Author" is a chapter heading once the byline is taken off.
function retitleChapters(blocks: Block[], authors: readonly string[]): Block[] {
  return blocks.map((block) => {
    if (block.kind === "break") return block;
    const text = block.text.trim();
    const author = authors.find((a) => text.toLowerCase().endsWith(` by ${a.toLowerCase()}`));
    if (!author) return block;
    const heading = readChapterHeading(text.slice(0, text.length - author.length - 4).trim());
    if (!heading || heading.number === null) return block;
    // Restated as a strong heading, so that even a one-chapter story loses its title line from the text.
    const restated = `Chapter ${heading.number}${heading.title ? `: ${heading.title}` : ""}`;
    return { kind: "heading", level: 2, text: restated, html: escapeHtml(restated) };
  });
}
