/**
 * Where the importer meets posting: an author uploads a story file they wrote elsewhere (text in any of the
 * encodings the importer reads, HTML, Markdown or EPUB), the importer reads it exactly as `quire import` would —
 * tagged with the library's vocabulary — and the work form comes back filled with what it found, every chapter
 * included, with a note of each value the importer was unsure of. Nothing is stored: the author checks the form
 * and posts it, and the work is theirs like any other they post.
 */
import type { Kysely } from "kysely";
import { readVocabulary } from "../../db/repositories/vocabulary.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { QuireError, ValidationError } from "../../domain/errors.js";
import { nameKey } from "../../domain/sort-key.js";
import type { InferredValue, ParsedWork, WorkField } from "../../domain/work.js";
import { Vocabulary } from "../../tags/vocabulary.js";
import { parseStoryWithFingerprint } from "../import/story-parser.js";
import { readPostingChoices, type PostingChoices } from "./work-editing.js";
import type { SeriesChoice, WorkForm } from "./work-form.js";

/** A story file larger than this is refused at upload: five megabytes is a long novel of plain text. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Values the importer is at least this sure of go without a note. */
const SURE = 0.8;

export interface LegacyReading {
  form: WorkForm;
  choices: PostingChoices;
  /** "text (windows-1252)", "EPUB"… */
  readAs: string;
  /** What the author should check: values the importer guessed, inferred or could not find. */
  unsure: string[];
}

const FIELD_LABELS: Partial<Record<WorkField | InferredValue["field"], string>> = {
  title: "Title", authors: "Author", fandoms: "Fandom", rating: "Rating", warnings: "Archive warnings", categories: "Category",
  relationships: "Relationship", characters: "Character", freeforms: "Additional tags", summary: "Summary", notes: "Notes", endNotes: "End notes",
  language: "Language", status: "Complete or in progress", series: "Series",
};

/**
 * Reads the file into a filled work form.
 * @throws as requirePoster; ValidationError (`file`) for a file too large, or one the importer cannot read, with
 *   the importer's reason.
 */
export async function readLegacyFile(db: Kysely<Database>, viewer: Viewer, bytes: Uint8Array, fileName: string): Promise<LegacyReading> {
  const choices = await readPostingChoices(db, viewer);
  if (bytes.byteLength === 0) throw new ValidationError({ file: "Choose a story file to upload." });
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new ValidationError({ file: `The file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB: upload a smaller one, or post its chapters one by one.` });
  let story;
  try {
    story = await parseStoryWithFingerprint(bytes, fileName, new Vocabulary(await readVocabulary(db)));
  } catch (error) {
    if (error instanceof QuireError) throw new ValidationError({ file: `This file could not be read: ${error.message}.` });
    throw error;
  }
  const { work } = story;
  return {
    form: formFromWork(work, choices),
    choices,
    readAs: story.format === "epub" ? "EPUB" : `${story.format === "html" ? "HTML" : story.format === "markdown" ? "Markdown" : "text"} (${story.encoding})`,
    unsure: unsureNotes(work),
  };
}

function formFromWork(work: ParsedWork, choices: PostingChoices): WorkForm {
  const stated = (field: WorkField) => work.provenance[field] !== undefined && work.provenance[field]?.source !== "default";
  const ratingKnown = stated("rating") || work.inferred.some((v) => v.field === "rating");
  const inSeries = work.series[0];
  const ownSeries = inSeries ? choices.series.find((s) => nameKey(s.name) === nameKey(inSeries.name)) : undefined;
  const series: SeriesChoice = !inSeries ? { kind: "none" } : ownSeries ? { kind: "existing", seriesId: ownSeries.id } : { kind: "new", name: inSeries.name };
  return {
    title: work.title ?? "", rating: ratingKnown ? work.rating : "", warnings: stated("warnings") ? work.warnings : [], categories: work.categories,
    fandoms: work.fandoms, relationships: work.relationships, characters: work.characters, freeforms: work.freeforms,
    pseudId: choices.pseuds[0]?.id ?? null, coAuthors: [], gifts: [], summary: work.summary ?? "", notes: work.notes ?? "", endNotes: work.endNotes ?? "",
    language: work.language, series, seriesPart: inSeries?.part ?? null, visibility: "public", commentPolicy: "open", moderateComments: false,
    complete: work.status !== "in-progress", expectedChapters: null,
    chapters: work.chapters.map((c) => ({
      title: c.title ?? "", summary: c.summary ?? "", notes: c.notes ?? "", endNotes: c.endNotes ?? "", text: c.html, format: "html" as const,
    })),
  };
}

const percent = (confidence: number) => `${Math.round(confidence * 100)}% sure`;

function unsureNotes(work: ParsedWork): string[] {
  const notes: string[] = [];
  if (work.title === null) notes.push("Title: the file states none. Give the work one.");
  if (!work.provenance.rating && !work.inferred.some((v) => v.field === "rating")) notes.push("Rating: the file states none. Choose one.");
  if (!work.provenance.warnings || work.provenance.warnings.source === "default") notes.push("Archive warnings: the file states none. Choose them.");
  if (work.fandoms.length === 0) notes.push("Fandom: none found. Name at least one.");
  // A field whose values were inferred one by one is noted value by value, below.
  const inferredFields = new Set<string>(work.inferred.map((v) => v.field));
  for (const [field, provenance] of Object.entries(work.provenance) as [WorkField, NonNullable<ParsedWork["provenance"][WorkField]>][]) {
    const label = FIELD_LABELS[field];
    if (!label || inferredFields.has(field) || provenance.source === "default" || (provenance.confidence >= SURE && provenance.source !== "inferred")) continue;
    const from = provenance.source === "inferred" ? provenance.evidence : `read from “${provenance.evidence}”`;
    notes.push(`${label}, ${percent(provenance.confidence)}: ${from}.`);
  }
  for (const value of work.inferred) {
    notes.push(`${FIELD_LABELS[value.field] ?? value.field} “${value.value}”: inferred from the story (${value.evidence}), ${percent(value.confidence)}.`);
  }
  if (work.authors.length > 0) notes.push(`The file names its author as ${work.authors.map((a) => `“${a}”`).join(", ")}: posted here, the work is yours, under the pseud you choose.`);
  if (work.published) notes.push(`The file dates the story ${work.published}: posted here, it is dated the day you post it.`);
  return notes;
}
