import { describe, expect, it } from "vitest";
import type { SafeHtml } from "../../domain/safe-html.js";
import { htmlToText } from "./html-text.js";
import { userTextToHtml } from "./user-html.js";

const text = (html: string) => htmlToText(html as SafeHtml);

describe("htmlToText", () => {
  it("separates paragraphs by one blank line and keeps line breaks", () => {
    expect(text("<p>The kettle sang.</p>\n<p>Mara poured<br>two cups.</p>")).toBe("The kettle sang.\n\nMara poured\ntwo cups.");
  });

  it("reads inline markup as its text, entities decoded, spaces collapsed", () => {
    expect(text("<p>A <em>very</em>   <strong>strong</strong>\n cup &amp; a &quot;biscuit&quot;.</p>")).toBe("A very strong cup & a \"biscuit\".");
  });

  it("makes every block its own paragraph: headings, list items, quotations", () => {
    expect(text("<h2>Part one</h2><ul><li>salt</li><li>tea</li></ul><blockquote><p>Stay.</p></blockquote>")).toBe("Part one\n\nsalt\n\ntea\n\nStay.");
  });

  it("writes a scene break as * * *", () => {
    expect(text("<p>Before.</p><hr><p>After.</p>")).toBe("Before.\n\n* * *\n\nAfter.");
  });

  it("keeps the lines of preformatted text", () => {
    expect(text("<pre>line one\n  line two</pre>")).toBe("line one\nline two");
  });

  it("gives nothing for markup without text", () => {
    expect(text("<p> </p><div><br></div>")).toBe("");
  });

  it("reads back what plain text and Markdown become", () => {
    expect(htmlToText(userTextToHtml("First paragraph.\n\nSecond one,\nwith a break.", "text"))).toBe("First paragraph.\n\nSecond one,\nwith a break.");
    expect(htmlToText(userTextToHtml("# Title\n\nSome *light* rain.\n\n---\n\nThen sun.", "markdown"))).toBe("Title\n\nSome light rain.\n\n* * *\n\nThen sun.");
  });

  it("reads markup nested deeper than a call stack goes", () => {
    expect(text(`${"<div>".repeat(50_000)}deep${"</div>".repeat(50_000)}`)).toBe("deep");
  });
});
