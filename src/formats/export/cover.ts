/**
 * A generated cover: the title, the authors and the fandoms on a plain ground, as SVG, so that every book has
 * one without an image library. The colour comes from the title, so that covers side by side on a shelf differ.
 * Served at /works/:id/cover.svg too, for OPDS clients and the pages.
 */
import type { Element } from "domhandler";
import { h, renderXml } from "./markup.js";

export interface CoverText {
  title: string;
  authors: readonly string[];
  fandoms: readonly string[];
}

const COVER_WIDTH = 600;
export const COVER_HEIGHT = 900;

const GROUNDS = ["#2f3e46", "#5b3a29", "#283d3b", "#3d2c4e", "#4a4e69", "#264653", "#6d2e46", "#344e41"];

/** Lines of at most `width` characters, broken between words (a word longer than a line is cut). */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/u).filter(Boolean).flatMap((w) => w.match(new RegExp(`.{1,${width}}`, "gu")) ?? [])) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${(kept[maxLines - 1] ?? "").slice(0, width - 1)}…`;
  return kept;
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash;
}

function textBlock(lines: readonly string[], top: number, size: number, attributes: Record<string, string>): Element[] {
  return lines.map((line, i) => h("text", { x: String(COVER_WIDTH / 2), y: String(top + i * size * 1.25), "font-size": String(size), ...attributes }, line));
}

/** The cover as an SVG document (UTF-8, with its XML declaration). */
export function coverSvg(cover: CoverText): string {
  const title = wrapText(cover.title, 18, 6);
  const authors = wrapText(cover.authors.length > 0 ? cover.authors.join(", ") : "Anonymous", 30, 3);
  const fandoms = wrapText(cover.fandoms.join(", "), 34, 3);
  const ground = GROUNDS[hashOf(cover.title) % GROUNDS.length] ?? "#2f3e46";
  const svg = h("svg", { xmlns: "http://www.w3.org/2000/svg", version: "1.1", width: String(COVER_WIDTH), height: String(COVER_HEIGHT), viewBox: `0 0 ${COVER_WIDTH} ${COVER_HEIGHT}`, role: "img", "aria-label": `${cover.title}, by ${authors.join(" ")}` },
    h("title", {}, cover.title),
    h("rect", { width: String(COVER_WIDTH), height: String(COVER_HEIGHT), fill: ground }),
    h("rect", { x: "30", y: "30", width: String(COVER_WIDTH - 60), height: String(COVER_HEIGHT - 60), fill: "none", stroke: "#f4efe6", "stroke-width": "3" }),
    textBlock(title, 260, 48, { fill: "#f4efe6", "font-family": "Georgia, serif", "font-weight": "bold", "text-anchor": "middle" }),
    textBlock(authors, 620, 30, { fill: "#f4efe6", "font-family": "Georgia, serif", "text-anchor": "middle" }),
    textBlock(fandoms, 760, 22, { fill: "#d8cfc0", "font-family": "Helvetica, Arial, sans-serif", "font-style": "italic", "text-anchor": "middle" }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(svg)}\n`;
}
