/**
 * Plans one synthetic work: its file layout, its metadata drawn from realistic distributions, and its story text.
 *
 * The distributions, and why:
 * - Length is log-normal around a median of 5,000 words (the Archive's works have a long tail: drabbles of a
 *   hundred words, novels of hundreds of thousands), floored at 100 and capped at 300,000.
 * - Chapters follow length: most short works are one-shots; a long work has chapters of about 3,000 words, up to 60.
 * - Fandoms, characters, tags and authors are Zipf-distributed; one work in ten is a crossover of two fandoms.
 * - Ratings, warnings and categories are weighted roughly as on the Archive.
 */
import { CATEGORIES, type Category } from "../domain/categories.js";
import type { Rating } from "../domain/rating.js";
import { ARCHIVE_WARNINGS, DEFAULT_WARNING, type ArchiveWarning } from "../domain/warnings.js";
import type { SeriesMembership, WorkStatus } from "../domain/work.js";
import { FANDOMS, FANDOM_TABLE, GENRES, TAGS, TAG_TABLE, type Character, type Fandom } from "./catalogue.js";
import { chapterTitle, penName, seriesName, workTitle } from "./names.js";
import { castOf, ProseWriter, type Typography } from "./prose.js";
import { weighted, type Random } from "./random.js";
import { sampleLargeZipf } from "./zipf.js";
import type { FileLayout, Layout, SyntheticChapter, SyntheticWork, TextEncoding } from "./synthetic-work.js";
import { END_NOTES, LEADING_NOTES } from "./vocabulary/notes.js";

const MEDIAN_WORDS = 5000;
const WORDS_SIGMA = 1.1;
const MIN_WORDS = 100;
const MAX_WORDS = 300_000;
const MAX_CHAPTERS = 60;
/** Potential authors; the Zipf draw makes a few of them prolific and most of them write once. */
const AUTHOR_POOL = 1_000_000;
const AUTHOR_EXPONENT = 0.75;
const SUMMARY_MAX_WORDS = 50;
const FIRST_DAY = Date.UTC(1998, 0, 1);
const DAY_MS = 86_400_000;

const LAYOUTS: readonly (readonly [Layout, number])[] = [
  ["text", 42], ["markdown", 10], ["html-personal", 12], ["html-ao3", 18], ["epub2", 9], ["epub3", 9],
];

const TEXT_ENCODINGS: readonly (readonly [TextEncoding, number])[] = [["utf-8", 55], ["utf-8-bom", 12], ["windows-1252", 21], ["utf-16le-bom", 12]];

const RATINGS: readonly (readonly [Rating, number])[] = [
  ["Not Rated", 10], ["General Audiences", 27], ["Teen And Up Audiences", 30], ["Mature", 17], ["Explicit", 16],
];

const MAIN_CATEGORIES: readonly (readonly [Category, number])[] = [["Gen", 28], ["M/M", 32], ["F/M", 24], ["F/F", 9], ["Multi", 5], ["Other", 2]];

const SPECIFIC_WARNINGS: readonly (readonly [ArchiveWarning, number])[] = [
  ["Graphic Depictions Of Violence", 50], ["Major Character Death", 30], ["Rape/Non-Con", 12], ["Underage Sex", 8],
];

/** A work and the layout of its file. */
export interface PlannedWork {
  work: SyntheticWork;
  file: FileLayout;
}

/** Plans a whole work, story text included, from its own random stream. */
export function planWork(random: Random): PlannedWork {
  const file = planFile(random);
  const typography: Typography = file.encoding === "windows-1252" || random.chance(0.4) ? "curly" : "straight";
  const fandoms = pickFandoms(random);
  const cast = pickCast(random, fandoms);
  const categories = pickCategories(random);
  const relationships = pickRelationships(random, cast, categories);
  const targetWords = Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, Math.exp(Math.log(MEDIAN_WORDS) + WORDS_SIGMA * random.normal()))));
  const chapterCount = pickChapterCount(random, targetWords);
  const status = pickStatus(random, chapterCount, file.layout);
  const writer = new ProseWriter(random, castOf(cast.map((c) => c.proseName)), { typography, emphasis: file.layout === "text" || file.layout === "markdown" });
  const chapters = writeChapters(random, writer, targetWords, chapterCount);
  const archiveIsStrict = file.layout === "html-ao3";

  const work: SyntheticWork = {
    title: workTitle(random),
    authors: pickAuthors(random),
    fandoms: fandoms.map((f) => f.name),
    rating: weighted(random, RATINGS),
    warnings: pickWarnings(random),
    // A file may leave categories unstated; the Archive's download always states what the work has.
    categories: archiveIsStrict || random.chance(0.75) ? categories : [],
    relationships,
    characters: archiveIsStrict || random.chance(0.85) ? cast.map((c) => c.name) : [],
    freeforms: pickFreeforms(random),
    summary: random.chance(0.88) ? writeSummary(random, cast) : null,
    status,
    series: random.chance(0.08) ? pickSeries(random, archiveIsStrict || file.layout === "epub2" || file.layout === "epub3") : null,
    published: new Date(FIRST_DAY + random.below(8000) * DAY_MS).toISOString().slice(0, 10),
    chapters,
    wordCount: chapters.reduce((sum, c) => sum + c.wordCount, 0),
    typography,
    archiveId: random.between(100_000, 49_999_999),
  };
  return { work, file };
}

