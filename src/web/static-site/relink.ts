/**
 * A page rendered by the web app's views, with its links made the static site's: every address of the app
 * becomes the relative path of its file, and a link to a page the site does not have (sign-in, preferences, a
 * work a guest may not read) loses its address (and the label naming it) and reads as plain text, so that no link
 * of the site is dead.
 */
import render from "dom-serializer";
import { isTag, type ChildNode } from "domhandler";
import { parseDocument } from "htmlparser2";
import { relativeHref, siteTargetOf } from "./site-paths.js";

/** The attributes that hold an address, by element. */
const LINKING: Readonly<Record<string, string>> = { a: "href", link: "href", script: "src", img: "src", area: "href" };

/**
 * @param pagePath the page's own file in the site (`works/12.html`).
 * @param hasFile whether the site holds a file (the paths it writes).
 */
export function relinkPage(html: string, pagePath: string, hasFile: (path: string) => boolean): string {
  const document = parseDocument(html, { decodeEntities: true });
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const attribute = LINKING[node.name];
      const address = attribute ? node.attribs[attribute] : undefined;
      if (attribute && address !== undefined && address.startsWith("/") && !address.startsWith("//")) {
        const target = siteTargetOf(address);
        if (target && hasFile(target.path)) {
          node.attribs[attribute] = relativeHref(pagePath, target);
        } else {
          // The label and relation describe where the link led, which is not in the site.
          node.attribs = Object.fromEntries(Object.entries(node.attribs).filter(([name]) => name !== attribute && name !== "rel" && name !== "aria-label"));
        }
      }
      visit(node.children);
    }
  };
  visit(document.children);
  return render(document, { encodeEntities: "utf8", decodeEntities: true, emptyAttrs: true });
}
