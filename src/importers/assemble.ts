/**
 * The last step every format shares: chapter edges (notes, end markers), chapter text and HTML, word counts,
 * language, rating, warnings and dates, into one `ParsedWork` with provenance for each field.
 */
import { normaliseRating } from "../domain/rating.js";
import { classifyWarnings, consistentWarnings, DEFAULT_WARNING } from "../domain/warnings.js";
import { sortCategories } from "../domain/categories.js";
import { countWords } from "../domain/word-count.js";
import type { ParsedChapter, ParsedWork } from "../domain/work.js";
import { blockText, type Block } from "./document.js";
import { extractChapterEdges, isNoteParagraph, stripNoteLabel } from "./body/notes.js";
import { splitChapters } from "./body/chapters.js";
import { partCountOf, type PartCount } from "./body/headings.js";
import { unwrapHardWrapped } from "./body/unwrap.js";
import { readPreamble, replaceRepeatedHeaders } from "./metadata/preamble.js";
import { parseDate } from "./metadata/dates.js";
import { detectLanguage } from "./metadata/language.js";
import { stripEmailAddresses } from "./metadata/privacy.js";
import { renderChapter } from "./render-chapter.js";
import type { WorkMetadata } from "./metadata/work-metadata.js";

/** A chapter as a format hands it over: its blocks, plus what a structured format states about it. */
export interface ChapterSource {
  /** The chapter's number when the file states it (a later part of a longer work); else its position is used. */
  number?: number;
  title: string | null;
  blocks: Block[];
  summary?: string | null;
  notes?: string | null;
  endNotes?: string | null;
  /** The count the chapter's heading states (`Part 3/5`): on the last chapter, it says whether the work is complete. */
  partCount?: PartCount | null;
}

/**
 * For formats without structure (plain text, Markdown, personal-site HTML): reads the preamble, splits the rest
 * into chapters at their headings, and assembles the work.
 */
export function assembleFromBlocks(meta: WorkMetadata, blocks: readonly Block[], fallbackTitle?: string): ParsedWork {
  const { end, lead } = readPreamble(blocks, meta);
  // A page's <title> often carries the site's name too, so it only stands in when nothing better names the work.
  if (fallbackTitle) meta.setScalar("title", fallbackTitle, { source: "inferred", evidence: `<title>${fallbackTitle}</title>`, confidence: 0.5 });
  const story = replaceRepeatedHeaders(blocks.slice(end), meta);
  return assembleWork(meta, chaptersFromBlocks(meta, unwrapHardWrapped([...lead, ...story])));
}

/** Splits story blocks into chapters; what stands before the first heading becomes notes or a first chapter. */
export function chaptersFromBlocks(meta: WorkMetadata, blocks: readonly Block[]): ChapterSource[] {
  const { before, chapters } = splitChapters(blocks);
  const sources: ChapterSource[] = chapters.map((c) => ({
    number: c.number,
    title: c.heading?.title ?? null,
    blocks: c.blocks,
    partCount: partCountOf(c.heading, c.headingText ?? ""),
  }));
  const lead = before.filter((b) => blockText(b).trim().length > 0);
  if (sources.length === 0) return [{ title: null, blocks: [...before] }];
  // Before the first heading: a short note or dedication belongs to the work; real story text is a chapter.
  const leadWords = countWords(lead.map(blockText).join("\n"));
  if (lead.length > 0 && leadWords < 120) {
    const edges = extractChapterEdges(lead);
    const leadText = edges.blocks.map(blockText).map((t) => (isNoteParagraph(t) ? stripNoteLabel(t) : t));
    const text = [edges.notes, ...leadText, edges.endNotes].filter(Boolean).join("\n\n");
    if (edges.summary) meta.setScalar("summary", edges.summary, { source: "inferred", evidence: edges.summary, confidence: 0.6 });
    if (edges.disclaimer) meta.setScalar("disclaimer", edges.disclaimer, { source: "header", evidence: edges.disclaimer });
    if (text.trim()) meta.appendText("notes", text, { source: "inferred", evidence: text.slice(0, 120), confidence: 0.6 });
  } else if (lead.length > 0) {
    // Story text before "Chapter 1" is a chapter of its own: numbering by position keeps the numbers apart,
    // unless the file starts later in a longer work and there is room below its first number.
    const firstNumber = sources[0]?.number ?? 1;
    if (firstNumber > 1) sources.unshift({ number: firstNumber - 1, title: null, blocks: [...lead] });
    else sources.splice(0, sources.length, { title: null, blocks: [...lead] }, ...sources.map(({ number: _number, ...rest }) => rest));
  }
  return sources;
}

