/**
 * Plain text: the preface as "Label: value" header lines (the convention of decades of story files, and what
 * Quire's importer reads), a rule, then each chapter under a "Chapter N: Title" heading with its summary, notes
 * and end notes as labelled paragraphs, and "The End" under a complete work. UTF-8, LF line ends.
 */
import type { ExportedChapter, ExportedWork } from "./exported-work.js";
import { headerFields } from "./header-fields.js";
import { chapterHeading } from "./preface-fields.js";

export function writeText(work: ExportedWork): Buffer {
  // A header value is one block of lines: a summary's or a note's paragraphs go on lines of their own under it.
  const header = headerFields(work).map(({ label, value }) => `${label}: ${typeof value === "string" ? value.replace(/\n\s*\n/gu, "\n") : value.join(", ")}`);
  const parts = [header.join("\n"), "-".repeat(40), ...work.chapters.map(chapterText)];
  if (work.status === "complete") parts.push("The End");
  return Buffer.from(`${parts.join("\n\n\n")}\n`, "utf8");
}

function chapterText(chapter: ExportedChapter): string {
  const blocks: string[] = [];
  if (chapter.opensWork) blocks.push(`${chapter.opensWork.title}\nby ${chapter.opensWork.authors.join(", ")}`);
  blocks.push(chapterHeading(chapter.position, chapter.title));
  if (chapter.summary) blocks.push(`Chapter Summary: ${chapter.summary}`);
  if (chapter.notes) blocks.push(`Notes: ${chapter.notes}`);
  blocks.push(chapter.text);
  if (chapter.endNotes) blocks.push(`End Notes: ${chapter.endNotes}`);
  return blocks.join("\n\n");
}
