import { describe, expect, it } from "vitest";
import { escapeHtml, type Block } from "./document.js";
import { stripEmailAddresses } from "./metadata/privacy.js";
import { renderChapter } from "./render-chapter.js";
import { sanitizeStoryHtml } from "./sanitize.js";

// The chapter's HTML as it was made before only the blocks with markup of their own went through the sanitizer:
// the whole chapter, sanitized at once when any block brought markup.
function reference(blocks: readonly Block[]): string {
  const html: string[] = [];
  let lastWasBreak = true;
  let foreign = false;
  for (const block of blocks) {
    if (block.kind === "break") {
      if (lastWasBreak) continue;
      html.push("<hr>");
      lastWasBreak = true;
      continue;
    }
    const content = stripEmailAddresses(block.text).trim();
    if (!content) continue;
    const inner = stripEmailAddresses(block.html);
    if (inner.trim() !== escapeHtml(content).replace(/\n/gu, "<br>")) foreign = true;
    html.push(block.kind === "heading" ? `<h3>${inner}</h3>` : `<p${block.centered ? ' align="center"' : ""}>${inner}</p>`);
    lastWasBreak = false;
  }
  if (lastWasBreak) html.pop();
  return foreign ? sanitizeStoryHtml(html.join("\n")) : html.join("\n");
}

const paragraph = (text: string, html = escapeHtml(text).replace(/\n/gu, "<br>"), centered = false): Block => ({ kind: "paragraph", text, html, centered });

describe("renderChapter", () => {
  it("gives plain escaped text its constant tags, without the sanitizer", () => {
    const { html, text } = renderChapter([paragraph("Don't \"stop\" & go\non"), { kind: "break", evidence: "***" }, { kind: "heading", level: 2, text: "Part <2>", html: "Part &lt;2&gt;" }]);
    expect(text).toBe("Don't \"stop\" & go\non\n\n* * *\n\nPart <2>");
    expect(html).toBe("<p>Don&#39;t &quot;stop&quot; &amp; go<br>on</p>\n<hr>\n<h3>Part &lt;2&gt;</h3>");
  });

  it("sanitizes blocks that bring markup of their own", () => {
    const { html } = renderChapter([paragraph("a", '<em>a</em><script>x()</script><a href="javascript:alert(1)">b</a>'), paragraph("Don't")]);
    expect(html).toBe('<p><em>a</em><a rel="nofollow ugc noopener">b</a></p>\n<p>Don\'t</p>');
  });

  it("makes the HTML that sanitizing the whole chapter made, block by block", () => {
    let state = 99;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
    const pick = <T>(items: readonly T[]): T => items[next(items.length)] as T;
    const words = ["tea", "write to me@example.com", "<me@example.com>", "Don't", '"quoted"', "a & b", "&amp;", "&quot;", "&#39;", "<b>", "x<y", "3 > 2", "café", "\u00a0", "&copy;", "'", "<br>", "line\nbreak", "  ", "&lt;script&gt;", "-->", "<!--", "\u3000"];
    const tags = ["em", "i", "strong", "b", "u", "s", "code", "q", "sup"];
    const inline = () =>
      Array.from({ length: 1 + next(8) }, () => {
        const kind = next(12);
        if (kind < 5) return `${escapeHtml(pick(words))} `;
        const tag = pick(tags);
        if (kind < 7) return `<${tag}>${escapeHtml(pick(words))}${next(4) ? `</${tag}>` : ""}`;
        if (kind < 8) return `</${tag}>`;
        if (kind < 9) return "<br>";
        if (kind < 10) return `<a href="${escapeHtml(pick(["http://x.example/?a=1&b=2", 'https://e.example/"q"', "javascript:alert(1)"]))}">${escapeHtml(pick(words))}${next(3) ? "</a>" : ""}`;
        if (kind < 11) return pick(["<div>", "</p>", "<p>", "<script>x</script>", "<img src=x>", "<h1>", "\n", "<!-- c -->", '<a onclick="x">', "<hr>", '<span style="x">']);
        return pick(["  ", "\u00a0", " "]);
      }).join("");
    const block = (): Block => {
      const kind = next(10);
      if (kind < 1) return { kind: "break", evidence: "***" };
      const centered = next(4) === 0;
      if (kind < 5) {
        const text = Array.from({ length: 1 + next(3) }, () => pick(words)).join(" ").trim() || "x";
        const html = escapeHtml(text).replace(/\n/gu, "<br>");
        return next(6) ? paragraph(text, next(5) ? html : ` ${html}${pick(["", " ", "\u00a0"])}`, centered) : { kind: "heading", level: 2, text, html };
      }
      const html = inline();
      const text = html.replace(/<[^>]*>/gu, "").replace(/&amp;/gu, "&") || "t";
      return next(7) ? paragraph(text, html, centered) : { kind: "heading", level: 2, text, html };
    };
    const chapters = Array.from({ length: 5000 }, () => Array.from({ length: 1 + next(12) }, block));
    expect(chapters.filter((blocks) => renderChapter(blocks).html !== reference(blocks))).toEqual([]);
  });
});
