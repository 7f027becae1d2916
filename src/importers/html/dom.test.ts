import { Parser } from "htmlparser2";
import { DomHandler, Element, isTag, Text, type ChildNode, type ParentNode } from "domhandler";
import { describe, expect, it } from "vitest";
import { findAll, findFirst, parseHtml } from "./dom.js";

// The tree as domhandler's own handler builds it, every node's own fields and links.
function describeTree(root: ParentNode): unknown[] {
  const out: unknown[] = [];
  const visit = (node: ChildNode) => {
    out.push({
      type: node.type,
      constructor: node.constructor.name,
      name: isTag(node) ? node.name : undefined,
      attribs: isTag(node) ? node.attribs : undefined,
      data: "data" in node ? node.data : undefined,
      parent: node.parent === root ? "root" : node.parent && isTag(node.parent) ? node.parent.name : null,
      prev: node.prev?.type ?? null,
      next: node.nextSibling?.type ?? null,
      startIndex: node.startIndex,
      endIndex: node.endIndex,
    });
    if ("children" in node) node.children.forEach(visit);
  };
  root.children.forEach(visit);
  return out;
}

describe("parseHtml", () => {
  const html = `<!doctype html><html><head><title>T&amp;T</title><style>p{}</style><script>x<y</script></head>
    <body class="a b"><p align=center>One &amp; <i>two</i><br>three<!-- note -->four</p><hr><pre> a\n b</pre>
    <P>Unclosed <b>bold<div>block</div> tail &lt;x&gt;</body></html>`;

  it("builds the tree domhandler builds", () => {
    const handler = new DomHandler();
    new Parser(handler, { lowerCaseTags: true, lowerCaseAttributeNames: true }).end(html);
    expect(describeTree(parseHtml(html))).toEqual(describeTree(handler.root));
  });

  it("makes domhandler's nodes", () => {
    const document = parseHtml("<p>text</p>");
    const p = findFirst(document, (e) => e.name === "p");
    expect(p).toBeInstanceOf(Element);
    expect(p?.children[0]).toBeInstanceOf(Text);
    expect(p?.firstChild).toBe(p?.children[0]);
    expect(findAll(document, () => true).map((e) => e.name)).toEqual(["p"]);
  });
});
