/**
 * A chapter's blocks to its two published forms: plain text (paragraphs apart by one blank line, each scene break
 * `* * *`) and sanitized HTML (`<p>`, `<hr>`). Consecutive breaks collapse and breaks at the edges go; e-mail
 * addresses that came along from signatures and footers are removed.
 *
 * A chapter whose every block is plain escaped text (all of a text file, most of many others) is safe by
 * construction: its only markup is the constant tags written here. The sanitizer, which costs more than the rest
 * of a text file's parsing together, runs when some block brought markup of its own.
 */
import type { SafeHtml } from "../domain/safe-html.js";
import { escapeHtml, type Block } from "./document.js";
import { stripEmailAddresses } from "./metadata/privacy.js";
import { sanitizeStoryHtml } from "./sanitize.js";

export function renderChapter(blocks: readonly Block[]): { text: string; html: SafeHtml } {
  const text: string[] = [];
  const html: string[] = [];
  let lastWasBreak = true;
  let foreignMarkup = false;
  for (const block of blocks) {
    if (block.kind === "break") {
      if (lastWasBreak) continue;
      text.push("* * *");
      html.push("<hr>");
      lastWasBreak = true;
      continue;
    }
    const content = stripEmailAddresses(block.text).trim();
    if (!content) continue;
    text.push(content);
    const inner = stripEmailAddresses(block.html);
    if (!foreignMarkup && inner.trim() !== escapeHtml(content).replace(/\n/gu, "<br>")) foreignMarkup = true;
    html.push(block.kind === "heading" ? `<h3>${inner}</h3>` : `<p${block.centered ? ' align="center"' : ""}>${inner}</p>`);
    lastWasBreak = false;
  }
  if (lastWasBreak && text.length > 0) {
    text.pop();
    html.pop();
  }
  const joined = html.join("\n");
  return { text: text.join("\n\n"), html: foreignMarkup ? sanitizeStoryHtml(joined) : (joined as SafeHtml) };
}
