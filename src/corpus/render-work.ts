/**
 * Dispatches a planned work to the renderer of its layout and encodes the result: one work in, one file's bytes out.
 */
import type { Random } from "./random.js";
import { encodeText } from "./encode-text.js";
import type { PlannedWork } from "./plan-work.js";
import { renderArchiveHtmlFile } from "./render/archive-html-file.js";
import { renderEpubFile } from "./render/epub-file.js";
import { renderMarkdownFile } from "./render/markdown-file.js";
import { renderPersonalHtmlFile } from "./render/personal-html-file.js";
import { renderTextFile } from "./render/text-file.js";
import type { Layout } from "./synthetic-work.js";

/** A work's file, before it is given its path. */
export interface RenderedFile {
  bytes: Uint8Array;
  /** The file's text before encoding (with `\n` line ends), or null for a binary format (EPUB). */
  text: string | null;
  /** The file name's extension, with its dot. */
  extension: string;
}

/** The file for a planned work, drawing its presentation choices from `random`. */
export function renderWork({ work, file }: PlannedWork, random: Random): RenderedFile {
  if (file.layout === "epub2" || file.layout === "epub3") {
    return { bytes: renderEpubFile(work, random, file.layout === "epub2" ? 2 : 3), text: null, extension: ".epub" };
  }
  const text = renderText(file.layout, { work, file }, random);
  return { bytes: encodeText(text, file.encoding, file.crlf), text, extension: extensionOf(file.layout, random) };
}

function renderText(layout: Exclude<Layout, "epub2" | "epub3">, { work, file }: PlannedWork, random: Random): string {
  switch (layout) {
    case "text":
      return renderTextFile(work, random);
    case "markdown":
      return renderMarkdownFile(work, random);
    case "html-personal":
      return renderPersonalHtmlFile(work, random, file.encoding);
    case "html-ao3":
      return renderArchiveHtmlFile(work, random);
  }
}

function extensionOf(layout: Exclude<Layout, "epub2" | "epub3">, random: Random): string {
  switch (layout) {
    case "text":
      return ".txt";
    case "markdown":
      return random.chance(0.1) ? ".markdown" : ".md";
    case "html-personal":
      return random.chance(0.3) ? ".htm" : ".html";
    case "html-ao3":
      return ".html";
  }
}
