/**
 * Small DOM helpers over htmlparser2's tree. They walk iteratively, never recursively, because imported HTML can
 * nest tens of thousands of elements deep and a recursive walk would overflow the stack.
 */
import { Parser, type Handler, type ParserOptions } from "htmlparser2";
import { DomHandler, Element, Text } from "domhandler";
import { UnreadableStoryError } from "../../domain/errors.js";
import { limitNesting } from "./limit-nesting.js";
import { isTag, isText, type ChildNode, type Document, type ParentNode } from "domhandler";

export type { Document, Element, ChildNode };

/**
 * A tree costs a few hundred bytes per node, so markup made of nothing but tiny elements (`<i>a</i>` a few
 * million times) would exhaust the heap long before the file-size limit. Real stories stay far below this: a
 * 50 MB novel in HTML has about half a million nodes.
 */
const MAX_NODES = 3_000_000;

class CappedDomHandler extends DomHandler {
  private nodes = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.count();
    const element = newElement(name, attribs);
    this.addNode(element);
    this.tagStack.push(element);
  }

  override ontext(data: string): void {
    this.count();
    const last = this.lastNode;
    if (last !== null && last.type === TEXT_TYPE) {
      last.data += data;
      return;
    }
    const node = newText(data);
    this.addNode(node);
    this.lastNode = node;
  }

  private count(): void {
    this.nodes += 1;
    if (this.nodes > MAX_NODES) throw tooManyNodes();
  }
}

function tooManyNodes(): UnreadableStoryError {
  return new UnreadableStoryError("too-large", `markup has more than ${MAX_NODES.toLocaleString("en")} elements and text runs`);
}

// domhandler's node types (the enum lives in domelementtype, which is domhandler's dependency, not ours).
const TAG_TYPE = new Element("div", {}).type;
const SCRIPT_TYPE = new Element("script", {}).type;
const STYLE_TYPE = new Element("style", {}).type;
const TEXT_TYPE = new Text("").type;

// domhandler's classes declare their fields as class fields, which V8 defines one by one through a generic path
// shared by every node type: half the time spent building a tree. These make the same objects (the same
// prototypes and own properties, as domhandler 6 defines them) with plain assignments; dom.test.ts compares the
// trees. (Elements get no namespace, as from domhandler's handler: the parse5-only fields stay undefined.)
function newElement(name: string, attribs: Record<string, string>): Element {
  const element: Element = Object.create(Element.prototype);
  element.parent = null;
  element.prev = null;
  element.next = null;
  element.startIndex = null;
  element.endIndex = null;
  element.children = [];
  element.name = name;
  element.attribs = attribs;
  element.type = name === "script" ? SCRIPT_TYPE : name === "style" ? STYLE_TYPE : TAG_TYPE;
  return element;
}

function newText(data: string): Text {
  const text: Text = Object.create(Text.prototype);
  text.parent = null;
  text.prev = null;
  text.next = null;
  text.startIndex = null;
  text.endIndex = null;
  text.data = data;
  text.type = TEXT_TYPE;
  return text;
}

function parse(markup: string, options: ParserOptions): Document {
  const handler = new CappedDomHandler();
  new Parser(handler, options).end(limitNesting(markup));
  return handler.root;
}

const HTML_OPTIONS: ParserOptions = { lowerCaseTags: true, lowerCaseAttributeNames: true };

export function parseHtml(html: string): Document {
  return parse(html, HTML_OPTIONS);
}

/** What `scanHtml` reports: the events `parseHtml` builds its tree from. */
export interface MarkupEvents {
  onopentag(name: string, attribs: Record<string, string>): void;
  onclosetag(name: string): void;
  /** Text, perhaps in several pieces: the tree joins pieces that nothing else separates. */
  ontext(data: string): void;
  /** A comment or declaration: no content, but in the tree it separates the text before it from the text after. */
  onother(): void;
}

/**
 * Parses HTML as `parseHtml` does, under the same limits, for a reader that needs no tree: it gets the events
 * the tree would be built from, in document order, each element's close after its content.
 */
