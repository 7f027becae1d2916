/** Navigation inside a saved page that is not story text. */
import { isTag, type ChildNode, type Element } from "domhandler";
import { hasClass, inlineTextOf } from "./dom.js";

/**
 * A table of contents: a list, or a paragraph of links, where every entry is a link to an anchor in the same
 * page; or an element marked as an index. It looks at children only, so that walking a page stays linear.
 */
export function isInPageIndex(element: Element): boolean {
  if (element.attribs.id === "index" || hasClass(element, "index") || hasClass(element, "toc")) return true;
  if (element.name === "ul" || element.name === "ol") {
    const items = element.children.filter(isTag);
    if (!items.some((li) => li.children.some(isAnchorLink))) return false;
    return items.length >= 2 && items.every((li) => li.name === "li" && li.children.some((c) => isAnchorLink(c) && inlineTextOf(c) === inlineTextOf(li)));
  }
  if (element.name === "p" || element.name === "center" || element.name === "div") {
    // Counted first: nearly every paragraph of a story has no anchor links, and must cost nothing more.
    if (element.children.filter(isAnchorLink).length < 2) return false;
    const text = element.children.filter((c) => !isAnchorLink(c)).map(inlineTextOf).join("");
    return text.replace(/(?:table of )?contents:?|[\s|•·–—-]+/giu, "").length === 0;
  }
  return false;
}

function isAnchorLink(node: ChildNode): boolean {
  return isTag(node) && node.name === "a" && (node.attribs.href ?? "").startsWith("#");
}
