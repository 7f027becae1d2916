/**
 * The Archive of Our Own's HTML download (otwcode/otwarchive app/views/downloads), as the importer recognises it
 * (src/importers/html/ao3.ts): `#preface` with the typed tags in `dl.tags`, the `h1` title and `div.byline`,
 * summary and notes as labelled blockquotes, then `#chapters` with an `h2.heading` and a `div.userstuff` per
 * chapter, and the `#afterword`. The Archive states every field in its own vocabulary.
 */
import { DEFAULT_WARNING } from "../../domain/warnings.js";
import type { Random } from "../random.js";
import { SCENE_BREAK } from "../prose.js";
import type { SyntheticWork } from "../synthetic-work.js";
import { escapeMarkup } from "./phrasing.js";

const SITE = "https://archiveofourown.org";

function tagLink(name: string): string {
  return `<a href="${SITE}/tags/${encodeURIComponent(name)}">${escapeMarkup(name)}</a>`;
}

function tagRow(label: string, values: readonly string[]): string {
  return values.length === 0 ? "" : `          <dt>${label}:</dt>\n          <dd>${values.map(tagLink).join(", ")}</dd>\n`;
}

function userLink(name: string): string {
  const slug = encodeURIComponent(name);
  return `<a rel="author" href="${SITE}/users/${slug}/pseuds/${slug}">${escapeMarkup(name)}</a>`;
}

/** The page's text; the Archive writes UTF-8 with LF line ends. */
export function renderArchiveHtmlFile(work: SyntheticWork, random: Random): string {
  const chapterCount = work.chapters.length;
  const complete = work.status === "complete";
  const posted = `${chapterCount}/${complete ? chapterCount : random.chance(0.6) ? "?" : chapterCount + random.between(1, 5)}`;
  const url = `${SITE}/works/${work.archiveId}`;
  const warnings = work.warnings.length > 0 ? work.warnings : [DEFAULT_WARNING];
  const plural = (one: string, many: string, values: readonly unknown[]) => (values.length > 1 ? many : one);
  const out: string[] = [];
  out.push(
    "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"UTF-8\">",
    `<title>${escapeMarkup(work.title)} - ${escapeMarkup(work.authors.join(", "))} - ${escapeMarkup(work.fandoms.join(", "))} [Archive of Our Own]</title>`,
    "</head>\n<body>\n<div id=\"preface\">\n  <h2 class=\"toc-heading\">Preface</h2>",
    `  <p class="message">\n    <b>${escapeMarkup(work.title)}</b><br/>\n    Posted originally on the <a href="${SITE}/">Archive of Our Own</a> at <a href="${url}">${url}</a>.\n  </p>`,
    "  <div class=\"meta\">\n    <dl class=\"tags\">",
  );
  out.push(
    tagRow("Rating", [work.rating]) +
      tagRow(plural("Archive Warning", "Archive Warnings", warnings), warnings) +
      tagRow(plural("Category", "Categories", work.categories), work.categories) +
      tagRow(plural("Fandom", "Fandoms", work.fandoms), work.fandoms) +
      tagRow(plural("Relationship", "Relationships", work.relationships), work.relationships) +
      tagRow(plural("Character", "Characters", work.characters), work.characters) +
      tagRow("Additional Tags", work.freeforms),
  );
  out.push("        <dt>Language:</dt>\n        <dd>English</dd>");
  if (work.series) {
    out.push(`        <dt>Series:</dt>\n        <dd>Part ${work.series.part ?? 1} of <a href="${SITE}/series/${work.archiveId % 100_000}">${escapeMarkup(work.series.name)}</a></dd>`);
  }
  const finished = complete ? `\n          Completed: ${work.published}` : `\n          Updated: ${work.published}`;
  out.push(`      <dt>Stats:</dt>\n      <dd>\n        Published: ${work.published}${chapterCount > 1 || !complete ? finished : ""}\n        Words: ${work.wordCount}\n        Chapters: ${posted}\n      </dd>`);
  out.push("    </dl>", `    <h1>${escapeMarkup(work.title)}</h1>`, `    <div class="byline">by ${work.authors.map(userLink).join(", ")}</div>`);
  if (work.summary) out.push(`      <p>Summary</p>\n      <blockquote class="userstuff"><p>${escapeMarkup(work.summary)}</p></blockquote>`);
  const first = work.chapters[0];
  if (chapterCount === 1 && first?.notes) out.push(`      <p>Notes</p>\n      <blockquote class="userstuff"><p>${escapeMarkup(first.notes)}</p></blockquote>`);
  out.push("  </div>\n</div>\n\n<div id=\"chapters\" class=\"userstuff\">");

  const sceneBreak = random.chance(0.5) ? '      <p align="center">* * *</p>' : "      <hr/>";
  work.chapters.forEach((chapter, index) => {
    if (chapterCount > 1) {
      const heading = chapter.title ? `Chapter ${index + 1}: ${escapeMarkup(chapter.title)}` : `Chapter ${index + 1}`;
      out.push(`<div class="meta group">\n  <h2 class="heading">${heading}</h2>`);
      if (chapter.notes) out.push(`  <p>Chapter Notes</p>\n  <blockquote class="userstuff"><p>${escapeMarkup(chapter.notes)}</p></blockquote>`);
      out.push("</div>");
    }
    out.push("<!--chapter content-->\n    <div class=\"userstuff\">");
    for (const paragraph of chapter.paragraphs) out.push(paragraph === SCENE_BREAK ? sceneBreak : `      <p>${paragraph}</p>`);
    out.push("    </div>\n<!--/chapter content-->");
    if (chapterCount > 1 && chapter.endNotes && index < chapterCount - 1) {
      out.push(`<div class="end notes module">\n  <p>Chapter End Notes</p>\n  <blockquote class="userstuff"><p>${escapeMarkup(chapter.endNotes)}</p></blockquote>\n</div>`);
    }
  });
  out.push("</div>\n\n<div id=\"afterword\">\n  <h2 class=\"toc-heading\">Afterword</h2>\n    <div class=\"meta\">");
  const endNotes = work.chapters.at(-1)?.endNotes;
  if (endNotes) out.push(`        <div id="endnotes">\n          <p>End Notes</p>\n          <blockquote class="userstuff"><p>${escapeMarkup(endNotes)}</p></blockquote>\n        </div>`);
  out.push(`    </div>\n  <p class="message">Please <a href="${url}/comments/new">drop by the Archive and comment</a> to let the creators know if you enjoyed their work!</p>\n</div>\n\n</body>\n</html>\n`);
  return out.join("\n");
}