export function scanHtml(html: string, events: MarkupEvents): void {
  let nodes = 0;
  const count = () => {
    nodes += 1;
    if (nodes > MAX_NODES) throw tooManyNodes();
  };
  const handler: Partial<Handler> = {
    onopentag: (name, attribs) => {
      count();
      events.onopentag(name, attribs);
    },
    onclosetag: (name) => events.onclosetag(name),
    ontext: (data) => {
      count();
      events.ontext(data);
    },
    oncomment: () => events.onother(),
    oncdatastart: () => events.onother(),
    onprocessinginstruction: () => events.onother(),
  };
  if (scanEscapedMarkup(html, null) && scanEscapedMarkup(html, events)) return;
  new Parser(handler, HTML_OPTIONS).end(limitNesting(html));
}

// What markdown-it writes from Markdown without raw HTML: these elements (br, hr and img void), attributes in
// double quotes, and text and values escaped with these four entities.
const ESCAPED_MARKUP_ELEMENTS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "s", "a", "img", "br", "hr", "table", "thead", "tbody", "tr", "th", "td"]);
const ESCAPED_MARKUP_VOID = new Set(["br", "hr", "img"]);
const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };
const ENTITY = /&(?:amp|lt|gt|quot);/gu;
// htmlparser2 closes an open element when certain others open in it (its `openImpliesClose`, for these elements).
const HEADINGS_AND_P = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const P = new Set(["p"]);
const IMPLIED_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["tr", new Set(["tr", "th", "td"])], ["th", new Set(["th"])], ["td", new Set(["thead", "th", "td"])], ["a", new Set(["a"])],
  ["li", new Set(["li"])], ["p", P], ["h1", HEADINGS_AND_P], ["h2", HEADINGS_AND_P], ["h3", HEADINGS_AND_P], ["h4", HEADINGS_AND_P],
  ["h5", HEADINGS_AND_P], ["h6", HEADINGS_AND_P], ["blockquote", P], ["hr", P], ["ol", P], ["pre", P], ["table", P], ["ul", P],
  ["tbody", new Set(["thead", "tbody"])],
]);
const ATTRIBUTE = / ([a-z][a-z-]*)="([^"<>]*)"/uy;
const MAX_NESTING_READ = 1000;

/**
 * Reads markup of the shape markdown-it writes (Markdown's own HTML, with no raw HTML in the source) without
 * htmlparser2, reporting the events htmlparser2 would, text pieces joined: well-formed elements from the list
 * above, none of them opened where htmlparser2 would close another first, double-quoted attributes, and text and
 * values whose every `&` starts one of the four entities. Anything else (or past the node or depth limits) is
 * refused, and then htmlparser2 reads it. Without `events`, it only checks; call it so first, as the events of a
 * refused document would be wrong from the start.
 */
function scanEscapedMarkup(html: string, events: MarkupEvents | null): boolean {
  const open: string[] = [];
  let nodes = 0;
  let position = 0;
  while (position < html.length) {
    const lt = html.indexOf("<", position);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > position) {
      const text = html.slice(position, textEnd);
      const entities = countEntities(text);
      if (entities < 0 || text.includes(">") || text.includes("\u0000")) return false;
      // htmlparser2 reports the text around each entity, and the entity, apart: at most this many pieces.
      nodes += 1 + 2 * entities;
      events?.ontext(entities > 0 ? text.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity) : text);
    }
    if (lt === -1) break;
    const gt = html.indexOf(">", lt);
    if (gt === -1) return false;
    position = gt + 1;
    if (html.charCodeAt(lt + 1) === 0x2f) {
      const name = html.slice(lt + 2, gt);
      if (open.at(-1) !== name) return false;
      open.pop();
      events?.onclosetag(name);
      continue;
    }
    const nameEnd = nameEndOf(html, lt + 1, gt);
    const name = html.slice(lt + 1, nameEnd);
    const top = open.at(-1);
    if (!ESCAPED_MARKUP_ELEMENTS.has(name) || (top !== undefined && IMPLIED_CLOSE.get(name)?.has(top) === true)) return false;
    const attribs: Record<string, string> = {};
    ATTRIBUTE.lastIndex = nameEnd;
    for (let at = nameEnd; at < gt; at = ATTRIBUTE.lastIndex) {
      const match = ATTRIBUTE.exec(html);
      const [, key = "", value = ""] = match ?? [];
      if (!match || ATTRIBUTE.lastIndex > gt || countEntities(value) < 0) return false;
      if (!(key in attribs)) attribs[key] = value.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity);
    }
    nodes += 1;
    events?.onopentag(name, attribs);
    if (ESCAPED_MARKUP_VOID.has(name)) events?.onclosetag(name);
    else open.push(name);
    if (open.length > MAX_NESTING_READ) return false;
  }
  return open.length === 0 && nodes <= MAX_NODES;
}