export function assembleWork(meta: WorkMetadata, sources: readonly ChapterSource[]): ParsedWork {
  const single = sources.length === 1;
  statusFromLastHeading(meta, sources.at(-1)?.partCount);
  const chapters: ParsedChapter[] = [];
  for (const [index, source] of sources.entries()) {
    const edges = extractChapterEdges(source.blocks);
    const isLast = index === sources.length - 1;
    if (isLast && edges.endMarker && edges.endMarkerText) {
      meta.setStatus(edges.endMarker, { source: "inferred", evidence: edges.endMarkerText, confidence: 0.8 });
    }
    if (edges.disclaimer) meta.setScalar("disclaimer", edges.disclaimer, { source: "header", evidence: edges.disclaimer });
    // Notes carry the same signatures and "write to me at" lines as headers do.
    const notes = withoutAddresses(joinNotes(source.notes, edges.notes));
    const endNotes = withoutAddresses(joinNotes(source.endNotes, edges.endNotes));
    const summary = withoutAddresses(source.summary ?? edges.summary);
    const rendered = renderChapter(edges.blocks);
    if (single) {
      // In a one-chapter work the notes are the work's, as on the Archive.
      if (notes) meta.appendText("notes", notes, { source: source.notes ? "structured" : "header", evidence: notes.slice(0, 160) });
      if (endNotes) meta.appendText("endNotes", endNotes, { source: source.endNotes ? "structured" : "header", evidence: endNotes.slice(0, 160) });
      if (summary) meta.appendText("summary", summary, { source: source.summary ? "structured" : "header", evidence: summary.slice(0, 160) });
    }
    chapters.push({
      number: source.number ?? index + 1,
      title: withoutAddresses(source.title),
      summary: single ? null : summary,
      notes: single ? null : notes,
      endNotes: single ? null : endNotes,
      wordCount: countWords(rendered.text),
      text: rendered.text,
      html: rendered.html,
    });
  }
  return finishWork(meta, chapters);
}

/**
 * "Part 3/3" over the last chapter says the work is complete; "Part 2/3", that more is to come. The same rule for
 * every format, whether the heading stood in the text or in an EPUB's table of contents. An end marker or a stated
 * status outranks it.
 */
function statusFromLastHeading(meta: WorkMetadata, count: PartCount | null | undefined): void {
  if (!count) return;
  meta.setStatus(count.part >= count.of ? "complete" : "in-progress", { source: "inferred", evidence: count.evidence, confidence: 0.7 });
}

function withoutAddresses(text: string | null | undefined): string | null {
  const stripped = text ? stripEmailAddresses(text).trim() : "";
  return stripped ? stripped : null;
}

function joinNotes(...parts: readonly (string | null | undefined)[]): string | null {
  const present = parts.filter((p): p is string => Boolean(p?.trim()));
  return present.length > 0 ? present.join("\n\n") : null;
}

function finishWork(meta: WorkMetadata, chapters: ParsedChapter[]): ParsedWork {
  const storyText = chapters.map((c) => c.text).join("\n\n");
  const language = meta.scalars.language ?? detectStoryLanguage(meta, storyText);
  const rating = normaliseRating(meta.ratingRaw ?? "");
  if (!meta.provenance.rating) meta.record("rating", { source: "default", evidence: "no rating stated", confidence: 0.3 });

  const classified = classifyWarnings(meta.warningLines);
  const warnings = consistentWarnings([...meta.archiveWarnings, ...classified.warnings]);
  meta.addList("freeforms", classified.tags, { source: meta.provenance.warnings?.source ?? "header", evidence: meta.warningLines.join("; ") });
  if (warnings.length === 0) {
    // A warning line that names no archive warning fed the tags; the warning itself is the default.
    warnings.push(DEFAULT_WARNING);
    const stated = meta.warningLines.join("; ");
    meta.replaceEvidence("warnings", { source: "default", evidence: stated ? `no archive warning in "${stated}"` : "no archive warning stated", confidence: 0.3 });
  }

  const published = dateField(meta, "published", language);
  const updated = dateField(meta, "updated", language);
  // A date that could not be read leaves no evidence behind.
  const provenance = Object.fromEntries(
    Object.entries(meta.provenance).filter(([field]) => (field !== "published" || published) && (field !== "updated" || updated)),
  );
  return {
    title: meta.scalars.title ?? null,
    authors: meta.lists.authors,
    fandoms: meta.lists.fandoms,
    rating: rating ?? "Not Rated",
    ratingRaw: meta.ratingRaw,
    warnings,
    categories: sortCategories(meta.categories),
    relationships: meta.lists.relationships,
    characters: meta.lists.characters,
    freeforms: meta.lists.freeforms,
    summary: meta.scalars.summary ?? null,
    notes: meta.scalars.notes ?? null,
    endNotes: meta.scalars.endNotes ?? null,
    disclaimer: meta.scalars.disclaimer ?? null,
    language,
    status: meta.status,
    published,
    updated,
    statedWordCount: meta.statedWordCount,
    wordCount: chapters.reduce((sum, c) => sum + c.wordCount, 0),
    series: meta.series,
    collections: meta.lists.collections,
    sourceUrl: meta.scalars.sourceUrl ?? null,
    chapters,
    provenance,
    extra: meta.extra,
    inferred: [],
  };
}

function detectStoryLanguage(meta: WorkMetadata, storyText: string): string {
  const detected = detectLanguage(storyText);
  meta.record("language", { source: "inferred", evidence: `detected from ${storyText.length} characters of story text`, confidence: detected.confidence });
  return detected.code;
}

// A date no parser can read ("Summer of 2004") is kept as written, in `extra`.
function dateField(meta: WorkMetadata, field: "published" | "updated", language: string): string | null {
  const raw = meta.scalars[field];
  const date = raw === undefined ? null : parseDate(raw, language);
  if (raw !== undefined && date === null) meta.addExtra(field === "published" ? "Published" : "Updated", raw);
  return date;
}
