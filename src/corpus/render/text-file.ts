/**
 * A plain-text story file, as mailing lists, archives and personal hard drives kept them: a header of
 * `Label: value` lines (in one of the conventions docs/importer.md reads: plain, UPPER or lower case labels,
 * `Label :: value`, `Label - value`, `[Label: value]`, a `|`-separated first line, a `Title by Author` byline),
 * a summary, a separator, chapters with headings and authors' notes, an end marker, and now and then a signature.
 */
import type { Random } from "../random.js";
import { SCENE_BREAK } from "../prose.js";
import type { SyntheticWork } from "../synthetic-work.js";
import { NOTE_LABELS } from "../vocabulary/notes.js";
import { chapterHeading, planHeadings, type HeadingPlan } from "./chapter-headings.js";
import { headerFields, type HeaderField } from "./header-fields.js";
import { endMarker } from "./phrasing.js";
import { announcedParts, chooseStatusStatement } from "./status-statement.js";

type LabelCase = "title" | "upper" | "lower";
type LabelSeparator = ": " | " :: " | " - " | "bracket";
type Opening = "labels" | "title-by-author" | "title-over-byline" | "title-byline-header" | "pipes";
type SummaryPlacement = "field" | "label-above" | "unlabelled";

const SEPARATOR_LINES: readonly string[] = ["~~~", "* * *", "-----", "=====", "***", "~*~", "oOo", "###"];
const SCENE_BREAK_LINES: readonly string[] = ["* * *", "* * *", "~~~", "-----", "***", "###", "xXx", "~*~", "oOo", "* * * * *"];
const RULE_LINES: readonly string[] = ["==========================================", "******************************", "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~"];

/** The file's text with `\n` line ends; the caller encodes it. */
export function renderTextFile(work: SyntheticWork, random: Random): string {
  const multi = work.chapters.length > 1;
  const statement = chooseStatusStatement(random, work, multi);
  const summaryPlacement: SummaryPlacement = random.pick(["field", "field", "label-above", "unlabelled"]);
  const opening: Opening = random.pick(["labels", "labels", "labels", "title-by-author", "title-over-byline", "title-byline-header", "pipes"]);
  const labelCase: LabelCase = random.pick(["title", "title", "title", "title", "upper", "lower"]);
  const separator: LabelSeparator = random.pick([": ", ": ", ": ", ": ", " :: ", " - ", "bracket"]);
  // A byline names one author by one pen name; two authors are stated in the header's fields instead.
  const effectiveOpening: Opening = work.authors.length > 1 && opening !== "pipes" ? "labels" : opening;
  const fields = headerFields(work, random, {
    titleAndAuthors: effectiveOpening === "labels" || effectiveOpening === "pipes",
    status: statement.header,
    summary: summaryPlacement === "field",
    bareRating: separator === ": ",
  });

  const blocks: string[] = [];
  // A post saved from a mailing list keeps its mail headers over the story's own header.
  if ((effectiveOpening === "labels" || effectiveOpening === "pipes") && random.chance(0.1)) blocks.push(mailHeaders(work, random));
  else if (random.chance(0.08)) blocks.push(random.pick(RULE_LINES));
  blocks.push(...headerBlocks(work, random, fields, effectiveOpening, (f) => labelLine(f, labelCase, separator)));
  const summary = work.summary;
  // "Summary:" alone, its value the paragraph below; or the paragraph alone, which a separator must then close.
  if (summary !== null && summaryPlacement === "label-above") blocks.push(labelLine({ label: "Summary", value: "" }, labelCase, ": ").trimEnd(), summary);
  if (summary !== null && summaryPlacement === "unlabelled") blocks.push(summary);
  // A separator ends the header; without one the story (or the first chapter heading) ends it.
  if ((summary !== null && summaryPlacement === "unlabelled") || random.chance(0.7)) blocks.push(random.pick(SEPARATOR_LINES));

  const headings = multi
    ? planHeadings(random, work.chapters.length, { counting: statement.headingCount, total: announcedParts(random, work), allTitled: work.chapters.every((c) => c.title !== null) })
    : null;
  // Mailing-list posts and FanFicFare's text output are hard-wrapped at a fixed width, which the importer unwraps.
  const wrapWidth = random.chance(0.12) ? random.between(68, 78) : null;
  blocks.push(...bodyBlocks(work, random, headings, random.pick(SCENE_BREAK_LINES), wrapWidth));

  const status = work.status;
  if (statement.endMarker && status !== "unknown") blocks.push(endMarker(random, status, work.typography === "curly"));
  const last = work.chapters.at(-1);
  if (last?.endNotes) blocks.push(`${random.pick(NOTE_LABELS)} ${last.endNotes}`);
  if (random.chance(0.05)) blocks.push(`--\n${work.authors[0] ?? ""}`);
  return `${blocks.join("\n\n")}\n`;
}

