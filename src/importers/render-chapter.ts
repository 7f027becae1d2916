/**
 * A chapter's blocks to its two published forms: plain text (paragraphs apart by one blank line, each scene break
 * `* * *`) and sanitized HTML (`<p>`, `<hr>`). Consecutive breaks collapse and breaks at the edges go; e-mail
 * addresses that came along from signatures and footers are removed.
 */
import type { SafeHtml } from "../domain/safe-html.js";
import type { Block } from "./document.js";
import { stripEmailAddresses } from "./metadata/privacy.js";
import { sanitizeStoryHtml } from "./sanitize.js";

export function renderChapter(blocks: readonly Block[]): { text: string; html: SafeHtml } {
  const text: string[] = [];
  const html: string[] = [];
  let lastWasBreak = true;
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
    html.push(block.kind === "heading" ? `<h3>${inner}</h3>` : `<p${block.centered ? ' align="center"' : ""}>${inner}</p>`);
    lastWasBreak = false;
  }
  if (lastWasBreak && text.length > 0) {
    text.pop();
    html.pop();
  }
  return { text: text.join("\n\n"), html: sanitizeStoryHtml(html.join("\n")) };
}
