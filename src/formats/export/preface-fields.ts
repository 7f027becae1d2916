/**
 * The preface's labelled fields as every format states them, in the Archive's order and wording
 * (shared/reference/legacy-formats.md §3.2): the tag labels, singular for one tag and plural for several, the
 * language by name, and the stats line. The importer reads these labels back (importers/metadata/labels.ts).
 */
import { TAG_TYPES, type TagType } from "../../domain/tags/tag-type.js";
import type { ExportedPreface } from "./exported-work.js";

const TAG_LABELS: Record<TagType, readonly [string, string]> = {
  Rating: ["Rating", "Ratings"],
  ArchiveWarning: ["Archive Warning", "Archive Warnings"],
  Category: ["Category", "Categories"],
  Fandom: ["Fandom", "Fandoms"],
  Relationship: ["Relationship", "Relationships"],
  Character: ["Character", "Characters"],
  // The Archive's label for freeforms is plural whatever the count.
  Freeform: ["Additional Tags", "Additional Tags"],
};

export interface TagField {
  type: TagType;
  label: string;
  tags: string[];
}

/** The work's tag types that hold a tag, each with its label. */
export function tagFields(work: Pick<ExportedPreface, "tags">): TagField[] {
  return TAG_TYPES.filter((type) => work.tags[type].length > 0).map((type) => {
    const [one, many] = TAG_LABELS[type];
    return { type, label: work.tags[type].length === 1 ? one : many, tags: work.tags[type] };
  });
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "English" for "en"; the code itself when it names no language. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Languages written right to left (ISO 639-1). */
const RIGHT_TO_LEFT = new Set(["ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"]);

/** "rtl" for a language written right to left, else "ltr": a book's pages turn that way too. */
export function textDirection(language: string): "rtl" | "ltr" {
  return RIGHT_TO_LEFT.has(language) ? "rtl" : "ltr";
}

const numbers = new Intl.NumberFormat("en");

/** "Part 2 of Harbour Letters". */
export function seriesPartText(part: ExportedPreface["series"][number]): string {
  return `Part ${part.part} of ${part.name}`;
}

/**
 * The stats as the Archive words them, each a label and a value: Published, then Completed (a complete work) or
 * Updated, Words, and Chapters ("3/3", "2/?", "2/5"). A work whose status is unknown states no chapter count,
 * which would state a status.
 */
export function statsEntries(work: ExportedPreface): [string, string][] {
  const entries: [string, string][] = [];
  if (work.published) entries.push(["Published", work.published]);
  if (work.updated && work.updated !== work.published) entries.push([work.status === "complete" ? "Completed" : "Updated", work.updated]);
  entries.push(["Words", numbers.format(work.wordCount)]);
  if (work.status !== "unknown") entries.push(["Chapters", chapterCountText(work)]);
  return entries;
}

function chapterCountText(work: ExportedPreface): string {
  const expected = work.status === "complete" ? work.chapterCount : (work.expectedChapters ?? "?");
  return `${work.chapterCount}/${expected}`;
}

/** A chapter's heading: "Chapter 2: Amber", or "Chapter 2" when it has no title. */
export function chapterHeading(position: number, title: string | null): string {
  return title ? `Chapter ${position}: ${title}` : `Chapter ${position}`;
}

/** Stored plain text as paragraphs, each a list of lines: a blank line parts paragraphs, a newline breaks a line. */
export function textParagraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => p.split("\n").map((line) => line.trim()));
}
