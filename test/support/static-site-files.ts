/** Reading a written static site in tests: its files, and every internal link checked against them. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix } from "node:path";
import { isTag, type ChildNode, type Element } from "domhandler";
import { parseDocument } from "htmlparser2";

/** Every file under `root`, as site paths (forward slashes), sorted; hidden files (the marker) too. */
export function siteFiles(root: string, folder = ""): string[] {
  return readdirSync(join(root, folder)).flatMap((entry) => {
    const path = folder === "" ? entry : `${folder}/${entry}`;
    return statSync(join(root, path)).isDirectory() ? siteFiles(root, path) : [path];
  }).sort();
}

function elements(nodes: readonly ChildNode[]): Element[] {
  return nodes.flatMap((node) => (isTag(node) ? [node, ...elements(node.children)] : []));
}

const LINKING: Readonly<Record<string, string>> = { a: "href", link: "href", script: "src", img: "src" };

/** The addresses a page links to or loads: hrefs and srcs. */
export function pageLinks(html: string): string[] {
  return elements(parseDocument(html).children).flatMap((e) => {
    const attribute = LINKING[e.name];
    const value = attribute ? e.attribs[attribute] : undefined;
    return value === undefined ? [] : [value];
  });
}

/** The ids a page's elements carry: what a fragment may name. */
export function pageIds(html: string): Set<string> {
  return new Set(elements(parseDocument(html).children).flatMap((e) => (e.attribs.id === undefined ? [] : [e.attribs.id])));
}

/**
 * Every link of every page that leads nowhere: a relative path to a missing file, a fragment no element of its
 * page carries, or an address that is not relative (a static site has no server to answer `/works/1`).
 * @returns "page → link" for each, empty when every link resolves.
 */
export function brokenLinks(root: string): string[] {
  const files = new Set(siteFiles(root));
  const pages = [...files].filter((f) => f.endsWith(".html"));
  const ids = new Map(pages.map((p) => [p, pageIds(readFileSync(join(root, p), "utf8"))]));
  const broken: string[] = [];
  for (const page of pages) {
    for (const link of pageLinks(readFileSync(join(root, page), "utf8"))) {
      if (/^(https?:|mailto:)/u.test(link)) continue;
      const [path = "", fragment] = link.split("#");
      const target = path === "" ? page : posix.normalize(posix.join(posix.dirname(page), path));
      const ok = !link.startsWith("/") && !target.startsWith("..") && files.has(target) && (fragment === undefined || fragment === "" || ids.get(target)?.has(fragment) === true);
      if (!ok) broken.push(`${page} → ${link}`);
    }
  }
  return broken;
}