function planFile(random: Random): FileLayout {
  const layout = weighted(random, LAYOUTS);
  switch (layout) {
    case "text":
      return { layout, encoding: weighted(random, TEXT_ENCODINGS), crlf: random.chance(0.3) };
    case "markdown":
      return { layout, encoding: random.chance(0.15) ? "utf-8-bom" : "utf-8", crlf: random.chance(0.2) };
    case "html-personal":
      return { layout, encoding: random.chance(0.25) ? "windows-1252" : "utf-8", crlf: random.chance(0.2) };
    default:
      return { layout, encoding: "utf-8", crlf: false };
  }
}

function pickFandoms(random: Random): Fandom[] {
  const first = fandomAt(FANDOM_TABLE.sample(random));
  if (!random.chance(0.1)) return [first];
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const second = fandomAt(FANDOM_TABLE.sample(random));
    if (second.name !== first.name) return [first, second];
  }
  return [first];
}

function fandomAt(rank: number): Fandom {
  const fandom = FANDOMS[rank] ?? FANDOMS[0];
  if (!fandom) throw new Error("the fandom catalogue is empty");
  return fandom;
}

/** 2 to 6 distinct characters; a crossover brings at least one from each side. */
function pickCast(random: Random, fandoms: readonly Fandom[]): Character[] {
  const size = weighted(random, [[2, 30], [3, 30], [4, 20], [5, 12], [6, 8]]);
  const cast: Character[] = [];
  const taken = new Set<string>();
  for (let attempt = 0; cast.length < size && attempt < size * 6; attempt += 1) {
    // Alternate sides in a crossover for the first two picks, then draw from either.
    const fandom = fandoms[cast.length < fandoms.length ? cast.length : random.below(fandoms.length)] ?? fandoms[0];
    if (!fandom) break;
    const character = fandom.characters[fandom.characterTable.sample(random)];
    if (!character || taken.has(character.name.toLowerCase())) continue;
    taken.add(character.name.toLowerCase());
    cast.push(character);
  }
  return cast;
}

function pickCategories(random: Random): Category[] {
  const main = weighted(random, MAIN_CATEGORIES);
  const found = new Set<Category>([main]);
  if (main !== "Gen" && random.chance(0.1)) found.add(weighted(random, MAIN_CATEGORIES.filter(([c]) => c !== "Gen" && c !== main)));
  return CATEGORIES.filter((c) => found.has(c));
}

/** Romantic pairings (`A/B`) for romantic categories, platonic ones (`A & B`) now and then. */
function pickRelationships(random: Random, cast: readonly Character[], categories: readonly Category[]): string[] {
  const [a, b, c, d] = cast;
  if (!a || !b) return [];
  const relationships: string[] = [];
  const romantic = categories.some((category) => category !== "Gen");
  if (romantic) {
    relationships.push(categories.includes("Multi") && c ? `${a.name}/${b.name}/${c.name}` : `${a.name}/${b.name}`);
    if (c && d && random.chance(0.25)) relationships.push(`${c.name}/${d.name}`);
    if (c && random.chance(0.15)) relationships.push(`${a.name} & ${c.name}`);
  } else if (random.chance(0.5)) {
    relationships.push(`${a.name} & ${b.name}`);
  }
  return relationships;
}

