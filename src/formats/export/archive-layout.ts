/**
 * The Archive of Our Own's download layout (otwarchive app/views/downloads/*; shared/reference/legacy-formats.md
 * §3.2): a preface with the typed tags in `dl.tags`, the stats, byline, summary and notes; each chapter with its
 * heading, summary and notes, text and end notes; an afterword with the work's end notes. The HTML download is
 * these parts in one page, the EPUB one part per file. Readers and tools that know the Archive's downloads (its
 * own importer, calibre's recipes, Quire's importer) read them as they read the Archive's.
 */
import type { Element } from "domhandler";
import type { ExportedChapter, ExportedPreface, ExportedWork } from "./exported-work.js";
import { tagPathSegment } from "../tag-path.js";
import { h, paragraphs, storedHtmlNodes, type Child } from "./markup.js";
import { chapterHeading, languageName, statsEntries, tagFields, textParagraphs } from "./preface-fields.js";

/** Where the archive's pages are, for links from the preface. */
function archiveLink(work: ExportedWork, path: string): string {
  return new URL(path, work.archiveUrl).href;
}

function tagLink(work: ExportedWork, tag: string): string {
  return archiveLink(work, `/tags/${tagPathSegment(tag)}/works`);
}

function authorLink(work: ExportedWork, author: string): string {
  return archiveLink(work, `/users/${encodeURIComponent(author)}`);
}

/** `<p>Label</p><blockquote class="userstuff">…</blockquote>`: how the Archive marks each summary and note. */
function labelledText(label: string, text: string | null, className?: string): Element[] {
  if (!text || text.trim() === "") return [];
  return [h("p", className ? { class: className } : {}, label), h("blockquote", { class: "userstuff" }, paragraphs(textParagraphs(text)))];
}

function joined(items: Child[], separator: string): Child[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

/** The preface of one work: the message, the tags, the title and byline, the summary and notes. */
export function prefaceSection(work: ExportedWork, preface: ExportedPreface, options: { id: string; heading: string }): Element {
  const tags = tagFields(preface).flatMap(({ type, label, tags: names }) => [
    h("dt", { class: `${type.toLowerCase()} tags` }, `${label}:`),
    h("dd", { class: `${type.toLowerCase()} tags` }, joined(names.map((name) => h("a", { href: tagLink(work, name) }, name)), ", ")),
  ]);
  const stats = statsEntries(preface).map(([label, value]) => `${label}: ${value}`).join(" ");
  return h("div", { id: options.id, class: "preface" },
    h("h2", { class: "toc-heading" }, options.heading),
    h("p", { class: "message" },
      h("b", {}, preface.title), h("br"),
      "Posted originally on the ", h("a", { href: work.archiveUrl }, work.archiveName), " at ", h("a", { href: preface.sourceUrl }, preface.sourceUrl), "."),
    h("div", { class: "meta" },
      h("dl", { class: "tags" },
        tags,
        h("dt", { class: "language" }, "Language:"), h("dd", { class: "language" }, languageName(preface.language)),
        preface.series.length > 0 && [
          h("dt", { class: "series" }, "Series:"),
          h("dd", { class: "series" }, joined(preface.series.map((s) => h("span", {}, `Part ${s.part} of `, h("a", { href: s.url }, s.name))), ", ")),
        ],
        h("dt", { class: "stats" }, "Stats:"), h("dd", { class: "stats" }, stats)),
      h("h1", {}, preface.title),
      preface.authors.length > 0 && h("div", { class: "byline" }, "by ", joined(preface.authors.map((a) => h("a", { rel: "author", href: authorLink(work, a) }, a)), ", ")),
      preface.gifts.length > 0 && h("ul", { class: "associations" }, h("li", {}, "For ", joined(preface.gifts.map((g) => g), ", "), ".")),
      labelledText("Summary", preface.summary),
      labelledText("Notes", preface.notes),
      preface.endNotes && h("p", {}, "(See the end of the work for more notes.)")));
}

/** One chapter: its heading, summary and notes, the text, its end notes. */
export function chapterSection(chapter: ExportedChapter): Element[] {
  const endNotes = labelledText("Chapter End Notes", chapter.endNotes);
  return [
    h("div", { class: "meta group" },
      h("h2", { class: "heading", id: `chapter-${chapter.position}` }, chapterHeading(chapter.position, chapter.title)),
      labelledText("Chapter Summary", chapter.summary),
      labelledText("Chapter Notes", chapter.notes)),
    h("div", { class: "userstuff" }, storedHtmlNodes(chapter.html)),
    endNotes.length > 0 && h("div", { class: "meta", id: `endnotes${chapter.position}` }, endNotes),
  ].filter((e): e is Element => e !== false);
}

/** The afterword: the work's end notes (of each work, in a book of several) and the Archive's parting line. */
export function afterwordSection(work: ExportedWork): Element {
  const works: ExportedPreface[] = work.collection ? work.chapters.flatMap((c) => (c.opensWork ? [c.opensWork] : [])) : [work];
  return h("div", { id: "afterword" },
    h("h2", { class: "toc-heading" }, "Afterword"),
    works.filter((w) => w.endNotes).map((w) => h("div", { id: work.collection ? `endnotes-${w.id}` : "endnotes" },
      labelledText(work.collection ? `End Notes: ${w.title}` : "End Notes", w.endNotes))),
    h("p", { class: "message" }, "Please drop by the ", h("a", { href: work.archiveUrl }, work.archiveName), " and comment to let the creator know if you enjoyed their work!"));
}
