/**
 * Splits a story's blocks into chapters at their headings, and numbers them: by position, or from the number the
 * file starts at when it holds a later part of a longer work (`Chapters 25-26`, or headings starting at 25).
 */
import { blockText, paragraph, type Block } from "../document.js";
import { readChapterHeading, type ChapterHeading } from "./headings.js";

export interface ChapterSection {
  number: number;
  heading: ChapterHeading | null;
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
      return { before: [], chapters: [{ number: range.heading.number ?? 1, heading: null, blocks: body(0, blocks.length) }] };
    }
    return { before: [...blocks], chapters: [] };
  }
  const first = boundaries[0]?.index ?? 0;
  const chapters = boundaries.map((c, k): ChapterSection => ({
    number: k + 1,
    heading: c.heading,
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
  blocks.forEach((block, index) => {
    if (block.kind === "break" || block.text.includes("\n")) return;
    const heading = readChapterHeading(block.text);
    if (heading) found.push({ index, heading, text: block.text });
    else if (block.kind === "heading" && block.level <= 4) {
      unmatchedHeadings.push({ index, heading: { number: null, title: block.text.trim(), strength: "weak" }, text: block.text });
    }
  });
  const strong = found.filter((c) => c.heading.strength === "strong");
  if (strong.length > 0) return strong;
  const weak = found.filter((c) => c.heading.strength === "weak");
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

function numberingOffset(chapters: readonly ChapterSection[], rangeStart: number | null): number {
  if (rangeStart !== null && rangeStart > 1) return rangeStart - 1;
  const first = chapters[0]?.heading?.number ?? null;
  if (first === null || first <= 1) return 0;
  const offset = first - 1;
  const consistent = chapters.every((c) => c.heading?.number == null || c.heading.number === c.number + offset);
  return consistent ? offset : 0;
}
