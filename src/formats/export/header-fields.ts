/**
 * The preface as labelled fields, for the formats that state it in words (plain text's header lines, Markdown's
 * YAML front matter): the labels the importer reads back (importers/metadata/labels.ts), in the Archive's order.
 */
import type { ExportedWork } from "./exported-work.js";
import { languageName, seriesPartText, statsEntries, tagFields } from "./preface-fields.js";

export interface HeaderField {
  label: string;
  /** One value, or several (tags, authors): a list in YAML, comma-separated in text. */
  value: string | string[];
}

/** A name on one line: a line break in a title (the API and imports allow them) must not start a header line of its own. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

export function headerFields(work: ExportedWork): HeaderField[] {
  const fields: HeaderField[] = [{ label: "Title", value: oneLine(work.title) }];
  if (work.authors.length > 0) fields.push({ label: work.authors.length === 1 ? "Author" : "Authors", value: work.authors.map(oneLine) });
  for (const { label, tags } of tagFields(work)) fields.push({ label, value: tags.map(oneLine) });
  fields.push({ label: "Language", value: languageName(work.language) });
  if (work.series.length > 0) fields.push({ label: "Series", value: work.series.map((part) => oneLine(seriesPartText(part))) });
  for (const [label, value] of statsEntries(work)) fields.push({ label, value });
  if (work.gifts.length > 0) fields.push({ label: "Gift for", value: work.gifts.map(oneLine) });
  fields.push({ label: "Source URL", value: work.sourceUrl });
  fields.push({ label: "Publisher", value: work.archiveName });
  if (work.summary) fields.push({ label: "Summary", value: work.summary });
  if (work.notes) fields.push({ label: "Notes", value: work.notes });
  if (work.endNotes) fields.push({ label: "End Notes", value: work.endNotes });
  return fields;
}
