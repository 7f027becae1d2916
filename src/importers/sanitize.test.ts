import { describe, expect, it } from "vitest";
import { sanitizeStoryHtml } from "./sanitize.js";

describe("sanitizeStoryHtml", () => {
  it.each([
    ["a script", "<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"],
    ["an event handler", '<p onclick="steal()">Hi</p>', "<p>Hi</p>"],
    ["a javascript: link", '<p><a href="javascript:alert(1)">x</a></p>', "<p><a rel=\"nofollow ugc noopener\">x</a></p>"],
    ["an image with a remote source", '<p>Hi<img src="http://old-host.example/counter.gif"></p>', "<p>Hi</p>"],
    ["a style attribute", '<p style="position:fixed">Hi</p>', "<p>Hi</p>"],
    ["an iframe with its content", '<p>a<iframe src="http://x.example">b</iframe>c</p>', "<p>ac</p>"],
  ])("removes %s", (_label, html, expected) => {
    expect(sanitizeStoryHtml(html)).toBe(expected);
  });

  it("keeps what the chapter renderer emits, and marks links as user content", () => {
    const html = '<p align="center"><em>Once</em>, <strong>twice</strong><br />thrice</p>\n<hr />\n<h3>Part</h3>\n<p><a href="https://example.org/">a link</a></p>';
    expect(sanitizeStoryHtml(html)).toBe('<p align="center"><em>Once</em>, <strong>twice</strong><br />thrice</p>\n<hr />\n<h3>Part</h3>\n<p><a href="https://example.org/" rel="nofollow ugc noopener">a link</a></p>');
  });
});
