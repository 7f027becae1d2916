/** HTML story files: the Archive's download, eFiction's printable page, or any page read as text. */
import type { Document } from "domhandler";
import type { ParsedWork } from "../../domain/work.js";
import { assembleFromBlocks } from "../assemble.js";
import { WorkMetadata } from "../metadata/work-metadata.js";
import { parseAo3Download, isAo3Download } from "./ao3.js";
import { isEfictionPage, parseEfictionPage } from "./efiction.js";
import { htmlToBlocks } from "./blocks.js";
import { isInPageIndex } from "./navigation.js";
import { byTagAndClass, findFirst, inlineTextOf, parseHtml } from "./dom.js";

export function parseHtmlStory(html: string): ParsedWork {
  return parseHtmlDocument(parseHtml(html), new WorkMetadata());
}

export function parseHtmlDocument(document: Document, meta: WorkMetadata): ParsedWork {
  if (isAo3Download(document)) return parseAo3Download(document, meta);
  if (isEfictionPage(document)) return parseEfictionPage(document, meta);
  const body = findFirst(document, byTagAndClass("body")) ?? document;
  const pageTitle = findFirst(document, byTagAndClass("title"));
  return assembleFromBlocks(meta, htmlToBlocks(body, { skip: isInPageIndex }), pageTitle ? inlineTextOf(pageTitle) : undefined);
}