/** Whether `scanHtml` reads this markup without htmlparser2 (see `scanEscapedMarkup`). */
export function isEscapedMarkup(html: string): boolean {
  return scanEscapedMarkup(html, null);
}

/** The entities in escaped text, or -1 if an `&` starts none of the four. */
function countEntities(text: string): number {
  let count = 0;
  for (let amp = text.indexOf("&"); amp !== -1; amp = text.indexOf("&", amp + 1)) {
    if (!(text.startsWith("&amp;", amp) || text.startsWith("&lt;", amp) || text.startsWith("&gt;", amp) || text.startsWith("&quot;", amp))) return -1;
    count += 1;
  }
  return count;
}

function nameEndOf(html: string, start: number, end: number): number {
  let i = start;
  while (i < end && /[a-z0-9]/u.test(html.charAt(i))) i += 1;
  return i;
}

/** Parses XML (OPF, NCX, XHTML) without expanding any entity a DTD declares, so entity bombs stay inert. */
export function parseXml(xml: string): Document {
  return parse(xml, { xmlMode: true });
}

/** Every element below `root`, in document order. */
export function* elementsBelow(root: ParentNode): Generator<Element> {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !isTag(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i];
      if (child) stack.push(child);
    }
  }
}

/** Every element below `root` in document order that matches. */
export function findAll(root: ParentNode, matches: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visitElements(root, (element) => {
    if (matches(element)) found.push(element);
    return false;
  });
  return found;
}

export function findFirst(root: ParentNode, matches: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visitElements(root, (element) => {
    if (matches(element)) found = element;
    return found !== undefined;
  });
  return found;
}

// Every element below `root` in document order, until `visit` returns true. A plain loop rather than the
// generator above: the searches run over whole pages several times for each file.
function visitElements(root: ParentNode, visit: (element: Element) => boolean): void {
  const stack: ChildNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i -= 1) {
    const child = root.children[i];
    if (child) stack.push(child);
  }
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (visit(node)) return;
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i];
      if (child) stack.push(child);
    }
  }
}

/** The element's text, whitespace collapsed; `<br>` and block ends become line breaks. */
export function textOf(root: ChildNode | ParentNode): string {
  let out = "";
  const stack: (ChildNode | "\n")[] = "children" in root ? [...root.children].reverse() : [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === "\n") {
      out += "\n";
    } else if (isText(node)) {
      out += node.data.replace(/\s+/gu, " ");
    } else if (isTag(node)) {
      if (node.name === "br") {
        out += "\n";
        continue;
      }
      if (SKIPPED.has(node.name)) continue;
      if (BLOCK.has(node.name)) stack.push("\n");
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child) stack.push(child);
      }
      if (BLOCK.has(node.name)) out += "\n";
    }
  }
  return out.replace(/[ \t]*\n[ \t]*/gu, "\n").replace(/\n{3,}/gu, "\n\n").trim();
}

/** Text on one line: for labels, titles, names. */
export function inlineTextOf(root: ChildNode | ParentNode): string {
  return textOf(root).replace(/\s+/gu, " ").trim();
}

export function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? "").split(/\s+/u).includes(name);
}

export function byTagAndClass(tag: string, className?: string): (element: Element) => boolean {
  return (element) => element.name === tag && (className === undefined || hasClass(element, className));
}

export function byId(id: string): (element: Element) => boolean {
  return (element) => element.attribs.id === id;
}

/** The next sibling that is an element, skipping text and comments. */
export function nextElement(node: ChildNode): Element | undefined {
  let next = node.nextSibling;
  while (next && !isTag(next)) next = next.nextSibling;
  return next ?? undefined;
}


/** Whether `node` is inside an element matching `matches` (or is one). */
export function isWithin(node: ChildNode, matches: (element: Element) => boolean): boolean {
  for (let current: ParentNode | ChildNode | null = node; current; current = current.parent) {
    if (isTag(current) && matches(current)) return true;
  }
  return false;
}

export const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "form", "button", "input", "select", "textarea", "svg", "math", "nav", "meta", "link"]);
export const BLOCK = new Set([
  "p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "center",
  "section", "article", "header", "footer", "main", "aside", "table", "tr", "td", "th", "tbody", "thead", "figure",
  "figcaption", "address", "hr", "body", "html",
]);
