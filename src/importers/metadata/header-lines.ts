/**
 * The `Label: value` lines at the top of a story file, read without parsing the story: for the review desk, which
 * shows an archivist the labels a batch's files use and what the importer makes of each, and for the author's
 * address an archivist mails a claim link to.
 */
import { fieldForLabel, type FieldKey } from "./labels.js";

export interface HeaderLine {
  /** As written, trimmed. */
  label: string;
  value: string;
  /** What the importer makes of the label: a field, `extra` (kept with no field of its own), or null (no label it knows). */
  field: FieldKey | null;
}

/** Headers sit at the top of a file: a story's dialogue further down is no header. */
const HEADER_LINES = 60;
const HEADER_LINE = /^[\s*_>]*([\p{L}][\p{L}' ()/&-]{0,30}?)[\s*_]*:\s*(.+)$/u;

/**
 * The labelled lines among the file's first HEADER_LINES lines, up to the blank line that ends them. An unknown label counts only when it looks like
 * one (capitalised, at most three words), so that a line of prose with a colon in it is not taken for a header.
 * @example headerLines("Title: Tides\nCategory: Buffy\n\nText") // [{ label: "Title", field: "title", … }, { label: "Category", field: "category", … }]
 */
export function headerLines(text: string): HeaderLine[] {
  const lines: HeaderLine[] = [];
  for (const line of text.split(/\r?\n/u, HEADER_LINES)) {
    // The header ends at the first blank line after it; the story starts there.
    if (line.trim() === "" && lines.length > 0) break;
    const m = HEADER_LINE.exec(line);
    if (!m) continue;
    const label = (m[1] ?? "").trim();
    const field = fieldForLabel(label) ?? null;
    if (field === null && (!/^\p{Lu}/u.test(label) || label.split(/\s+/u).length > 3)) continue;
    lines.push({ label, value: (m[2] ?? "").trim(), field });
  }
  return lines;
}
