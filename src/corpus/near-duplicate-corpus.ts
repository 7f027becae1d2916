/**
 * A corpus of story texts with near-duplicates planted in it, for measuring how well they are found. Works come
 * in twos: work 2k is a generated story (planWork), and work 2k + 1 is, with probability 2 × plantedRate, a
 * variant of it, else another generated story. So every planted pair is known, no story has two variants, and
 * any story can be made again from its index alone (the benchmark keeps only signatures, and remakes the texts
 * of the few pairs it counts exactly).
 *
 * Every variant is the story as a second archive kept it: lines re-wrapped, quotes swapped between straight and
 * curly, a header left at the top of the text. Each kind then changes it one way more.
 */
import { END_NOTES, LEADING_NOTES } from "./vocabulary/notes.js";
import { planWork } from "./plan-work.js";
import { castOf, ProseWriter, SCENE_BREAK } from "./prose.js";
import { createRandom, type Random } from "./random.js";
import type { SyntheticWork } from "./synthetic-work.js";

export const VARIANT_KINDS = ["reformatted", "typos", "chapter-added", "chapter-removed", "notes-added"] as const;
/**
 * - reformatted: nothing more than the second archive's formatting.
 * - typos: one word in 25 to one in 200 misspelt (a letter dropped, doubled or swapped with the next).
 * - chapter-added: a new chapter as long as the story's chapters on average (a later version).
 * - chapter-removed: the last chapter gone, or a one-shot's last third (an earlier version).
 * - notes-added: an author's note before and after every chapter, in the text.
 */
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface CorpusStory {
  /** The chapters' text, paragraphs separated by a blank line. */
  chapters: string[];
  /** For a planted variant: the index of the story it copies, and how it differs. */
  variant: { of: number; kind: VariantKind } | null;
}

const WORK_STREAM = 1;
const ROLE_STREAM = 2;
const VARIANT_STREAM = 3;

export interface NearDuplicateCorpus {
  size: number;
  /** The story at an index from 0 to size − 1, the same every time. */
  story(index: number): CorpusStory;
  /** The planted pairs by index, with how the variant differs. */
  plantedPairs(): { original: number; variant: number; kind: VariantKind }[];
}

export function nearDuplicateCorpus(options: { works: number; seed: number; plantedRate: number }): NearDuplicateCorpus {
  const { works: size, seed, plantedRate } = options;
  const isVariant = (index: number) => index % 2 === 1 && createRandom([seed, index, ROLE_STREAM]).float() < 2 * plantedRate;
  const generated = (index: number) => planWork(createRandom([seed, index, WORK_STREAM])).work;
  // The kind is the variant stream's first draw: known without making the story.
  const variantStream = (index: number) => {
    const random = createRandom([seed, index, VARIANT_STREAM]);
    return { random, kind: random.pick(VARIANT_KINDS) };
  };
  return {
    size,
    story(index) {
      if (!isVariant(index)) return { chapters: chapterTexts(generated(index)), variant: null };
      const { random, kind } = variantStream(index);
      return { chapters: deriveVariant(generated(index - 1), kind, random), variant: { of: index - 1, kind } };
    },
    plantedPairs() {
      const pairs: { original: number; variant: number; kind: VariantKind }[] = [];
      for (let index = 1; index < size; index += 2) if (isVariant(index)) pairs.push({ original: index - 1, variant: index, kind: variantStream(index).kind });
      return pairs;
    },
  };
}

/** A work's chapters as stored text: paragraphs joined by blank lines, a scene break as `* * *`. */
export function chapterTexts(work: SyntheticWork): string[] {
  return work.chapters.map((c) => joinParagraphs(c.paragraphs));
}

function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => (p === SCENE_BREAK ? "* * *" : p)).join("\n\n");
}

/** The work as a second archive kept it, changed as `kind` says. */
export function deriveVariant(work: SyntheticWork, kind: VariantKind, random: Random): string[] {
  let chapters = work.chapters.map((c) => [...c.paragraphs]);
  switch (kind) {
    case "reformatted":
      break;
    case "typos": {
      const rate = 0.005 + random.float() * 0.035;
      chapters = chapters.map((paragraphs) => paragraphs.map((p) => withTypos(p, rate, random)));
      break;
    }
    case "chapter-added": {
      const words = Math.max(100, Math.round(work.wordCount / work.chapters.length));
      const writer = new ProseWriter(random, castOf(work.characters), { typography: work.typography, emphasis: false });
      chapters.push(writer.chapter(words));
      break;
    }
    case "chapter-removed":
      if (chapters.length > 1) chapters.pop();
      else chapters = chapters.map((paragraphs) => paragraphs.slice(0, Math.max(1, Math.ceil((paragraphs.length * 2) / 3))));
      break;
    case "notes-added":
      chapters = chapters.map((paragraphs) => [`A/N: ${random.pick(LEADING_NOTES)}`, ...paragraphs, `A/N: ${random.pick(END_NOTES)}`]);
      break;
  }
  const header = `Title: ${work.title}\nAuthor: ${work.authors.join(" & ")}\nRating: ${work.rating}\n\n`;
  return chapters.map((paragraphs, index) => `${index === 0 ? header : ""}${rewrap(swapQuotes(joinParagraphs(paragraphs)))}`);
}

/** Each word misspelt with probability `rate`: a letter dropped, doubled, or swapped with the next. */
function withTypos(paragraph: string, rate: number, random: Random): string {
  return paragraph.replace(/[A-Za-z]{3,}/gu, (word) => {
    if (!random.chance(rate)) return word;
    const at = random.below(word.length - 1);
    const how = random.below(3);
    if (how === 0) return word.slice(0, at) + word.slice(at + 1);
    if (how === 1) return word.slice(0, at + 1) + word.slice(at);
    return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  });
}

function swapQuotes(text: string): string {
  if (/[\u201c\u201d\u2019]/u.test(text)) return text.replace(/[\u201c\u201d]/gu, '"').replace(/\u2019/gu, "'");
  return text.replace(/"([^"\n]*)"/gu, "\u201c$1\u201d").replace(/'/gu, "\u2019");
}

/** Lines broken at about 72 columns, as mailing-list archives kept stories. */
function rewrap(text: string): string {
  return text.split("\n\n").map((p) => p.replace(/(.{1,72})(?: |$)/gu, "$1\n").trimEnd()).join("\n\n");
}
