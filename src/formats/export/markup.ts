/**
 * Markup as trees, never as strings: the writers build their pages from domhandler nodes and serialize them with
 * dom-serializer, so every text and attribute is escaped and every element closed (XML for EPUB's XHTML, HTML for
 * the single-file download). Stored chapter HTML (already sanitized) is parsed into the same trees and narrowed to
 * what XHTML 5 allows, so that a book passes epubcheck whatever an old file or a poster's HTML held.
 */
import render from "dom-serializer";
import { Element, Text, isTag, isText, type ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { SafeHtml } from "../../domain/safe-html.js";
import { xmlCharacters } from "../xml-text.js";

export type Child = ChildNode | string | null | false | undefined;
export type Attributes = Record<string, string | null | undefined>;

/** An element; text children become text nodes, and null, false and undefined children are left out. */
export function h(name: string, attributes: Attributes = {}, ...children: (Child | Child[])[]): Element {
  const attribs: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== null && value !== undefined) attribs[key] = bookCharacters(value);
  const element = new Element(name, attribs, toNodes(children.flat()));
  for (const child of element.children) child.parent = element;
  return element;
}

function toNodes(children: Child[]): ChildNode[] {
  return children.flatMap((c): ChildNode[] => (c === null || c === false || c === undefined ? [] : typeof c === "string" ? [textNode(c)] : [c]));
}

/**
 * Text as a book may hold it: without the characters XML 1.0 refuses (an old file's stray control characters, or
 * one typed into a title), and without DEL, which XML allows but EPUB readers and epubcheck do not welcome. Every
 * text node and attribute value passes here, since a title lands in attributes too (a cover's alt, calibre:series).
 */
function bookCharacters(text: string): string {
  return xmlCharacters(text).replace(/\u007f/gu, "");
}

export function textNode(text: string): Text {
  return new Text(bookCharacters(text));
}

/** Plain text's paragraphs (`TextBlocks` on the pages): `<p>` each, its lines parted by `<br/>`. */
export function paragraphs(lines: string[][]): Element[] {
  return lines.map((paragraph) => h("p", {}, paragraph.flatMap((line, i) => (i === 0 ? [line] : [h("br"), line]))));
}

/** XML, for EPUB's package, navigation and XHTML documents: numeric references for every non-ASCII character. */
export function renderXml(nodes: ChildNode | ChildNode[]): string {
  return render(nodes, { xmlMode: true });
}

/** HTML 5, for the single-file download: UTF-8 text, only `& < > " '` escaped. */
export function renderHtml(nodes: ChildNode | ChildNode[]): string {
  return render(nodes, { encodeEntities: "utf8" });
}

/** Elements the stored HTML may hold that XHTML 5 has under another name (or as a styled span or div). */
const RENAMED: Readonly<Record<string, [string, string | null]>> = {
  center: ["div", "center"],
  big: ["span", "big"],
  tt: ["span", "tt"],
  font: ["span", null],
  acronym: ["abbr", null],
  strike: ["s", null],
};

const KEPT_ELEMENTS = new Set([
  "p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "em", "i", "strong", "b", "u", "s", "del", "ins", "sup", "sub",
  "small", "abbr", "cite", "code", "pre", "kbd", "samp", "var", "dfn", "q", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
  "ruby", "rt", "rp", "a", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
]);

/** Attributes kept per element (and `title` and `dir` on every one); the rest are dropped. */
const KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"], abbr: ["title"], blockquote: ["cite"], q: ["cite"], ol: ["start", "type", "reversed"], li: ["value"],
  td: ["colspan", "rowspan"], th: ["colspan", "rowspan"],
};

const SAFE_URL = /^(?:https?:|mailto:)/iu;
const ALIGNMENTS = new Set(["left", "right", "center", "justify"]);

/**
 * Stored chapter HTML as nodes valid in XHTML 5: obsolete elements renamed, unknown ones unwrapped, attributes
 * narrowed, `align` as a class, and an image (a remote resource, which a book may not load) as a link to it.
 */
export function storedHtmlNodes(html: SafeHtml): ChildNode[] {
  return narrowChildren(parseDocument(html).children);
}

function narrowChildren(nodes: readonly ChildNode[]): ChildNode[] {
  return nodes.flatMap(narrowNode);
}

