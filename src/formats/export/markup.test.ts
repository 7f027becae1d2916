/** Stored HTML narrowed to XHTML 5, and trees written as XML and HTML. */
import { describe, expect, it } from "vitest";
import { storedSafeHtml } from "../../domain/safe-html.js";
import { h, renderHtml, renderXml, storedHtmlNodes } from "./markup.js";

const xhtml = (html: string) => renderXml(storedHtmlNodes(storedSafeHtml(html)));

describe("storedHtmlNodes", () => {
  it.each([
    ["<center>c</center>", '<div class="center">c</div>'],
    ["<p align=\"Right\">r</p>", '<p class="align-right">r</p>'],
    ["<big>b</big><tt>t</tt><acronym title=\"x\">a</acronym><strike>s</strike><font face=\"x\">f</font>", '<span class="big">b</span><span class="tt">t</span><abbr title="x">a</abbr><s>s</s><span>f</span>'],
    ["<p><a name=\"x\" rel=\"nofollow\" href=\"https://e.org/?a=1&amp;b=2\">l</a></p>", '<p><a href="https://e.org/?a=1&amp;b=2">l</a></p>'],
    ["<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>"],
    ["<img src=\"https://e.org/i.png\" alt=\"a lamp\">", '<a href="https://e.org/i.png">[image: a lamp]</a>'],
    ["<img src=\"data:x\">", "[image]"],
    ["<ul><li>a</li>b<li>c</li></ul>", "<ul><li>a</li><li>b</li><li>c</li></ul>"],
    ["<i><p>x</p><p>y</p></i>", "<p><i>x</i></p><p><i>y</i></p>"],
    ["<b>a<ul><li>b</li></ul></b>", "<b>a</b><ul><li><b>b</b></li></ul>"],
    ["<h2><div>x</div></h2>", "<div>x</div>"],
    ["<ol start=\"3\" type=\"i\" reversed><li value=\"x\">a</li></ol>", '<ol start="3" type="i" reversed="">'.concat("<li>a</li></ol>")],
    ["<p dir=\"rtl\" lang=\"he\" style=\"x\">שלום</p>", '<p dir="rtl">&#x5e9;&#x5dc;&#x5d5;&#x5dd;</p>'],
    ["<p>a\u0001b &amp; &lt;c&gt; &nbsp;</p>", "<p>ab &amp; &lt;c&gt; &#xa0;</p>"],
    ["<marquee>m</marquee><script>x</script>", "mx"],
  ])("%s", (html, expected) => {
    expect(xhtml(html)).toBe(expected);
  });
});

describe("rendering", () => {
  it("escapes text and attributes in both serializations, and closes empty elements in XML", () => {
    const tree = h("p", { title: "\"<&>\"" }, "a < b & c", h("br"));
    expect(renderXml(tree)).toBe('<p title="&quot;&lt;&amp;&gt;&quot;">a &lt; b &amp; c<br/></p>');
    expect(renderHtml(tree)).toBe('<p title="&quot;<&amp;>&quot;">a &lt; b &amp; c<br></p>');
  });

  it("leaves out absent attributes and children", () => {
    expect(renderXml(h("div", { id: null, class: undefined, lang: "en" }, null, false, undefined, "x"))).toBe('<div lang="en">x</div>');
  });
});
