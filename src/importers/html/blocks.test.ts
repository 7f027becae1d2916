import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { htmlStringToBlocks, htmlToBlocks } from "./blocks.js";
import { isEscapedMarkup, parseHtml } from "./dom.js";

function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

// Pieces of markup that exercise what the tree holds and the walk reads: text runs split by entities and comments,
// skipped and void elements, <pre>, centring, links, headings, breaks, implied and stray closing tags.
const PIECES = [
  "<p>", "</p>", "<div align=center>", "</div>", "<br>", "<br/>", "</br>", "<hr>", "<pre>", "</pre>", "<code>", "</code>",
  "<em>", "</em>", "<i>", "</i>", "<b>", "<a href='http://x.example/a?b=1&c=2'>", "<a href=\"mailto:a@b.example\">", "</a>",
  "<script>var x = '<p>';</script>", "<style>p{}</style>", "<!-- a <p> comment -->", "<!doctype html>", "<![CDATA[ x ]]>",
  "<h2>", "</h2>", "<h7>", "<center>", "</center>", "<span style='text-align: center'>", "</span>", "<img src=x>",
  "<svg><p>in svg</p></svg>", "<table><tr><td>", "</td></tr></table>", "<ul><li>", "</li>", "</ul>", "<title>T</title>",
  "<nav>nav</nav>", "text", " spaced  text ", "\n", "\n\n  ", "&amp;", "&nbsp;", "&lt;b&gt;", "* * *", "~*~", "xXx",
  "\u00a0", "don't", "\"q\"", "<", ">", "&", "<p align=\"CENTER\">", "<textarea>t<p></textarea>", "<noscript><p>n</p></noscript>",
  "<br><br><br>", "<font>", "</font>", "<P>", "<BR>",
];

describe("htmlStringToBlocks", () => {
  it("reads HTML without a tree exactly as htmlToBlocks reads its tree", () => {
    const next = random(5);
    const documents = Array.from({ length: 3000 }, () => Array.from({ length: 1 + next(40) }, () => PIECES[next(PIECES.length)]).join(next(3) ? "" : " "));
    documents.push(
      "<html><head><title>A</title></head><body><h1>Title</h1><p>by Someone</p><p>One<br>two<br><br>three</p><pre>  keep\n  lines</pre></body></html>",
      "<p>Unclosed <i>italic\n<p>next paragraph</i> and on",
      `${"<div>".repeat(1500)}deep${"</div>".repeat(1500)}`,
    );
    const differences = documents.filter((html) => JSON.stringify(htmlStringToBlocks(html)) !== JSON.stringify(htmlToBlocks(parseHtml(html))));
    expect(differences).toEqual([]);
  });

  it("reads Markdown's HTML without htmlparser2 exactly as htmlToBlocks reads its tree", () => {
    // As the Markdown reader renders it; constructs of every kind, raw HTML among them (which htmlparser2 reads).
    const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: true });
    const next = random(17);
    const pick = (items: readonly string[]) => items[next(items.length)] ?? "";
    const inline = ["word", "*em*", "**strong**", "_u_", "~~del~~", "`code & <x>`", '[link](http://x.example/a?b=1&c=2 "t")', '![img](http://i.example/p.png "alt & t")', "<http://auto.example>", "&amp;", "&copy;", "&#39;", "&nbsp;", "\\*esc\\*", 'a & b < c > d "q"', "don't", "  ", "[ref]", "x<y", "<b>raw</b>", "<!-- c -->", "é", "\u00a0", "[![i](http://i/x)](http://l/y)"];
    const line = () => Array.from({ length: 1 + next(6) }, () => pick(inline)).join(" ");
    const block = () => pick([
      `${line()}\n${line()}`, `${"#".repeat(1 + next(6))} ${line()}`, `- ${line()}\n* ${line()}\n  - ${line()}`, `1. a\n\n   ${line()}\n2. b`,
      `> ${line()}\n> > ${line()}`, `\`\`\`${pick(["", "js", "a&b"])}\n${line()}\n  indented\n\`\`\``, `    code block\n    ${line()}`,
      pick(["***", "---", "* * *"]), `| a | b |\n|:--|--:|\n| ${line()} | x |\n| y |`, `${line()}  \n${line()}`, `<div>raw ${line()}</div>`,
    ]);
    const documents = Array.from({ length: 2000 }, () => markdown.render(Array.from({ length: 1 + next(8) }, block).join("\n\n")));
    expect(documents.filter(isEscapedMarkup).length).toBeGreaterThan(1000);
    expect(documents.filter((html) => JSON.stringify(htmlStringToBlocks(html)) !== JSON.stringify(htmlToBlocks(parseHtml(html))))).toEqual([]);
  });

  it("refuses markup of millions of tiny elements, as parseHtml does", () => {
    expect(() => htmlStringToBlocks("<i>a</i>".repeat(1_600_000))).toThrow(/elements and text runs/u);
    expect(() => htmlStringToBlocks(`<p>${"<em>a</em>".repeat(1_600_000)}</p>`)).toThrow(/elements and text runs/u);
  });

  it("flattens Markdown's HTML nested past the limit, as parseHtml does", () => {
    const html = `${"<blockquote>".repeat(1200)}<p>deep</p>${"</blockquote>".repeat(1200)}`;
    expect(htmlStringToBlocks(html)).toEqual(htmlToBlocks(parseHtml(html)));
  });
});

describe("white space in HTML text", () => {
  it("becomes one space, for every character that \\s matches", () => {
    const spaces = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => /\s/u.test(c));
    for (const space of spaces) {
      const [block] = htmlToBlocks(parseHtml(`<p><b>a</b>${space}<i>b</i>${space}${space}c</p>`));
      expect(block?.kind === "paragraph" ? block.html : null, `U+${space.charCodeAt(0).toString(16)}`).toBe("<b>a</b> <i>b</i> c");
    }
  });

  it("is kept as it is when there is nothing to collapse", () => {
    const [block] = htmlToBlocks(parseHtml("<p>a b\u200bc\u00adé</p>"));
    expect(block).toMatchObject({ text: "a b\u200bc\u00adé" });
  });
});
