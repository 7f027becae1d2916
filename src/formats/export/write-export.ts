/** One entry point for the four download formats, and the media type each is served as. */
import { writeEpub } from "./epub.js";
import type { ExportedWork } from "./exported-work.js";
import type { ExportFormat } from "./file-name.js";
import { writeHtml } from "./html.js";
import { writeMarkdown } from "./markdown.js";
import { writeText } from "./text.js";

/** Each format's media type, as a catalog's links announce it. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  epub: "application/epub+zip",
  html: "text/html",
  txt: "text/plain",
  md: "text/markdown",
};

/** The Content-Type a download is sent with: its media type, and the text formats' UTF-8. */
export function exportContentType(format: ExportFormat): string {
  return format === "epub" ? EXPORT_MEDIA_TYPES.epub : `${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`;
}

export async function writeExport(work: ExportedWork, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case "epub":
      return writeEpub(work);
    case "html":
      return writeHtml(work);
    case "txt":
      return writeText(work);
    case "md":
      return writeMarkdown(work);
  }
}