function pickChapterCount(random: Random, words: number): number {
  const oneShot = words < 2000 ? 0.92 : words < 6000 ? 0.7 : words < 15_000 ? 0.35 : words < 40_000 ? 0.1 : 0.03;
  if (words < 200 || random.chance(oneShot)) return 1;
  const chapterLength = Math.exp(Math.log(3000) + 0.5 * random.normal());
  return Math.max(2, Math.min(MAX_CHAPTERS, Math.floor(words / 100), Math.round(words / chapterLength)));
}

/** Whether the work is finished, as its file tells it; "unknown" when the file does not say. */
function pickStatus(random: Random, chapters: number, layout: Layout): WorkStatus {
  const finished = chapters === 1 ? random.chance(0.97) : random.chance(0.7);
  // The Archive's download always states the chapter count as "3/3" or "3/?"; other files often say nothing.
  if (layout !== "html-ao3" && random.chance(0.3)) return "unknown";
  return finished ? "complete" : "in-progress";
}

function pickWarnings(random: Random): ArchiveWarning[] {
  const kind = random.float();
  if (kind < 0.38) return [DEFAULT_WARNING];
  if (kind < 0.78) return ["No Archive Warnings Apply"];
  const found = new Set<ArchiveWarning>([weighted(random, SPECIFIC_WARNINGS)]);
  if (random.chance(0.2)) found.add(weighted(random, SPECIFIC_WARNINGS));
  return ARCHIVE_WARNINGS.filter((w) => found.has(w));
}

/** Up to eight distinct tags, genres first. */
function pickFreeforms(random: Random): string[] {
  const count = weighted(random, [[0, 12], [1, 12], [2, 14], [3, 14], [4, 14], [5, 12], [6, 10], [7, 7], [8, 5]]);
  const picked = new Set<string>();
  for (let attempt = 0; picked.size < count && attempt < count * 4; attempt += 1) {
    const tag = TAGS[TAG_TABLE.sample(random)];
    if (tag) picked.add(tag);
  }
  const tags = [...picked];
  return [...tags.filter((t) => GENRES.has(t)), ...tags.filter((t) => !GENRES.has(t))];
}

function pickAuthors(random: Random): string[] {
  const first = penName(sampleLargeZipf(random, AUTHOR_POOL, AUTHOR_EXPONENT));
  if (!random.chance(0.05)) return [first];
  const second = penName(sampleLargeZipf(random, AUTHOR_POOL, AUTHOR_EXPONENT));
  return second.toLowerCase() === first.toLowerCase() ? [first] : [first, second];
}

/** A series part is known in the Archive's download and in EPUBs (calibre's series index); other headers may name only the series. */
function pickSeries(random: Random, partAlwaysKnown: boolean): SeriesMembership {
  return { name: seriesName(random), part: partAlwaysKnown || random.chance(0.8) ? random.between(1, 6) : null };
}

/** One to three sentences about the cast, at most 50 words, with no dialogue or emphasis. */
function writeSummary(random: Random, cast: readonly Character[]): string {
  const writer = new ProseWriter(random, castOf(cast.map((c) => c.proseName)), { typography: "straight", emphasis: false });
  const sentences = [writer.sentence()];
  const wanted = random.between(1, 3);
  while (sentences.length < wanted) {
    const before = writer.words;
    const next = writer.sentence();
    if (writer.words > SUMMARY_MAX_WORDS) {
      writer.words = before;
      break;
    }
    sentences.push(next);
  }
  return sentences.join(" ");
}

function writeChapters(random: Random, writer: ProseWriter, targetWords: number, count: number): SyntheticChapter[] {
  const titled = random.chance(0.55);
  const notesOften = random.chance(0.35) ? 0.4 : 0.05;
  const chapters: SyntheticChapter[] = [];
  for (let i = 0; i < count; i += 1) {
    // Chapters vary in length around an even share; a one-shot is exactly as long as planned.
    const share = count === 1 ? targetWords : (targetWords / count) * (0.7 + 0.6 * random.float());
    const before = writer.words;
    const paragraphs = writer.chapter(Math.max(30, Math.round(share)));
    chapters.push({
      title: titled ? chapterTitle(random) : null,
      paragraphs,
      notes: random.chance(notesOften) ? random.pick(LEADING_NOTES) : null,
      endNotes: random.chance(notesOften) ? random.pick(END_NOTES) : null,
      // The sum of the pieces' counts, which is the Archive's count of the text (see prose.ts; the tests check
      // it against countWords): counting the text again would take most of the generation time.
      wordCount: writer.words - before,
    });
  }
  return chapters;
}
