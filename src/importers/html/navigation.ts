/** Navigation inside a saved page that is not story text. */
import type { Element } from "domhandler";
import { findAll, hasClass, inlineTextOf } from "./dom.js";

/** A table of contents: a list (or paragraph) made of links to anchors in the same page, or marked as an index. */
export function isInPageIndex(element: Element): boolean {
  if (!/^(?:ul|ol|div|p|select|table|center)$/u.test(element.name)) return false;
  if (element.attribs.id === "index" || hasClass(element, "index") || hasClass(element, "toc")) return true;
  const links = findAll(element, (e) => e.name === "a");
  const text = inlineTextOf(element);
  const linked = links.reduce((n, a) => n + inlineTextOf(a).length, 0);
  return links.length >= 2 && linked >= text.length * 0.8 && links.every((a) => (a.attribs.href ?? "").startsWith("#"));
}
