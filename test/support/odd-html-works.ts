/**
 * Works as posters write them, with the HTML an EPUB must still carry validly: remote images, tables, nested and
 * stray-text lists, ruby, right-to-left text, entities, obsolete elements (center, big, tt, acronym, strike,
 * align), anchors by name, a block inside an inline element, control characters. Each chapter goes through the
 * posting sanitizer first (services/text/user-html.ts), as a posted chapter does. Every text is original.
 */
import type { ParsedWork } from "../../src/domain/work.js";
import { sanitizeUserHtml } from "../../src/services/text/user-html.js";
import { chapter, parsedWork } from "../factories.js";

function postedChapter(html: string, text: string, overrides: Parameters<typeof chapter>[1] = {}) {
  return chapter(text, { ...overrides, html: sanitizeUserHtml(html) });
}

export const ODD_HTML_WORKS: readonly ParsedWork[] = [
  parsedWork({
    title: "Ink & <Brackets>: a \"Quoted\" Title",
    authors: ["Wren Tallow", "Pim & Co"],
    fandoms: ["Moonlit Harbour (TV)"],
    rating: "Mature",
    warnings: ["Graphic Depictions Of Violence", "Major Character Death"],
    relationships: ["Mara Quell/Ilse Brand"],
    characters: ["Mara Quell"],
    freeforms: ["Tables & Lists", "<Angle> Tags"],
    summary: "A summary with <markup> & entities &amp; a second line\nunder it.\n\nAnd a second paragraph.",
    notes: "Notes with a < and a >.",
    endNotes: "End notes: thank you & goodnight.",
    status: "in-progress",
    published: "2024-02-29",
    updated: "2024-03-10",
    series: [{ name: "The Odd Markup Collection", part: 2 }],
    chapters: [
      postedChapter(
        `<center><big>A Heading in the Middle</big></center>
         <p align="center">Centred &amp; <tt>typed</tt>, <acronym title="for example">e.g.</acronym> <strike>struck</strike>.</p>
         <p>An image: <img src="https://images.example/lantern.png" alt="a green lantern" width="20"> and one with no address <img src="javascript:alert(1)" alt="x">.</p>
         <table><tr><td>cell one</td><td>cell two</td></tr></table>
         <ul><li>One<ul><li>One point one</li><li>One point two<ol start="3" type="i" reversed><li>Deep</li></ol></li></ul></li>stray text<li>Two</li></ul>
         <dl><dt>Term</dt><dd>Definition</dd></dl>
         <p><a name="here">An anchor by name</a> and <a href="https://example.org/?a=1&b=2">a link with &amp;</a>.</p>
         <i><p>A paragraph inside an inline element.</p></i>
         <p>Entities: &nbsp;&eacute;&mdash;&hellip;&lt;&gt;&quot;&#39;&#x2603; and a control\u0001 character.</p>`,
        "Centred & typed, e.g. struck.\n\nAn image: and one with no address.",
        { number: 1, title: "Markup & <Odd> Things", summary: "Chapter summary\nwith a line.", notes: "Chapter notes.", endNotes: "Chapter end notes." },
      ),
      postedChapter(
        `<p>Ruby: <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rp>(</rp><rt>ji</rt><rp>)</rp></ruby>.</p>
         <blockquote cite="https://example.org/source"><p>A quotation with a source.</p></blockquote>
         <pre>  preformatted
    text</pre><h2 align="right">A heading on the right</h2><div dir="rtl" title="a title">שלום, עולם</div>
         <p dir="ltr">Left to right.</p><hr><p>After the rule.</p>`,
        "Ruby: 漢字.\n\nA quotation with a source.",
        { number: 2, title: null },
      ),
    ],
  }),
  parsedWork({
    title: "حكاية الفانوس",
    authors: ["ليلى"],
    fandoms: ["Moonlit Harbour (TV)"],
    rating: "General Audiences",
    warnings: ["No Archive Warnings Apply"],
    language: "ar",
    status: "complete",
    published: "2023-05-01",
    chapters: [postedChapter(`<p dir="rtl">كان الفانوس أخضر، وأضاءته مارا عند الغسق.</p><p>Mixed عربي and English.</p>`, "كان الفانوس أخضر، وأضاءته مارا عند الغسق.")],
  }),
  parsedWork({
    title: "夜の散歩",
    authors: ["月子"],
    language: "ja",
    status: "unknown",
    chapters: [postedChapter("<p>夜の港を歩いた。灯台の光がゆっくり回っていた。</p>", "夜の港を歩いた。灯台の光がゆっくり回っていた。")],
  }),
];
