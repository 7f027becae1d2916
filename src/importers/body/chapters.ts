/**
 * Splits a story's blocks into chapters at their headings, and numbers them: by position, or from the number the
 * file starts at when it holds a later part of a longer work (`Chapters 25-26`, or headings starting at 25).
 */
import { blockText, paragraph, type Block } from "../document.js";
import { isRomanNumeralHeading, readChapterHeading, type ChapterHeading } from "./headings.js";

export interface ChapterSection {
  number: number;
  heading: ChapterHeading | null;
  /** The heading's line as written, for evidence. */
  headingText: string | null;
  blocks: Block[];
}

export interface SplitStory {
  /** What stands before the first heading: the whole story when there are no headings. */
  before: Block[];
  chapters: ChapterSection[];
}

interface Candidate {
  index: number;
  heading: ChapterHeading;
  text: string;
}

export function splitChapters(input: readonly Block[]): SplitStory {
  const blocks = separateHeadingLines(input);
  const candidates = dropTableOfContents(blocks, findHeadings(blocks));
  const range = candidates.find((c) => c.heading.rangeEnd !== undefined);
  const boundaries = candidates.filter((c) => c.heading.rangeEnd === undefined);
  const skip = new Set([...candidates.map((c) => c.index), ...tocIndexes(blocks, candidates)]);
  const body = (from: number, to: number) => blocks.slice(from, to).filter((_b, k) => !skip.has(from + k));

  if (boundaries.length === 0) {
    // A range line with no chapter headings after it: the whole text is that first chapter.
    if (range) {
      return { before: [], chapters: [{ number: range.heading.number ?? 1, heading: null, headingText: null, blocks: body(0, blocks.length) }] };
    }
    return { before: [...blocks], chapters: [] };
  }
  const first = boundaries[0]?.index ?? 0;
  const chapters = boundaries.map((c, k): ChapterSection => ({
    number: k + 1,
    heading: c.heading,
    headingText: c.text,
    blocks: body(c.index + 1, boundaries[k + 1]?.index ?? blocks.length),
  }));
  const offset = numberingOffset(chapters, range?.heading.number ?? null);
  for (const chapter of chapters) chapter.number += offset;
  return { before: body(0, first), chapters };
}

// "Chapter 2\nIt was raining…" with no blank line after the heading: the heading becomes its own block.
function separateHeadingLines(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.kind !== "paragraph" || !block.text.includes("\n")) return [block];
    const [firstLine = "", ...rest] = block.text.split("\n");
    const heading = readChapterHeading(firstLine);
    if (!heading || heading.strength !== "strong" || rest.every((l) => readChapterHeading(l))) return [block];
    const restHtml = block.html.split("<br>").slice(1).join("<br>");
    return [paragraph(firstLine), paragraph(rest.join("\n"), restHtml, block.centered)];
  });
}

function findHeadings(blocks: readonly Block[]): Candidate[] {
  const found: Candidate[] = [];
  const unmatchedHeadings: Candidate[] = [];
  const romanBreaks: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (block.kind === "break") {
      const heading = romanBreakHeading(block);
      if (heading) romanBreaks.push({ index, heading, text: block.evidence });
      return;
    }
    if (block.text.includes("\n")) return;
    const heading = readChapterHeading(block.text);
    if (heading) found.push({ index, heading, text: block.text });
    else if (block.kind === "heading" && block.level <= 4) {
      unmatchedHeadings.push({ index, heading: { number: null, title: block.text.trim(), strength: "weak" }, text: block.text });
    }
  });
  const strong = found.filter((c) => c.heading.strength === "strong");
  if (strong.length > 0) return strong;
  const weak = withRomanBreaks(blocks, found.filter((c) => c.heading.strength === "weak"), romanBreaks);
  if (isNumberedSequence(weak)) return weak;
  // Headings in an HTML file that follow no chapter pattern ("<h2>The Crossing</h2>") still divide chapters
  // when there are several of them at one level.
  const levels = new Map<number, Candidate[]>();
  for (const c of unmatchedHeadings) {
    const level = (blocks[c.index] as Extract<Block, { kind: "heading" }>).level;
    levels.set(level, [...(levels.get(level) ?? []), c]);
  }
  const byLevel = [...levels.values()].filter((group) => group.length >= 2).sort((a, b) => b.length - a.length)[0];
  return byLevel ?? [];
}

// "XXX" is a scene break in many files and chapter thirty in others; the scene-break reading came first, so the
// line is a break block here, with the line as its evidence.
function romanBreakHeading(block: Extract<Block, { kind: "break" }>): ChapterHeading | null {
  return isRomanNumeralHeading(block.evidence) ? readChapterHeading(block.evidence) : null;
}

/**
 * Adds to a run of roman-numeral headings the "XXX" lines that continue it: one between "XXIX" and "XXXI" (or
 * after a final "XXIX"), and, in a file that starts at chapter thirty, the first before "XXXI". Every other "XXX"
 * stays a scene break. When an author who writes "XXX" for scene breaks leaves several in that gap, the heading is
 * the one that makes chapters twenty-nine and thirty nearest the run's usual length. Returns file order.
 */
