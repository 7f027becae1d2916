/**
 * The top of a story file: title and byline lines, the header block of `Label: value` lines (also one line with
 * `|` separators, and fanfiction.net's metadata line), an unlabelled summary, and the separator before the story.
 * Only this part is searched for labels, so a `Note:` inside the story stays story text.
 */
import { hasAtMostWords, paragraph, type Block } from "../document.js";
import { readChapterHeading } from "../body/headings.js";
import { opensHeadingRun } from "../body/chapters.js";
import { isNoteParagraph, isPageFurniture } from "../body/notes.js";
import { normaliseRating } from "../../domain/rating.js";
import { applyLabelledField } from "./apply-field.js";
import { applyFfnLine, isFfnLine } from "./ffn-line.js";
import { fieldForLabel, type FieldKey } from "./labels.js";
import type { Evidence, WorkMetadata } from "./work-metadata.js";
import { parseStatus, parseYesNo, splitTitlePart } from "./values.js";
import { languageFromName } from "./language.js";

interface LabelLine {
  label: string;
  value: string;
  known: boolean;
}

interface HeaderEntry {
  label: string;
  lines: string[];
  evidence: string;
}

const MAX_PREAMBLE_BLOCKS = 120;
/** How far below the top a header may start, under an epigraph or mail headers. */
const MAX_LEAD_BLOCKS = 4;

export interface Preamble {
  /** The index of the first block of the story. */
  end: number;
  /** Blocks above the header that belong to the story (an epigraph), to put back at its start. */
  lead: Block[];
}

/**
 * Reads the preamble into `meta`.
 * @param source the provenance to record for labelled fields (`header`, or `structured` for a title page).
 */
export function readPreamble(blocks: readonly Block[], meta: WorkMetadata, source: Evidence["source"] = "header"): Preamble {
  let inHeader = false;
  let sawFields = false;
  let breadcrumbOnly = false;
  let pending: HeaderEntry | null = null;
  const lead: Block[] = [];
  // Rule lines skipped over the header: with the lead, they are what stands above where the header may start.
  let rules = 0;
  const limit = Math.min(blocks.length, MAX_PREAMBLE_BLOCKS);
  let i = 0;
  for (; i < limit; i += 1) {
    const block = blocks[i];
    if (!block) break;
    // How far below the place where the header may start (under rules and an epigraph) this block stands.
    const depth = i - rules - lead.length;
    if (block.kind === "break") {
      // A rule over the header (archive exports, boxes of asterisks) is decoration: read on below it.
      if (depth === 0 && !inHeader && (headerFollows(blocks, i + 1) || titleAndBylineFollow(blocks, i + 1))) {
        rules += 1;
        continue;
      }
      if (pending) applyEntries(meta, [pending], source);
      // "XXX" over "XXXI" further down is chapter thirty's heading, not the separator under the header.
      if (opensHeadingRun(blocks, i)) return { end: i, lead };
      // A separator after a header ends the preamble; one before anything else is the story's own.
      return { end: inHeader || meta.has("title") ? i + 1 : i, lead };
    }
    const text = block.text.trim();
    const lines = text.split("\n").map((l) => l.trim());
    // "1. Cellar" over the story, continued by "2. Lanterns" below: the first chapter, even if a note follows it.
    if (isChapterStart(text) || opensHeadingRun(blocks, i)) break;
    if (pending) {
      if (!parseHeader(lines, true)) {
        pending.lines.push(text);
        pending.evidence += ` ${text}`;
        applyEntries(meta, [pending], source);
        pending = null;
        continue;
      }
      applyEntries(meta, [pending], source);
      pending = null;
    }
    if (lines.length === 1 && readBreadcrumb(lines[0] ?? "", meta)) {
      inHeader = true;
      breadcrumbOnly = depth === 0;
      continue;
    }
    const entries = parseHeader(lines, inHeader) ?? (depth === 0 ? titleThenHeader(lines, meta) : null);
    if (entries && namesAnotherTitle(entries, meta)) break;
    if (entries) {
      const last = entries.at(-1);
      const waiting = last && last.lines.join("").trim() === "" ? entries.pop() : undefined;
      applyEntries(meta, entries, source);
      pending = waiting ?? null;
      inHeader = true;
      sawFields = true;
      continue;
    }
    if (!meta.has("title") && (!inHeader || breadcrumbOnly) && depth <= 1 && readTitleAndByline(block, lines, blocks[i + 1], meta)) {
      inHeader = true;
      continue;
    }
    if (inHeader && meta.lists.authors.length === 0 && lines.length === 1 && readByline(lines[0] ?? "", meta)) continue;
    if (inHeader && !meta.has("title") && readTitleAndUsername(lines, meta)) continue;
    if (inHeader && isPageFurniture(text)) continue;
    if (inHeader && !meta.has("summary") && isSummaryParagraph(blocks, i, meta)) {
      meta.setScalar("summary", text, { source: "byline", evidence: text, confidence: 0.6 });
      continue;
    }
    // An epigraph, a date line or mail headers above the header: the header still counts, the line stays story.
    if (!sawFields && lead.length < MAX_LEAD_BLOCKS && headerFollows(blocks, i + 1)) {
      lead.push(block);
      continue;
    }
    break;
  }
  if (pending) applyEntries(meta, [pending], source);
  return { end: i, lead };
}