function headerBlocks(work: SyntheticWork, random: Random, fields: readonly HeaderField[], opening: Opening, line: (f: HeaderField) => string): string[] {
  const lines = fields.map(line);
  const author = work.authors[0] ?? "";
  switch (opening) {
    case "title-by-author":
      return [`${work.title} by ${author}`, lines.join("\n")];
    case "title-over-byline":
      return [`${work.title}\n${random.pick(["by", "By", "by", "written by"])} ${author}`, lines.join("\n")];
    case "title-byline-header":
      return [[work.title, `by ${author}`, ...lines].join("\n")];
    case "pipes": {
      // "Title: X | Author: Y | Rating: R" on the first line, the other fields below it.
      const [title, authors, ...rest] = fields;
      const firstLine = [title, authors].filter((f): f is HeaderField => f !== undefined).map((f) => `${f.label}: ${f.value}`).join(" | ");
      return [[firstLine, ...rest.map(line)].join("\n")];
    }
    case "labels":
      return [lines.join("\n")];
  }
}

function labelLine(field: HeaderField, labelCase: LabelCase, separator: LabelSeparator): string {
  if (field.label === "") return field.value;
  const label = labelCase === "upper" ? field.label.toUpperCase() : labelCase === "lower" ? field.label.toLowerCase() : field.label;
  if (separator === "bracket") return `[${label}: ${field.value}]`;
  return `${label}${separator}${field.value}`;
}

function bodyBlocks(work: SyntheticWork, random: Random, headings: HeadingPlan | null, sceneBreak: string, wrapWidth: number | null): string[] {
  const blocks: string[] = [];
  const count = work.chapters.length;
  const glued = random.chance(0.1);
  const wrap = wrapWidth === null ? null : wrapper(wrapWidth);
  work.chapters.forEach((chapter, index) => {
    const isLast = index === count - 1;
    const paragraphs = chapter.paragraphs.map((p) => (p === SCENE_BREAK ? sceneBreak : wrap ? wrap(p) : p));
    if (headings) {
      const heading = chapterHeading(headings, index, count, chapter.title);
      // "Chapter 2" glued to its first line: the importer separates a strong heading from the text under it.
      const strong = headings.style !== "roman" && headings.style !== "number-dot" && headings.style !== "part-count";
      // Not the first chapter: glued to the header's end, its first paragraph would be read as a summary.
      if (glued && strong && index > 0 && !chapter.notes) {
        const [first = "", ...rest] = paragraphs;
        blocks.push(`${heading}\n${first}`, ...rest);
      } else {
        blocks.push(heading);
        if (chapter.notes) blocks.push(`${random.pick(NOTE_LABELS)} ${chapter.notes}`);
        blocks.push(...paragraphs);
      }
    } else {
      if (chapter.notes) blocks.push(`${random.pick(NOTE_LABELS)} ${chapter.notes}`);
      blocks.push(...paragraphs);
    }
    if (!isLast && chapter.endNotes) blocks.push(`${random.pick(NOTE_LABELS)} ${chapter.endNotes}`);
    if (!isLast && random.chance(0.03)) blocks.push(`End of Chapter ${index + 1}`);
  });
  return blocks;
}

/** Breaks lines at the last space before `width` columns, as a mail client or FanFicFare does. */
function wrapper(width: number): (paragraph: string) => string {
  const line = new RegExp(`(?![^\\n]{1,${width}}$)([^\\n]{1,${width}})\\s`, "gu");
  return (paragraph) => paragraph.replace(line, "$1\n");
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LISTS = ["fanfic-l@yahoogroups.com", "writers_circle@egroups.com", "slash_fic@onelist.com", "gen-fic@yahoogroups.com"];

// Only ratings the importer reads at the end of a subject line ("[FIC] Title (1/2) PG-13").
const SUBJECT_RATINGS: Readonly<Record<Exclude<SyntheticWork["rating"], "Not Rated">, readonly string[]>> = {
  "General Audiences": ["G", "K"], "Teen And Up Audiences": ["PG-13", "T", "FR13"], Mature: ["R", "M", "FR18"], Explicit: ["NC-17", "MA", "FR21"],
};

/**
 * `From:`, `To:`, `Date:` and `Subject: [FIC] Title (1/1) PG-13` over a story posted to a list. The subject states
 * nothing the header below it does not: its part count only when the status is known, its rating only when rated.
 */
function mailHeaders(work: SyntheticWork, random: Random): string {
  const author = work.authors[0] ?? "";
  const address = `${author.toLowerCase().replace(/[^a-z0-9_.-]+/gu, "")}@example.com`;
  const date = new Date(`${work.published}T00:00:00Z`);
  const time = `${String(random.below(24)).padStart(2, "0")}:${String(random.below(60)).padStart(2, "0")}:${String(random.below(60)).padStart(2, "0")}`;
  const posted = `${WEEKDAYS[date.getUTCDay()] ?? ""}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ""} ${date.getUTCFullYear()} ${time} -0000`;
  const parts = work.status === "complete" ? " (1/1)" : work.status === "in-progress" ? ` (1/${random.between(2, 5)})` : "";
  const rating = work.rating === "Not Rated" ? "" : ` ${random.pick(SUBJECT_RATINGS[work.rating])}`;
  return [
    `From: ${random.chance(0.5) ? `"${author}"` : author} <${address}>`,
    `To: ${random.pick(LISTS)}`,
    `Date: ${posted}`,
    `Subject: ${random.pick(["[FIC] ", "FIC: ", "[NEW] "])}${work.title}${parts}${rating}`,
  ].join("\n");
}