function withRomanBreaks(blocks: readonly Block[], weak: readonly Candidate[], romanBreaks: readonly Candidate[]): Candidate[] {
  const first = weak[0];
  if (romanBreaks.length === 0 || !first) return [...weak];
  // Characters before each block, so that the length of any stretch of the story is one subtraction.
  const offsets = [0];
  for (const block of blocks) offsets.push((offsets.at(-1) ?? 0) + blockText(block).length);
  const length = (from: number, to: number) => (offsets[to] ?? 0) - (offsets[from] ?? 0);
  const usual = median(weak.slice(1).map((c, k) => length(weak[k]?.index ?? 0, c.index)));
  let r = 0;
  const breaksBefore = (index: number): Candidate[] => {
    const found: Candidate[] = [];
    for (let c = romanBreaks[r]; c !== undefined && c.index < index; c = romanBreaks[r]) {
      found.push(c);
      r += 1;
    }
    return found;
  };
  const numbered = (c: Candidate, n: number | null) => n !== null && c.heading.number === n && isRomanNumeralHeading(c.text);

  const opening = breaksBefore(first.index).find((c) => numbered(first, (c.heading.number ?? 0) + 1));
  const merged: Candidate[] = opening ? [opening] : [];
  weak.forEach((current, k) => {
    merged.push(current);
    const next = weak[k + 1];
    const end = next?.index ?? blocks.length;
    const gap = breaksBefore(end).filter((c) => numbered(current, (c.heading.number ?? 0) - 1));
    const cost = (c: Candidate) => Math.abs(length(current.index, c.index) - usual) + Math.abs(length(c.index, end) - usual);
    const chosen = gap.length > 1 && usual > 0 ? gap.reduce((best, c) => (cost(c) < cost(best) ? c : best)) : gap[0];
    if (chosen) merged.push(chosen);
  });
  return merged;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function isNumberedSequence(candidates: readonly Candidate[]): boolean {
  if (candidates.length < 2) return false;
  return candidates.every((c, k) => k === 0 || c.heading.number === (candidates[k - 1]?.heading.number ?? 0) + 1);
}

// A table of contents lists the headings before the story repeats them: headings with nothing between them,
// at the top, whose text comes again later. Those entries are navigation, not empty chapters.
function dropTableOfContents(blocks: readonly Block[], candidates: readonly Candidate[]): Candidate[] {
  const key = (c: Candidate) => c.text.trim().toLowerCase().replace(/\s+/gu, " ");
  // Where each heading text last appears, so that "is it repeated later?" is one lookup.
  const lastIndexOfKey = new Map(candidates.map((c, k) => [key(c), k]));
  let tocEnd = 0;
  while (tocEnd < candidates.length - 1) {
    const current = candidates[tocEnd];
    const next = candidates[tocEnd + 1];
    if (!current || !next) break;
    const between = blocks.slice(current.index + 1, next.index).filter((b) => blockText(b).trim().length > 0);
    const repeated = (lastIndexOfKey.get(key(current)) ?? 0) > tocEnd;
    if (between.length > 0 || !repeated) break;
    tocEnd += 1;
  }
  return tocEnd >= 2 ? candidates.slice(tocEnd) : [...candidates];
}

// The "Contents" title over a dropped table of contents, and paragraphs that list several headings at once.
function tocIndexes(blocks: readonly Block[], kept: readonly Candidate[]): number[] {
  const firstKept = kept[0]?.index ?? blocks.length;
  const indexes: number[] = [];
  blocks.slice(0, firstKept).forEach((block, index) => {
    const text = blockText(block).trim();
    const lines = text.split("\n");
    const listsHeadings = lines.length >= 2 && lines.every((l) => readChapterHeading(l) !== null);
    const tocTitle = /^(?:table of )?contents:?$|^índice:?$|^sommaire:?$|^inhalt(?:sverzeichnis)?:?$|^indice:?$/iu.test(text);
    const droppedHeading = readChapterHeading(text) !== null && block.kind !== "break";
    if (listsHeadings || tocTitle || droppedHeading) indexes.push(index);
  });
  return indexes;
}

/**
 * Whether the block at `index` is a weak heading (`1. Cellar`, `IV`, an `XXX` line) that the next heading below
 * it continues (`2. Lanterns`, `V`, `XXXI`): the first heading of a numbered run, where the story starts. Reads on
 * only to that next heading.
 */
export function opensHeadingRun(blocks: readonly Block[], index: number): boolean {
  const block = blocks[index];
  const heading = block ? headingOf(block) : null;
  if (heading?.strength !== "weak" || heading.number === null) return false;
  for (let k = index + 1; k < blocks.length; k += 1) {
    const below = blocks[k];
    const next = below ? headingOf(below) : null;
    const continues = next?.number === heading.number + 1;
    // An "XXX" that does not continue the run is a scene break: read on past it.
    if (next && (continues || below?.kind !== "break")) return continues;
  }
  return false;
}

function headingOf(block: Block): ChapterHeading | null {
  if (block.kind === "break") return romanBreakHeading(block);
  return block.text.includes("\n") ? null : readChapterHeading(block.text);
}

function numberingOffset(chapters: readonly ChapterSection[], rangeStart: number | null): number {
  if (rangeStart !== null && rangeStart > 1) return rangeStart - 1;
  const first = chapters[0]?.heading?.number ?? null;
  if (first === null || first <= 1) return 0;
  const offset = first - 1;
  const consistent = chapters.every((c) => c.heading?.number == null || c.heading.number === c.number + offset);
  return consistent ? offset : 0;
}
