/**
 * An HTML tree to blocks: paragraphs with their inline markup (allowlisted, escaped), headings, and scene
 * breaks from `<hr>`, runs of three or more `<br>`, and centred dingbats.
 */
import { isTag, isText, type ChildNode, type Element, type ParentNode } from "domhandler";
import { escapeHtml, INLINE_ELEMENTS, type Block } from "../document.js";
import { isSceneBreakLine } from "../body/scene-breaks.js";
import { BLOCK, scanHtml, SKIPPED } from "./dom.js";

const HEADING_LEVELS: ReadonlyMap<string, number> = new Map([["h1", 1], ["h2", 2], ["h3", 3], ["h4", 4], ["h5", 5], ["h6", 6]]);
/** Scene breaks drawn with `<br>`: this many in a row. */
const BR_RUN_FOR_BREAK = 3;

export interface HtmlToBlocksOptions {
  /** Elements to leave out entirely (navigation, footers a format knows about). */
  skip?: (element: Element) => boolean;
}

export function htmlToBlocks(root: ParentNode | readonly ChildNode[], options: HtmlToBlocksOptions = {}): Block[] {
  const builder = new BlockBuilder();
  const roots = Array.isArray(root) ? (root as readonly ChildNode[]) : (root as ParentNode).children;
  // Nodes to visit, last first; an element pushed a second time, with `exiting` set, is left there.
  const stack: ChildNode[] = [];
  const exiting: boolean[] = [];
  for (let i = roots.length - 1; i >= 0; i -= 1) {
    const node = roots[i];
    if (node) {
      stack.push(node);
      exiting.push(false);
    }
  }
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const exit = exiting.pop();
    if (isText(node)) {
      builder.addText(node.data, node.parent !== null && isTag(node.parent) && node.parent.name === "pre");
      continue;
    }
    if (!isTag(node)) continue;
    if (exit) {
      builder.exit(node.name, node.attribs);
      continue;
    }
    if (SKIPPED.has(node.name) || options.skip?.(node)) continue;
    if (builder.enter(node.name, node.attribs)) {
      stack.push(node);
      exiting.push(true);
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child) {
          stack.push(child);
          exiting.push(false);
        }
      }
    }
  }
  builder.flush();
  return builder.blocks;
}

/**
 * `htmlToBlocks(parseHtml(html))` without building the tree, for HTML that nothing else reads (Markdown's): the
 * parser's events drive the same builder in the same order, text that the tree would join is joined, and an
 * element the walk would not enter (skipped, or a void element) hides its content likewise.
 */
export function htmlStringToBlocks(html: string): Block[] {
  const builder = new BlockBuilder();
  const open: { name: string; attribs: Record<string, string> }[] = [];
  // How many of the open elements are, or are inside, one whose content is not read.
  let hidden = 0;
  let text = "";
  const endText = () => {
    if (text === "") return;
    if (hidden === 0) builder.addText(text, open.at(-1)?.name === "pre");
    text = "";
  };
  scanHtml(html, {
    onopentag: (name, attribs) => {
      endText();
      if (hidden > 0 || SKIPPED.has(name) || !builder.enter(name, attribs)) hidden += 1;
      open.push({ name, attribs });
    },
    onclosetag: () => {
      endText();
      const element = open.pop();
      if (hidden > 0) hidden -= 1;
      else if (element) builder.exit(element.name, element.attribs);
    },
    ontext: (data) => {
      text += data;
    },
    onother: endText,
  });
  endText();
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
  enter(name: string, attribs: Record<string, string>): boolean {
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
    const heading = HEADING_LEVELS.get(name);
    if (heading !== undefined || BLOCK.has(name)) {
      this.flush();
      if (heading !== undefined) this.headingLevel = heading;
      if (isCentered(name, attribs)) this.centered += 1;
      return true;
    }
    if (INLINE_ELEMENTS.has(name)) this.html += `<${name}>`;
    if (name === "a") this.html += openLink(attribs);
    return true;
  }

  exit(name: string, attribs: Record<string, string>): void {
    if (HEADING_LEVELS.has(name) || BLOCK.has(name)) {
      this.flush();
      if (isCentered(name, attribs)) this.centered -= 1;
      return;
    }
    if (INLINE_ELEMENTS.has(name)) this.html += `</${name}>`;
    if (name === "a" && safeHref(attribs)) this.html += "</a>";
  }

  addText(data: string, preformatted: boolean): void {
    const text = preformatted ? data : collapseWhiteSpace(data);
    if (text === " ") {
      // The space between two tags, half of a page's text nodes: nothing to escape, and no text to end a <br> run.
      this.text += " ";
      this.html += " ";
      return;
    }
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
    if (!this.text.includes("\n") && !this.html.includes("<br>")) {
      this.flushLine();
      return;
    }
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

  /** `flush` for a paragraph of one line, the common case, without splitting it into lines. */
  private flushLine(): void {
    const line = this.text;
    const html = this.html;
    this.text = "";
    this.html = "";
    const level = this.headingLevel;
    this.headingLevel = null;
    if (line === "") return;
    if (level === null && isSceneBreakLine(line)) {
      this.pushBreak(line.trim());
      return;
    }
    const text = line.trim();
    if (!text) return;
    this.blocks.push(level !== null ? { kind: "heading", level, text, html: trimBreaks(html) } : { kind: "paragraph", text, html: trimBreaks(html), centered: this.centered > 0 });
  }
}

// White space that `/\s+/g` replaces with something else: any but the space (and two spaces in a row).
const WHITE_SPACE_BUT_SPACE = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
const ONLY_WHITE_SPACE = /^\s+$/u;

/**
 * `data.replace(/\s+/g, " ")`, without making a new string when nothing changes. Half the text nodes of a page
 * are the line breaks between its tags, which become one space.
 */
function collapseWhiteSpace(data: string): string {
  if (!WHITE_SPACE_BUT_SPACE.test(data) && !data.includes("  ")) return data;
  return ONLY_WHITE_SPACE.test(data) ? " " : data.replace(/\s+/g, " ");
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

function isCentered(name: string, attribs: Record<string, string>): boolean {
  return name === "center" || attribs.align?.toLowerCase() === "center" || /text-align\s*:\s*center/iu.test(attribs.style ?? "");
}

function safeHref(attribs: Record<string, string>): string | null {
  const href = attribs.href?.trim() ?? "";
  // mailto: links would carry e-mail addresses into the story text; relative links point into a site that is gone.
  return /^https?:/iu.test(href) ? href : null;
}

function openLink(attribs: Record<string, string>): string {
  const href = safeHref(attribs);
  return href ? `<a href="${escapeHtml(href)}">` : "";
}
