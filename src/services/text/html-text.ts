/**
 * Safe HTML back to plain text, as the library keeps each chapter's text beside its HTML: paragraphs separated by
 * one blank line, a line break kept as a newline, each scene break (`<hr>`) the paragraph `* * *`. The full-text
 * index, the word count and the story's fingerprint all read this text.
 */
import { parseDocument } from "htmlparser2";
import { isTag, isText, type ChildNode } from "domhandler";
import type { SafeHtml } from "../../domain/safe-html.js";

/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  "p", "div", "center", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
]);

export const SCENE_BREAK = "* * *";

/** @example htmlToText("<p>One<br>two</p><hr><p>Three</p>" as SafeHtml) // "One\ntwo\n\n* * *\n\nThree" */
export function htmlToText(html: SafeHtml): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = current.split("\n").map((line) => line.replace(/[ \t\f\r]+/gu, " ").trim()).join("\n").trim();
    if (paragraph.length > 0) paragraphs.push(paragraph);
    current = "";
  };
  // Depth-first with a stack of its own: a chapter may nest thousands of elements, more than a call stack holds.
  type Step = { node: ChildNode; preformatted: boolean } | { leave: true };
  const steps: Step[] = [];
  const push = (nodes: readonly ChildNode[], preformatted: boolean) => {
    for (let i = nodes.length - 1; i >= 0; i -= 1) {
      const node = nodes[i];
      if (node) steps.push({ node, preformatted });
    }
  };
  push(parseDocument(html).children, false);
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if ("leave" in step) {
      flush();
      continue;
    }
    const { node, preformatted } = step;
    if (isText(node)) {
      current += preformatted ? node.data : node.data.replace(/\s+/gu, " ");
    } else if (isTag(node)) {
      if (node.name === "br") current += "\n";
      else if (node.name === "hr") {
        flush();
        paragraphs.push(SCENE_BREAK);
      } else if (BLOCKS.has(node.name)) {
        flush();
        steps.push({ leave: true });
        push(node.children, preformatted || node.name === "pre");
      } else {
        push(node.children, preformatted);
      }
    }
  }
  flush();
  return paragraphs.join("\n\n");
}
