/**
 * A story page from a personal site of the 1990s–2000s: `<h1>` title, a "by" line, a block of `<b>Label:</b>`
 * fields, a rule, `<h2>` (or bold-paragraph) chapter headings, centred scene breaks, "The End" and a link back to
 * the site's index. Windows-1252 pages declare their charset, as such pages did.
 */
import type { Random } from "../random.js";
import { SCENE_BREAK } from "../prose.js";
import type { SyntheticWork, TextEncoding } from "../synthetic-work.js";
import { NOTE_LABELS } from "../vocabulary/notes.js";
import { chapterHeading, planHeadings } from "./chapter-headings.js";
import { headerFields } from "./header-fields.js";
import { endMarker, escapeMarkup } from "./phrasing.js";
import { announcedParts, chooseStatusStatement } from "./status-statement.js";

const SCENE_BREAKS: readonly string[] = ['<p align="center">* * *</p>', "<hr>", "<center>~~~</center>", '<p align="center">~*~</p>', "<p>* * *</p>"];

/** The page's text with `\n` line ends; the caller encodes it in `encoding`, which the page declares. */
export function renderPersonalHtmlFile(work: SyntheticWork, random: Random, encoding: TextEncoding): string {
  const multi = work.chapters.length > 1;
  const statement = chooseStatusStatement(random, work, multi);
  const byline = work.authors.length === 1 && random.chance(0.8);
  const fields = headerFields(work, random, { titleAndAuthors: !byline, status: statement.header, summary: true, bareRating: false });
  const charset = encoding === "windows-1252" ? "windows-1252" : "utf-8";
  const fandom = work.fandoms[0] ?? "";
  const lines: string[] = [
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
    "<html>",
    "<head>",
    `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`,
    `<title>${escapeMarkup(work.title)} - a ${escapeMarkup(fandom)} story</title>`,
    "</head>",
    `<body bgcolor="${random.pick(["#ffffff", "#000000", "#1b1b2f", "#f5f0e1"])}">`,
  ];
  if (byline) lines.push(`<h1>${escapeMarkup(work.title)}</h1>`, `<p>by ${escapeMarkup(work.authors[0] ?? "")}</p>`);
  const fieldLines = fields.map((f) => `<b>${escapeMarkup(f.label)}:</b> ${escapeMarkup(f.value)}`);
  lines.push(random.chance(0.7) ? `<p>${fieldLines.join("<br>\n")}</p>` : fieldLines.map((l) => `<p>${l}</p>`).join("\n"), "<hr>");

  const headings = multi
    ? planHeadings(random, work.chapters.length, { counting: statement.headingCount, total: announcedParts(random, work), allTitled: work.chapters.every((c) => c.title !== null) })
    : null;
  const sceneBreak = random.pick(SCENE_BREAKS);
  const headingTag = random.pick(["h2", "h2", "h3", "p-b"]);
  work.chapters.forEach((chapter, index) => {
    if (headings) {
      const heading = escapeMarkup(chapterHeading(headings, index, work.chapters.length, chapter.title));
      lines.push(headingTag === "p-b" ? `<p><b>${heading}</b></p>` : `<${headingTag}>${heading}</${headingTag}>`);
    }
    if (chapter.notes) lines.push(`<p><i>${random.pick(NOTE_LABELS)} ${escapeMarkup(chapter.notes)}</i></p>`);
    for (const paragraph of chapter.paragraphs) lines.push(paragraph === SCENE_BREAK ? sceneBreak : `<p>${paragraph}</p>`);
    if (index < work.chapters.length - 1 && chapter.endNotes) lines.push(`<p>${random.pick(NOTE_LABELS)} ${escapeMarkup(chapter.endNotes)}</p>`);
  });
  if (statement.endMarker && work.status !== "unknown") lines.push(`<p align="center"><b>${endMarker(random, work.status, work.typography === "curly")}</b></p>`);
  const last = work.chapters.at(-1);
  if (last?.endNotes) lines.push(`<p>${random.pick(NOTE_LABELS)} ${escapeMarkup(last.endNotes)}</p>`);
  if (random.chance(0.4)) lines.push(`<p><a href="index.html">${random.pick(["Back to Stories", "Back to fic index", "Return to Index"])}</a></p>`);
  lines.push("</body>", "</html>");
  return `${lines.join("\n")}\n`;
}
