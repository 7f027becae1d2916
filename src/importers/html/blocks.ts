/**
 * An HTML tree to blocks: paragraphs with their inline markup (allowlisted, escaped), headings, and scene
 * breaks from `<hr>`, runs of three or more `<br>`, and centred dingbats.
 */
import { isTag, isText, type ChildNode, type Element, type ParentNode } from "domhandler";
import { escapeHtml, type Block } from "../document.js";
import { isSceneBreakLine } from "../body/scene-breaks.js";
import { BLOCK, SKIPPED } from "./dom.js";

const INLINE_KEPT = new Set(["em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "sup", "sub", "small", "big", "cite", "code", "q", "abbr", "tt", "kbd", "var", "dfn"]);
const HEADING = /^h([1-6])$/u;
/** Scene breaks drawn with `<br>`: this many in a row. */
const BR_RUN_FOR_BREAK = 3;

type Step = { node: ChildNode; exit: false } | { node: Element; exit: true };

export interface HtmlToBlocksOptions {
  /** Elements to leave out entirely (navigation, footers a format knows about). */
  skip?: (element: Element) => boolean;
}

export function htmlToBlocks(root: ParentNode | readonly ChildNode[], options: HtmlToBlocksOptions = {}): Block[] {
  const builder = new BlockBuilder();
  const roots = Array.isArray(root) ? (root as readonly ChildNode[]) : (root as ParentNode).children;
  const stack: Step[] = [...roots].reverse().map((node) => ({ node, exit: false }));
  while (stack.length > 0) {
    const step = stack.pop();
    if (!step) break;
    if (step.exit) {
      builder.exit(step.node);
      continue;
    }
    const { node } = step;
    if (isText(node)) {
      builder.addText(node.data, node.parent !== null && isTag(node.parent) && node.parent.name === "pre");
      continue;
    }
    if (!isTag(node) || SKIPPED.has(node.name) || options.skip?.(node)) continue;
    if (builder.enter(node)) {
      stack.push({ node, exit: true });
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child) stack.push({ node: child, exit: false });
      }
    }
  }
  builder.flush();
  return builder.blocks;
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private text = "";
  private html = "";
  private brRun = 0;
  private centered = 0;
  private headingLevel: number | null = null;

  /** Returns whether the element's children should be walked. */
  enter(element: Element): boolean {
    const name = element.name;
    if (name === "br") {
      this.lineBreak();
      return false;
    }
    if (name === "hr") {
      this.flush();
      this.pushBreak("<hr>");
      return false;
    }
    if (name === "img") return false;
    const heading = HEADING.exec(name);
    if (heading || BLOCK.has(name)) {
      this.flush();
      if (heading) this.headingLevel = Number(heading[1]);
      if (isCentered(element)) this.centered += 1;
      return true;
    }
    if (INLINE_KEPT.has(name)) this.html += `<${name}>`;
    if (name === "a") this.html += openLink(element);
    return true;
  }

  exit(element: Element): void {
    const name = element.name;
    if (HEADING.test(name) || BLOCK.has(name)) {
      this.flush();
      if (isCentered(element)) this.centered -= 1;
      return;
    }
    if (INLINE_KEPT.has(name)) this.html += `</${name}>`;
    if (name === "a" && safeHref(element)) this.html += "</a>";
  }

  addText(data: string, preformatted: boolean): void {
    const text = preformatted ? data : data.replace(/\s+/g, " ");
    if (this.brRun > 0 && /\S/u.test(text)) this.brRun = 0;
    this.text += text;
    this.html += preformatted ? escapeHtml(text).replace(/\n/gu, "<br>") : escapeHtml(text);
  }

  private lineBreak(): void {
    this.brRun += 1;
    if (this.brRun === 2) {
      this.flush();
    } else if (this.brRun === BR_RUN_FOR_BREAK) {
      this.pushBreak("<br> run");
    } else if (this.brRun === 1) {
      this.text += "\n";
      this.html += "<br>";
    }
  }

  private pushBreak(evidence: string): void {
    if (this.blocks.at(-1)?.kind !== "break") this.blocks.push({ kind: "break", evidence });
  }

  /** Ends the current paragraph or heading, splitting out lines that are scene breaks. */
  flush(): void {
    const lines = this.text.split("\n");
    const htmlLines = this.html.split("<br>");
    this.text = "";
    this.html = "";
    const level = this.headingLevel;
    this.headingLevel = null;
    let textRun: string[] = [];
    let htmlRun: string[] = [];
    const emit = () => {
      const text = textRun.map((l) => l.trim()).join("\n").trim();
      if (text) {
        const html = trimBreaks(htmlRun.join("<br>"));
        this.blocks.push(level !== null
          ? { kind: "heading", level, text: text.replace(/\s*\n\s*/gu, " "), html }
          : { kind: "paragraph", text, html, centered: this.centered > 0 });
      }
      textRun = [];
      htmlRun = [];
    };
    lines.forEach((line, k) => {
      if (isSceneBreakLine(line) && level === null) {
        emit();
        this.pushBreak(line.trim());
      } else {
        textRun.push(line);
        htmlRun.push(htmlLines[k] ?? "");
      }
    });
    emit();
  }
}

// By hand rather than with an end-anchored regular expression, which rescans a long paragraph at every position.
function trimBreaks(html: string): string {
  let start = 0;
  let end = html.length;
  for (;;) {
    if (start < end && /\s/u.test(html.charAt(start))) start += 1;
    else if (html.startsWith("<br>", start)) start += 4;
    else break;
  }
  for (;;) {
    if (end > start && /\s/u.test(html.charAt(end - 1))) end -= 1;
    else if (end - 4 >= start && html.startsWith("<br>", end - 4)) end -= 4;
    else break;
  }
  return html.slice(start, end);
}

function isCentered(element: Element): boolean {
  return element.name === "center" || element.attribs.align?.toLowerCase() === "center" || /text-align\s*:\s*center/iu.test(element.attribs.style ?? "");
}

function safeHref(element: Element): string | null {
  const href = element.attribs.href?.trim() ?? "";
  // mailto: links would carry e-mail addresses into the story text; relative links point into a site that is gone.
  return /^https?:/iu.test(href) ? href : null;
}

function openLink(element: Element): string {
  const href = safeHref(element);
  return href ? `<a href="${escapeHtml(href)}">` : "";
}
