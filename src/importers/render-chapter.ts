/**
 * A chapter's blocks to its two published forms: plain text (paragraphs apart by one blank line, each scene break
 * `* * *`) and sanitized HTML (`<p>`, `<hr>`). Consecutive breaks collapse and breaks at the edges go; e-mail
 * addresses that came along from signatures and footers are removed.
 *
 * A chapter whose every block is plain escaped text (all of a text file, most of many others) is safe by
 * construction: its only markup is the constant tags written here. The sanitizer, which costs more than the rest
 * of a text file's parsing together, runs when some block brought markup of its own, and then only over those
 * blocks (see `sanitizeForeignBlocks`).
 */
import type { SafeHtml } from "../domain/safe-html.js";
import { escapeHtml, INLINE_ELEMENTS, type Block } from "./document.js";
import { stripEmailAddresses } from "./metadata/privacy.js";
import { sanitizeStoryHtml } from "./sanitize.js";

/** One block's HTML, and whether it carries markup of its own (anything but escaped text and line breaks). */
interface HtmlBlock {
  html: string;
  inner: string;
  foreign: boolean;
}

export function renderChapter(blocks: readonly Block[]): { text: string; html: SafeHtml } {
  const text: string[] = [];
  const html: HtmlBlock[] = [];
  let lastWasBreak = true;
  for (const block of blocks) {
    if (block.kind === "break") {
      if (lastWasBreak) continue;
      text.push("* * *");
      html.push({ html: "<hr>", inner: "", foreign: false });
      lastWasBreak = true;
      continue;
    }
    const content = stripEmailAddresses(block.text).trim();
    if (!content) continue;
    text.push(content);
    const inner = stripEmailAddresses(block.html);
    const foreign = inner.trim() !== escapeHtml(content).replace(/\n/gu, "<br>");
    html.push({ html: block.kind === "heading" ? `<h3>${inner}</h3>` : `<p${block.centered ? ' align="center"' : ""}>${inner}</p>`, inner, foreign });
    lastWasBreak = false;
  }
  if (lastWasBreak && text.length > 0) {
    text.pop();
    html.pop();
  }
  const foreign = html.some((b) => b.foreign);
  return { text: text.join("\n\n"), html: foreign ? sanitizeForeignBlocks(html) : (html.map((b) => b.html).join("\n") as SafeHtml) };
}

/**
 * The sanitizer's output for the whole chapter, made by sanitizing only the blocks with markup of their own.
 *
 * Each block is a `<p>`, `<h3>` or `<hr>` whose closing tag closes whatever its inline markup left open, so the
 * sanitizer's output for the chapter is its output for each block, joined: the foreign blocks go through it
 * together, one line each, and the others, plain escaped text, are given the form it gives such text (quotes
 * unescaped, void elements closed) by replacing those strings. Where a foreign block holds anything but inline
 * elements, links and line breaks on one line (which never comes from this importer's readers, but could from a
 * future one), the whole chapter is sanitized as one, as before.
 */
function sanitizeForeignBlocks(blocks: readonly HtmlBlock[]): SafeHtml {
  const foreign = blocks.filter((b) => b.foreign);
  const whole = () => sanitizeStoryHtml(blocks.map((b) => b.html).join("\n"));
  if (!foreign.every((b) => hasOnlyInlineMarkup(b.inner))) return whole();
  const sanitized = sanitizeStoryHtml(foreign.map((b) => b.html).join("\n")).split("\n");
  if (sanitized.length !== foreign.length) return whole();
  let next = 0;
  const joined = blocks.map((b) => (b.foreign ? (sanitized[next++] ?? "") : asSanitized(b.html))).join("\n");
  // Built from the sanitizer's own output and from escaped text in constant tags.
  return joined as SafeHtml;
}

/**
 * What sanitize-html makes of a block of escaped text: it decodes the text and escapes only `&`, `<` and `>`
 * again, and writes void elements as `<br />`. In escaped text every `&` starts an entity, so these strings
 * cannot occur by accident.
 */
function asSanitized(html: string): string {
  return html.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("<br>", "<br />").replaceAll("<hr>", "<hr />");
}

/** Whether a block's HTML is one line of escaped text, `<br>`, `INLINE_ELEMENTS` and `<a href="…">` links only. */
function hasOnlyInlineMarkup(html: string): boolean {
  if (html.includes("\n")) return false;
  for (let open = html.indexOf("<"); open !== -1; ) {
    const close = html.indexOf(">", open);
    if (close === -1) return false;
    const tag = html.slice(open + 1, close);
    const name = tag.startsWith("/") ? tag.slice(1) : tag;
    if (tag !== "br" && tag !== "/a" && !INLINE_ELEMENTS.has(name) && !/^a href="[^"<]*"$/u.test(tag)) return false;
    open = html.indexOf("<", close);
  }
  return true;
}
