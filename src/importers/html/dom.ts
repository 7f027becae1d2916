/**
 * Small DOM helpers over htmlparser2's tree. They walk iteratively, never recursively, because imported HTML can
 * nest tens of thousands of elements deep and a recursive walk would overflow the stack.
 */
import { Parser, type ParserOptions } from "htmlparser2";
import { DomHandler } from "domhandler";
import { UnreadableStoryError } from "../../domain/errors.js";
import { limitNesting } from "./limit-nesting.js";
import { isTag, isText, type ChildNode, type Document, type Element, type ParentNode } from "domhandler";

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
    super.onopentag(name, attribs);
  }

  override ontext(data: string): void {
    this.count();
    super.ontext(data);
  }

  private count(): void {
    this.nodes += 1;
    if (this.nodes > MAX_NODES) throw new UnreadableStoryError("too-large", `markup has more than ${MAX_NODES.toLocaleString("en")} elements and text runs`);
  }
}

function parse(markup: string, options: ParserOptions): Document {
  const handler = new CappedDomHandler();
  new Parser(handler, options).end(limitNesting(markup));
  return handler.root;
}

export function parseHtml(html: string): Document {
  return parse(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
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
  for (const element of elementsBelow(root)) if (matches(element)) found.push(element);
  return found;
}

export function findFirst(root: ParentNode, matches: (element: Element) => boolean): Element | undefined {
  for (const element of elementsBelow(root)) if (matches(element)) return element;
  return undefined;
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