/**
 * A header repeated inside the story, as when a work posted in parts is saved as one file: `Title: X (2/3)`
 * over each part. It is replaced by a `Part N` heading, so that each part becomes a chapter, with the part's own
 * notes under it as that chapter's notes; its other fields were stated by the first part.
 */
export function replaceRepeatedHeaders(blocks: readonly Block[], meta: WorkMetadata): Block[] {
  const workTitle = meta.scalars.title?.toLowerCase();
  if (!workTitle) return [...blocks];
  let parts = 1;
  return blocks.flatMap((block): Block[] => {
    // A cheap look first: only a paragraph that opens with a title label is worth parsing as a header.
    if (block.kind !== "paragraph" || !TITLE_LINE.test(block.text)) return [block];
    const entries = parseHeader(block.text.split("\n").map((l) => l.trim()), false);
    const title = entries?.find((e) => fieldForLabel(e.label) === "title");
    // It repeats the work's own title; a "Title:" line of a report inside the story names something else.
    const repeated = title !== undefined && (splitTitlePart(joinValue(title))?.title ?? joinValue(title)).toLowerCase() === workTitle;
    if (!entries || !title || !repeated) return [block];
    const notes = entries.filter((e) => e.label === NOTE_ENTRY || fieldForLabel(e.label) === "notes").map((e) => paragraph(`Notes: ${joinValue(e)}`));
    parts += 1;
    const count = splitTitlePart(joinValue(title));
    const part = count?.part ?? parts;
    // The last part's "(3/3)" outranks the first part's "(1/3)".
    if (count) meta.setStatus(count.part >= count.of ? "complete" : "in-progress", { source: "inferred", evidence: title.evidence, confidence: 0.75 });
    return [{ kind: "heading", level: 2, text: `Part ${part}`, html: `Part ${part}` }, ...notes];
  });
}

