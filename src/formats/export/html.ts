/**
 * The single-file HTML download: the Archive's download layout (preface, chapters, afterword) with the `<meta>`
 * tags calibre reads when it adds an HTML file to a library (shared/reference/legacy-formats.md §6.1): title,
 * authors, language, date, series and its number, tags, comments (the summary) and publisher.
 */
import type { Element } from "domhandler";
import { TAG_TYPES } from "../../domain/tags/tag-type.js";
import { afterwordSection, chapterSection, prefaceSection } from "./archive-layout.js";
import type { ExportedWork } from "./exported-work.js";
import { h, renderHtml } from "./markup.js";
import { textDirection } from "./preface-fields.js";
import { EXPORT_STYLESHEET } from "./stylesheet.js";

export function writeHtml(work: ExportedWork): Buffer {
  const html = h("html", { lang: work.language, dir: textDirection(work.language) },
    h("head", {},
      h("meta", { charset: "utf-8" }),
      h("title", {}, work.title),
      calibreMeta(work),
      h("style", {}, EXPORT_STYLESHEET)),
    h("body", {},
      prefaceSection(work, work, { id: "preface", heading: "Preface" }),
      h("div", { id: "chapters", class: "userstuff" }, work.chapters.flatMap((chapter) => [
        ...(chapter.opensWork ? [prefaceSection(work, chapter.opensWork, { id: `preface-${chapter.opensWork.id}`, heading: chapter.opensWork.title })] : []),
        ...chapterSection(chapter),
      ])),
      afterwordSection(work)));
  return Buffer.from(`<!DOCTYPE html>\n${renderHtml(html)}\n`, "utf8");
}

function calibreMeta(work: ExportedWork): Element[] {
  const meta = (name: string, content: string | null | undefined) => (content ? [h("meta", { name, content })] : []);
  const series = work.series[0];
  return [
    ...meta("dc.title", work.title),
    ...work.authors.flatMap((a) => meta("dc.creator", a)),
    ...meta("author", work.authors.join(" & ")),
    ...meta("dc.language", work.language),
    ...meta("dc.date.issued", work.published),
    ...meta("pubdate", work.published),
    ...meta("series", series?.name),
    ...meta("seriesnumber", series ? String(series.part) : null),
    ...meta("tags", [...new Set(TAG_TYPES.flatMap((type) => work.tags[type]))].join(", ")),
    ...meta("comments", work.summary),
    ...meta("publisher", work.archiveName),
    ...meta("dc.source", work.sourceUrl),
    ...meta("generator", "Quire"),
  ];
}