function narrowNode(node: ChildNode): ChildNode[] {
  if (isText(node)) return [textNode(node.data)];
  if (!isTag(node)) return [];
  const name = node.name.toLowerCase();
  if (name === "img") return imageLink(node);
  const renamed = RENAMED[name];
  const target = renamed ? renamed[0] : name;
  const children = narrowChildren(node.children);
  if (!KEPT_ELEMENTS.has(target)) return children;
  const classes = [renamed?.[1], alignmentClass(node.attribs.align)].filter((c): c is string => Boolean(c));
  const attributes: Attributes = { class: classes.length > 0 ? classes.join(" ") : null };
  for (const key of ["title", "dir", ...(KEPT_ATTRIBUTES[target] ?? [])]) {
    const value = node.attribs[key];
    if (value !== undefined && isAllowedValue(key, value)) attributes[key] = value;
  }
  if (INLINE.has(target) && children.some(isBlock)) return pushInlineDown(target, attributes, children);
  if (TEXT_BLOCKS.has(target) && children.some(isBlock)) return splitAroundBlocks(target, attributes, children);
  return [h(target, attributes, wrapListItems(target, children))];
}

/** Elements that are text-level content, and may hold only such content. */
const INLINE = new Set(["span", "em", "i", "strong", "b", "u", "s", "sup", "sub", "small", "abbr", "cite", "code", "kbd", "samp", "var", "dfn", "q", "a", "ruby", "rt", "rp", "br"]);
/** Blocks that may hold only text-level content. */
const TEXT_BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6"]);

function isBlock(node: ChildNode): boolean {
  return isTag(node) && !INLINE.has(node.name);
}

/** Runs of inline content between the blocks, each wrapped in `wrap`; the blocks as they are. */
function runsAndBlocks(children: readonly ChildNode[], wrap: (run: ChildNode[]) => ChildNode, block: (element: Element) => ChildNode): ChildNode[] {
  const out: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.some((n) => !isText(n) || n.data.trim() !== "")) out.push(wrap(run));
    run = [];
  };
  for (const child of children) {
    if (isTag(child) && isBlock(child)) {
      flush();
      out.push(block(child));
    } else run.push(child);
  }
  flush();
  return out;
}

/**
 * `<i><p>…</p></i>`, which XHTML refuses, as `<p><i>…</i></p>`: the inline element goes inside each block it held
 * (down to the items of a list), and around the runs of inline content between them.
 */
function pushInlineDown(name: string, attributes: Attributes, children: readonly ChildNode[]): ChildNode[] {
  return runsAndBlocks(children, (run) => h(name, attributes, run), (block) => h(block.name, block.attribs, pushInlineDown(name, attributes, block.children)));
}

/** `<p>text<ul>…</ul>more</p>` as `<p>text</p><ul>…</ul><p>more</p>`. */
function splitAroundBlocks(name: string, attributes: Attributes, children: readonly ChildNode[]): ChildNode[] {
  return runsAndBlocks(children, (run) => h(name, attributes, run), (block) => block);
}

function isAllowedValue(key: string, value: string): boolean {
  if (key === "href" || key === "cite") return SAFE_URL.test(value.trim()) && URL.canParse(value.trim());
  if (key === "dir") return ["ltr", "rtl", "auto"].includes(value);
  if (key === "start" || key === "value" || key === "colspan" || key === "rowspan") return /^-?\d+$/u.test(value);
  if (key === "type") return ["1", "a", "A", "i", "I"].includes(value);
  return true;
}

function alignmentClass(align: string | undefined): string | null {
  const value = align?.trim().toLowerCase();
  return value && ALIGNMENTS.has(value) ? `align-${value}` : null;
}

// A list holds only items: stray text or elements between them go into an item of their own.
function wrapListItems(name: string, children: ChildNode[]): ChildNode[] {
  if (name !== "ul" && name !== "ol") return children;
  return children.flatMap((c): ChildNode[] => {
    if (isTag(c) && c.name === "li") return [c];
    if (isText(c) && c.data.trim() === "") return [];
    return [h("li", {}, c)];
  });
}

function imageLink(image: Element): ChildNode[] {
  const src = image.attribs.src?.trim() ?? "";
  const label = `[image${image.attribs.alt ? `: ${image.attribs.alt}` : ""}]`;
  return SAFE_URL.test(src) && URL.canParse(src) ? [h("a", { href: src }, label)] : [textNode(label)];
}