const TITLE_LINE = /^[\s*_[]*(?:title|título|titre|titel|titolo|название)\s*:/iu;

// A second labelled title after the header has stated one belongs to something inside the story (a report, a
// letter), not to this header.
function namesAnotherTitle(entries: readonly HeaderEntry[], meta: WorkMetadata): boolean {
  const stated = meta.provenance.title;
  const current = meta.scalars.title?.toLowerCase();
  if (!stated || stated.source !== "header" || stated.confidence < 0.9 || !current) return false;
  return entries.some((e) => fieldForLabel(e.label) === "title" && (splitTitlePart(joinValue(e))?.title ?? joinValue(e)).toLowerCase() !== current);
}

// Two known labels within the next few blocks: in one paragraph, or one per block as a table of label cells
// (LiveJournal's header tables) leaves them. A title line over the fields does not hide them, and a byline under
// it ("Salt Lines / by Tallow Marsh / Fandom: …") counts as one. Rule lines right at `from` (a box of asterisks)
// are passed over; any other break ends the search.
function headerFollows(blocks: readonly Block[], from: number): boolean {
  const start = afterRules(blocks, from);
  let known = 0;
  for (let k = start; k < Math.min(blocks.length, start + MAX_LEAD_BLOCKS + 4); k += 1) {
    const block = blocks[k];
    if (!block || block.kind === "break") return false;
    const lines = block.text.split("\n").map((l) => l.trim());
    const direct = parseHeader(lines, false);
    const titled = direct ? null : splitTitleBlock(lines);
    const entries = direct ?? (titled ? parseHeader(titled.rest, false) : null);
    known += (entries?.filter((e) => fieldForLabel(e.label) !== undefined || e.label === FFN_ENTRY).length ?? 0) + (titled?.byline ? 1 : 0);
    if (known >= 2) return true;
  }
  return false;
}

// Under a rule line, a title over a byline ("Salt Lines / by Tallow Marsh") is a header even without fields. (Not
// under a story paragraph: a book's title and author quoted in the story's opening are no header.)
function titleAndBylineFollow(blocks: readonly Block[], from: number): boolean {
  const block = blocks[afterRules(blocks, from)];
  return block !== undefined && block.kind !== "break" && Boolean(splitTitleBlock(block.text.split("\n").map((l) => l.trim()))?.byline);
}

function afterRules(blocks: readonly Block[], from: number): number {
  let k = from;
  while (blocks[k]?.kind === "break") k += 1;
  return k;
}

// fanfiction.net's breadcrumb over a story: "Books » Harry Potter", "TV Shows > Buffy: The Vampire Slayer".
const BREADCRUMB = /^(?:anime\/manga|books|cartoons|comics|games|misc|movies|plays\/musicals|tv shows?|crossovers?)\s*[»>›]\s*(.+)$/iu;

function readBreadcrumb(line: string, meta: WorkMetadata): boolean {
  const m = BREADCRUMB.exec(line);
  if (!m?.[1]) return false;
  const fandoms = m[1].split(/\s*[»>›]\s*|\s+&\s+|\s+crossover$/iu).filter(Boolean);
  applyLabelledField(meta, "Fandom", fandoms, { source: "header", evidence: line, confidence: 0.8 });
  return true;
}

function isChapterStart(text: string): boolean {
  return readChapterHeading(text)?.strength === "strong";
}

const FFN_ENTRY = "\u0000ffn";
const PART_OF = /^part\s+(\d+)\s*(?:of|\/)\s*(\d+)$/iu;
/** Notes written under a header field ("See part one for disclaimers."), which are no part of its value. */
const NOTE_ENTRY = "\u0000note";

/**
 * A paragraph as header lines, or null if it is not one. Unknown labels (`From:`, `Beta'd by:`) count when the
 * paragraph, or the header around it, has known ones.
 */
function parseHeader(lines: readonly string[], inHeader: boolean): HeaderEntry[] | null {
  const knownLines = lines.filter((l) => isFfnLine(l) || splitPipeSegments(l) || parseLabelLine(l)?.known || isBareRating(l)).length;
  if (knownLines === 0) return null;
  const entries: HeaderEntry[] = [];
  for (const line of lines) {
    if (isFfnLine(line)) {
      entries.push({ label: FFN_ENTRY, lines: [line], evidence: line });
      continue;
    }
    const segments = splitPipeSegments(line);
    if (segments) {
      for (const segment of segments) entries.push({ label: segment.label, lines: [segment.value], evidence: `${segment.label}: ${segment.value}` });
      continue;
    }
    const labelled = parseLabelLine(line);
    const previousEntry = entries.at(-1);
    // The Archive's "Stats:" holds "Published: … Words: …" on the line below it.
    const statsBelow = previousEntry !== undefined && fieldForLabel(previousEntry.label) === "stats" && previousEntry.lines.join("").trim() === "";
    if (labelled && !statsBelow && (labelled.known || inHeader || knownLines > 0)) {
      entries.push({ label: labelled.label, lines: [labelled.value], evidence: line });
      continue;
    }
    const previous = entries.at(-1);
    const underBareLabel = previous !== undefined && previous.lines.join("").trim() === "";
    if (!underBareLabel && isBareRating(line)) {
      entries.push({ label: "Rating", lines: [line.replace(/^rated\s+/iu, "")], evidence: line });
    } else if (!previous) {
      return null;
    } else if (continuesValue(previous, line)) {
      previous.lines.push(line);
      previous.evidence += ` ${line}`;
    } else {
      entries.push({ label: NOTE_ENTRY, lines: [line], evidence: line });
    }
  }
  return entries;
}

const PROSE_FIELDS = new Set<FieldKey>(["summary", "notes", "endNotes", "disclaimer", "extra", "stats", "title"]);

// A summary or disclaimer runs on over several lines; a list of tags does not turn into prose or a link; a
// name, rating, count or date does not run on at all.
function continuesValue(entry: HeaderEntry, line: string): boolean {
  // A label standing alone takes the lines under it, whatever its field.
  if (entry.label === NOTE_ENTRY || entry.lines.join("").trim() === "") return true;
  const field = fieldForLabel(entry.label);
  if (field === undefined || PROSE_FIELDS.has(field)) return true;
  if (field === "authors" || CONSTRAINED_FIELDS.has(field)) return false;
  return !/https?:\/\/|[.!?]$/u.test(line) && hasAtMostWords(line, 10);
}

// "Rated PG-13", "PG-13, Gen", "P16 / Gen": a rating written without its label, as headers often have it.
function isBareRating(line: string): boolean {
  // Not "M/M" or "F/M": a category is no rating.
  if (/^[MF]\s*\/\s*[MF]$/iu.test(line.trim())) return false;
  const m = /^(?:[Rr]ated\s+)?([A-Z][A-Z0-9+-]{0,6})(?:\s*[,/]\s*[\p{L} ]{1,20})?$/u.exec(line.trim());
  return m !== null && normaliseRating(m[1] ?? "") !== null;
}

// "Title: X | Author: Y | Rating: T" (also with • or ~ between the fields).
function splitPipeSegments(line: string): LabelLine[] | null {
  if (!/[|•·]/u.test(line)) return null;
  const segments = line.split(/[|•·]/u).map((s) => s.trim()).filter(Boolean).map(parseLabelLine);
  if (segments.length < 2 || segments.some((s) => s === null)) return null;
  const parsed = segments.filter((s): s is LabelLine => s !== null);
  return parsed.filter((s) => s.known).length >= 2 ? parsed : null;
}

const LABEL_LINE = /^[*_[\]>\s]*(?:\[b\])?([\p{L}][\p{L}'’ ()/&.-]{0,38}?)\s*(?:\[\/b\])?[*_]*\s*[:：]{1,2}\s*[*_]*\s*(?:\[\/b\])?(.*)$/u;

// "Title - Six Hours in Sickbay", "Rating = PG": other separators, trusted only after a label we know.
const DASH_LABEL_LINE = /^[*_\s]*([\p{L}][\p{L}'’ ()/&.]{0,30}?)\s+[-–—=]\s+(\S.*)$/u;

function parseLabelLine(rawLine: string): LabelLine | null {
  // "[Rating: PG]": a whole line in brackets.
  const line = /^\[[^\]]+\]$/u.test(rawLine.trim()) ? rawLine.trim().slice(1, -1) : rawLine;
  const dashed = DASH_LABEL_LINE.exec(line);
  if (dashed && fieldForLabel(dashed[1] ?? "") !== undefined) return { label: (dashed[1] ?? "").trim(), value: (dashed[2] ?? "").trim(), known: true };
  const m = LABEL_LINE.exec(line);
  if (!m) return null;
  const label = (m[1] ?? "").trim();
  const value = (m[2] ?? "").replace(/[*_]+$/u, "").trim();
  if (label.split(/\s+/u).length > 5 || /^https?$/iu.test(label)) return null;
  const field = fieldForLabel(label);
  const known = field !== undefined;
  // An unknown label must at least look like one: capitalised, short, no sentence inside.
  if (!known && (!/^\p{Lu}/u.test(label) || label.split(/\s+/u).length > 3 || /[.]/u.test(label))) return null;
  // "Status: critical, the nurse wrote on the chart." opens a story; a status is a word or two.
  if (field && CONSTRAINED_FIELDS.has(field) && value.length > 0 && !readsAsValueOf(field, value) && /[,.!?]/u.test(value)) return null;
  return { label, value, known };
}

// A rating, status, count, date or language that its parser reads, whatever else the line says about it.
function readsAsValueOf(field: FieldKey, value: string): boolean {
  switch (field) {
    case "rating":
      return normaliseRating(value) !== null;
    case "status":
    case "complete":
    case "wip":
      return parseStatus(value) !== null || parseYesNo(value) !== null;
    case "language":
      return languageFromName(value) !== null;
    default:
      return /\d/u.test(value);
  }
}

/** Fields whose values are a word or a number, never a sentence. */
const CONSTRAINED_FIELDS = new Set<FieldKey>(["status", "complete", "wip", "rating", "words", "published", "updated", "language", "chapters"]);

function applyEntries(meta: WorkMetadata, entries: readonly HeaderEntry[], source: Evidence["source"]): void {
  for (const entry of entries) {
    const evidence: Evidence = { source, evidence: entry.evidence };
    if (entry.label === FFN_ENTRY) {
      applyFfnLine(meta, entry.lines[0] ?? "");
      continue;
    }
    if (entry.label === NOTE_ENTRY) {
      meta.appendText("notes", joinValue(entry), evidence);
      continue;
    }
    const value = joinValue(entry);
    if (!applyLabelledField(meta, entry.label, value, evidence)) meta.addExtra(entry.label, value);
  }
}

// Continuation lines join with a space; a value that spans paragraphs keeps them apart.
// Under a label that stands alone ("Characters:" over one name per line, as text copied from the Archive's
// pages reads), each line of a list field is an item.
function joinValue(entry: HeaderEntry): string {
  const lines = entry.lines.map((l) => l.trim()).filter(Boolean);
  const field = fieldForLabel(entry.label);
  const listUnderLabel = entry.lines[0]?.trim() === "" && field !== undefined && !PROSE_FIELDS.has(field);
  return lines.join(listUnderLabel ? "\n" : " ").trim();
}

interface TitleBlock {
  title: string;
  /** A `by Author` line under the title. */
  byline: string | null;
  /** A `Part 2 of 3` line under the title. */
  part: RegExpExecArray | null;
  /** The lines below those: the header fields, if any. */
  rest: string[];
}

// "My Title\nby Author\nPart 2 of 3\n…" split into its lines, without reading anything yet; null when the first
// line is no title.
function splitTitleBlock(lines: readonly string[]): TitleBlock | null {
  const [title = "", ...rest] = lines;
  if (lines.length < 2 || !isTitleLike(title)) return null;
  let byline: string | null = null;
  let part: RegExpExecArray | null = null;
  for (let line = rest[0]; line !== undefined; line = rest[0]) {
    const partLine = PART_OF.exec(line);
    if (partLine) part = partLine;
    else if (!byline && bylineName(line) !== null) byline = line;
    else break;
    rest.shift();
  }
  return { title, byline, part, rest };
}

// "My Title\nRating: PG\n…": a title line on top of the header, in one paragraph, perhaps with a byline and a
// "Part 2 of 3" line between them.
function titleThenHeader(lines: readonly string[], meta: WorkMetadata): HeaderEntry[] | null {
  const block = splitTitleBlock(lines);
  if (!block) return null;
  const { byline, part, rest } = block;
  if (byline) readByline(byline, meta);
  if (part) {
    const [, n = "0", of = "0"] = part;
    meta.setStatus(Number(n) >= Number(of) ? "complete" : "in-progress", { source: "inferred", evidence: part[0], confidence: 0.7 });
  }
  const entries = parseHeader(rest, false);
  if (!entries && !byline) return null;
  applyTitle(meta, block.title, byline ? 0.85 : 0.8);
  // "Title / by Author / a line about the story": that line is the summary.
  if (!entries && rest.length > 0) meta.setScalar("summary", rest.join(" "), { source: "byline", evidence: rest.join(" "), confidence: 0.5 });
  return entries ?? [];
}

/** The first lines: `Title by Author`, `Title` over `by Author`, or a lone title line over the header. */
function readTitleAndByline(block: Block, lines: readonly string[], next: Block | undefined, meta: WorkMetadata): boolean {
  const first = lines[0] ?? "";
  if (readByline(first, meta)) return lines.length === 1;
  if (lines.length === 1) {
    const titleBy = /^(.{1,150}?)\s+by\s+(\S.{0,80})$/iu.exec(first);
    if (titleBy && isTitleLike(titleBy[1] ?? "") && isNameLike(titleBy[2] ?? "")) {
      applyTitle(meta, titleBy[1] ?? "", 0.85);
      meta.addList("authors", [titleBy[2] ?? ""], { source: "byline", evidence: first, confidence: 0.85 });
      return true;
    }
    if (block.kind === "heading" && !meta.has("title")) {
      applyTitle(meta, first, 0.8);
      return true;
    }
    if (isTitleLike(first) && next && isHeaderish(next)) {
      applyTitle(meta, first, 0.8);
      return true;
    }
    return false;
  }
  if (lines.length === 2 && isTitleLike(first)) {
    const second = lines[1] ?? "";
    if (readByline(second, meta)) {
      applyTitle(meta, first, 0.85);
      return true;
    }
  }
  return false;
}

// Text copied from an Archive work page: the title over the creator's user name, with no "by".
function readTitleAndUsername(lines: readonly string[], meta: WorkMetadata): boolean {
  const [title = "", name = ""] = lines;
  if (lines.length !== 2 || !isTitleLike(title) || !/^[\w.-]{2,40}$/u.test(name)) return false;
  applyTitle(meta, title, 0.7);
  applyLabelledField(meta, "Author", name, { source: "byline", evidence: lines.join(" / "), confidence: 0.7 });
  return true;
}

function applyTitle(meta: WorkMetadata, line: string, confidence: number): void {
  applyLabelledField(meta, "title", line.replace(/^#+\s*/u, ""), { source: "byline", evidence: line, confidence });
}

/** The name in a `by Author` line, or null when the line is no byline ("By then it was over"). */
function bylineName(line: string): string | null {
  const m = /^(?:by|written by|a story by|a fic by|story by|por|par|von)\s*:?\s+(\S.{0,80})$/iu.exec(line.trim());
  return m?.[1] !== undefined && isNameLike(m[1]) ? m[1] : null;
}

function readByline(line: string, meta: WorkMetadata): boolean {
  const name = bylineName(line);
  if (name === null) return false;
  applyLabelledField(meta, "authors", name, { source: "byline", evidence: line.trim(), confidence: 0.85 });
  return true;
}

function isHeaderish(block: Block): boolean {
  if (block.kind === "break") return true;
  const lines = block.text.split("\n");
  return parseHeader(lines, false) !== null || /^(?:by|written by)\s*:?\s+/iu.test(lines[0]?.trim() ?? "");
}

function isTitleLike(line: string): boolean {
  const text = line.replace(/^#+\s*/u, "").trim();
  return text.length > 0 && hasAtMostWords(text, 14) && !/[.,;:]$/u.test(text) && !/^["“'‘—-]/u.test(text) && /\p{L}/u.test(text);
}

const NAME_PARTICLES = new Set(["de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le", "of", "and", "&", "y", "et", "und"]);

// A pen name is one token ("spikeluvr") or capitalised words ("Mara Quill", "Ana de la Cruz"), which is what
// keeps "By then it was over" a line of the story.
function isNameLike(text: string): boolean {
  const trimmed = text.trim().replace(/\s*[([<][^)\]>]*[)\]>]\s*$/u, "");
  if (!trimmed || !hasAtMostWords(trimmed, 6) || /[.!?]$/u.test(trimmed.replace(/\b[A-Z]\.$/u, ""))) return false;
  const words = trimmed.split(/\s+/u);
  return words.length === 1 || words.every((w) => /^[\p{Lu}\p{N}"“'(]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()));
}

// An unlabelled paragraph between the header and a separator (or the first chapter heading) is the summary.
function isSummaryParagraph(blocks: readonly Block[], index: number, meta: WorkMetadata): boolean {
  const block = blocks[index];
  const next = blocks[index + 1];
  // Summaries are a sentence or three; a longer paragraph is the story's opening scene, and an author's note
  // is a note.
  if (!block || block.kind !== "paragraph" || !next || !hasAtMostWords(block.text, 60) || isNoteParagraph(block.text)) return false;
  if (next.kind === "break" || isChapterStart(next.text.trim()) || opensHeadingRun(blocks, index + 1)) return true;
  const entries = parseHeader(next.text.split("\n").map((l) => l.trim()), true);
  return entries !== null && !namesAnotherTitle(entries, meta);
}
