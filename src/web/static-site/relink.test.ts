import { describe, expect, it } from "vitest";
import { relinkPage } from "./relink.js";

const has = (files: readonly string[]) => (path: string) => files.includes(path);

describe("relinkPage", () => {
  it("makes the app's addresses relative paths to the site's files", () => {
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/assets/quire.abc.css"></head><body><a href="/works/3">Three</a> <a href="/works/3/chapters/2">Two</a></body></html>`;
    const out = relinkPage(html, "tags/angst-0123abcd/index.html", has(["assets/quire.abc.css", "works/3.html"]));
    expect(out).toContain(`href="../../assets/quire.abc.css"`);
    expect(out).toContain(`<a href="../../works/3.html">Three</a>`);
    expect(out).toContain(`<a href="../../works/3.html#chapter-2">Two</a>`);
    expect(out.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("leaves a link to a page the site lacks as text, without its address", () => {
    const out = relinkPage(`<p><a rel="author" href="/users/Someone">Someone</a> <a href="/login?return=%2F">Sign in</a> <a href="/works/9" aria-label="Previous work: Nine" class="x">←</a></p>`, "index.html", has([]));
    expect(out).toBe(`<p><a>Someone</a> <a>Sign in</a> <a class="x">←</a></p>`);
  });

  it("keeps links to other sites, fragments and relative links as they are", () => {
    const html = `<p><a href="https://example.org/a?b=1&amp;c=2">out</a> <a href="//example.org/x">proto</a> <a href="#main">top</a> <img src="https://example.org/i.png" alt=""></p>`;
    expect(relinkPage(html, "works/1.html", has([]))).toBe(html);
  });

  // In a quoted attribute only the quote and & need escaping: `<` there is text (HTML's attribute value state).
  it("keeps text and attributes escaped", () => {
    const html = `<p title="&quot;quoted&quot; &lt;b&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>`;
    const out = relinkPage(html, "index.html", has([]));
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(out).toContain(`<p title="&quot;quoted&quot; <b>">`);
  });
});
