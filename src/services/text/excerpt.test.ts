import { describe, expect, it } from "vitest";
import { htmlExcerpt } from "./excerpt.js";

describe("htmlExcerpt", () => {
  it("reads the text of the HTML with entities decoded and paragraphs parted by a space", () => {
    expect(htmlExcerpt("<p>The tide&amp;the <em>wind</em>.</p><p>Second&nbsp;thought.</p>", 100)).toBe("The tide&the wind. Second thought.");
  });

  it("cuts a long text at a word boundary with an ellipsis", () => {
    expect(htmlExcerpt("<p>one two three four five six seven</p>", 17)).toBe("one two three…");
  });

  it("keeps markup as text, never as tags", () => {
    expect(htmlExcerpt("&lt;script&gt;alert(1)&lt;/script&gt;", 100)).toBe("<script>alert(1)</script>");
  });
});
