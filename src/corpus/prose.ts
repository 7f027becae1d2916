/**
 * Original synthetic prose: sentences assembled from precomputed pieces of a hand-written English vocabulary,
 * with the work's characters as subjects and speakers. Nothing is copied from any published text.
 *
 * Speed comes from the pieces: predicates ("turned the old lamp toward the window"), dialogue lines and subjects
 * are built once, when the module loads, from Zipf-weighted word lists (so term frequencies look like English),
 * and a story is only a few choices and string joins per sentence — no work per character.
 *
 * Word counts come from the pieces too. Each piece is counted once with `countWords`, the Archive's count, and
 * pieces join only with spaces and punctuation that count as no word and glue no words together (an em dash, or
 * ` -- ` with its spaces, since the Archive ignores hyphens), so a paragraph's count is the sum of its pieces'.
 * Counting the finished text again would take most of the generation time; the tests check that the sums match.
 */
import { countWords } from "../domain/word-count.js";
import { createRandom, type Random } from "./random.js";
import { ZipfTable } from "./zipf.js";
import {
  ADJECTIVES, ADVERBS, DETERMINERS, INTRANSITIVE_VERBS, NOUNS, OPENERS, PREPOSITIONS, PRONOUNS, QUESTION_VERBS,
  SPEECH_VERBS, TRANSITIVE_VERBS, UTTERANCES,
} from "./vocabulary/english.js";

/** A chapter's paragraphs; this value in the list marks a scene break. */
export const SCENE_BREAK = "";

/** Straight quotes and `--` (as typed on old keyboards), or curly quotes, `—` and `…` (as a word processor sets them). */
export type Typography = "straight" | "curly";

interface Piece {
  text: string;
  words: number;
}

interface DialoguePiece {
  /** The quoted line with its closing punctuation, before the speaker: `"We should go back,"`. */
  quoted: string;
  words: number;
  question: boolean;
}

const POOL_SEED = 0x9e0e;
const PREDICATE_POOL = 8192;
const SUBJECT_POOL = 512;

function zipfPicker(words: readonly string[], exponent = 1.0): (random: Random) => string {
  const table = new ZipfTable(words.length, exponent);
  return (random) => words[table.sample(random)] ?? "";
}

function buildPredicates(): Piece[] {
  const random = createRandom([POOL_SEED, 1]);
  const noun = zipfPicker(NOUNS);
  const adjective = zipfPicker(ADJECTIVES);
  const verb = zipfPicker(TRANSITIVE_VERBS);
  const intransitive = zipfPicker(INTRANSITIVE_VERBS);
  const adverb = zipfPicker(ADVERBS);
  const preposition = zipfPicker(PREPOSITIONS);
  const determiner = zipfPicker(DETERMINERS, 0.8);
  const object = () => {
    const det = determiner(random);
    const adj = random.chance(0.4) ? adjective(random) : null;
    const head = adj === null ? noun(random) : `${adj} ${noun(random)}`;
    // "an old" already has its adjective; "a" becomes "an" before a vowel.
    if (det === "an old") return adj === null ? `an old ${head}` : `a ${head}`.replace(/^a (?=[aeiou])/u, "an ");
    return `${det} ${head}`.replace(/^a (?=[aeiou])/u, "an ");
  };
  const pieces: Piece[] = [];
  for (let i = 0; i < PREDICATE_POOL; i += 1) {
    const shape = random.below(5);
    let text: string;
    if (shape === 0) text = `${adverb(random)} ${verb(random)} ${object()}`;
    else if (shape === 1) text = `${verb(random)} ${object()} ${preposition(random)} ${object()}`;
    else if (shape === 2) text = `${intransitive(random)}${random.chance(0.5) ? ` ${preposition(random)} ${object()}` : ""}`;
    else if (shape === 3) text = `${verb(random)} ${object()}${random.chance(0.4) ? ` ${adverb(random)}` : ""}`;
    else text = `${intransitive(random)} and ${verb(random)} ${object()}`;
    pieces.push({ text, words: countWords(text) });
  }
  return pieces;
}

function buildSubjects(): Piece[] {
  const random = createRandom([POOL_SEED, 2]);
  const noun = zipfPicker(NOUNS);
  const adjective = zipfPicker(ADJECTIVES);
  const pieces: Piece[] = [];
  for (let i = 0; i < SUBJECT_POOL; i += 1) {
    const text = `The ${random.chance(0.3) ? `${adjective(random)} ` : ""}${noun(random)}`;
    pieces.push({ text, words: countWords(text) });
  }
  return pieces;
}

const QUESTION = /^(?:where|what|how|are|whose|who|why|is|do|did|can)\b/iu;

function buildDialogue(typography: Typography): DialoguePiece[] {
  return UTTERANCES.map((line) => {
    const spoken = typography === "curly" ? line.replace(/'/gu, "’") : line;
    const mark = QUESTION.test(line) ? "?" : ",";
    const quoted = typography === "curly" ? `“${spoken}${mark}”` : `"${spoken}${mark}"`;
    return { quoted, words: countWords(spoken), question: mark === "?" };
  });
}

const PREDICATES = buildPredicates();
const SUBJECTS = buildSubjects();
const DIALOGUE: Readonly<Record<Typography, readonly DialoguePiece[]>> = { straight: buildDialogue("straight"), curly: buildDialogue("curly") };
const OPENER_PIECES: readonly Piece[] = OPENERS.map((text) => ({ text, words: countWords(text) }));
const SPEECH_PIECES: readonly Piece[] = SPEECH_VERBS.map((text) => ({ text, words: countWords(text) }));
const QUESTION_PIECES: readonly Piece[] = QUESTION_VERBS.map((text) => ({ text, words: countWords(text) }));

/** Who a story is about: the names its sentences use, most prominent first. */
export interface Cast {
  names: readonly string[];
  table: ZipfTable;
}

/** A cast from prose names, most prominent first (drawn Zipf, so the leads speak most). */
export function castOf(proseNames: readonly string[]): Cast {
  return { names: proseNames, table: new ZipfTable(Math.max(1, proseNames.length), 0.8) };
}

/** How a work's prose is typeset. */
export interface ProseStyle {
  typography: Typography;
  /** Whether a predicate may be set in `*emphasis*` (plain text and Markdown), which does not change word counts. */
  emphasis: boolean;
}

/** Writes sentences and paragraphs for one work, keeping a running word count. */
export class ProseWriter {
  private readonly nameWords: readonly number[];
  private readonly dialogue: readonly DialoguePiece[];
  private readonly joiner: string;
  /** Words written since the counter was last reset. */
  words = 0;

  constructor(
    private readonly random: Random,
    private readonly cast: Cast,
    private readonly style: ProseStyle,
  ) {
    this.nameWords = cast.names.map(countWords);
    this.dialogue = DIALOGUE[style.typography];
    // An em dash joins two predicates; typed as " -- " with spaces, so that the hyphens (which the Archive's count
    // ignores) do not glue the words on either side into one.
    this.joiner = style.typography === "curly" ? "—" : " -- ";
  }

  /** A character's name, the most prominent most often. */
  private name(): [string, number] {
    const k = this.cast.table.sample(this.random);
    return [this.cast.names[k] ?? "Someone", this.nameWords[k] ?? 1];
  }

  private predicate(): Piece {
    return this.random.pick(PREDICATES);
  }

  /** One narrative sentence. */
  sentence(): string {
    const random = this.random;
    let subject: string;
    let subjectWords: number;
    let lowerSubject: string;
    const who = random.float();
    if (who < 0.5 && this.cast.names.length > 0) {
      [subject, subjectWords] = this.name();
      lowerSubject = subject;
    } else if (who < 0.8) {
      const [upper, lower] = random.pick(PRONOUNS);
      subject = upper;
      lowerSubject = lower;
      subjectWords = 1;
    } else {
      const piece = random.pick(SUBJECTS);
      subject = piece.text;
      lowerSubject = `the${piece.text.slice(3)}`;
      subjectWords = piece.words;
    }
    const first = this.predicate();
    let words = subjectWords + first.words;
    let text: string;
    const shape = random.float();
    if (shape < 0.15) {
      const opener = random.pick(OPENER_PIECES);
      text = `${opener.text} ${lowerSubject} ${first.text}.`;
      words += opener.words;
    } else if (shape < 0.33) {
      const second = this.predicate();
      text = `${subject} ${first.text}, and ${second.text}.`;
      words += second.words + 1;
    } else if (shape < 0.4) {
      const second = this.predicate();
      text = `${subject} ${first.text}${this.joiner}${second.text}.`;
      words += second.words;
    } else if (shape < 0.42 && this.style.emphasis) {
      text = `${subject} *${first.text}*.`;
    } else {
      text = `${subject} ${first.text}.`;
    }
    this.words += words;
    return text;
  }

  /** A line of dialogue with its speaker: `"We should go back," Buffy said.` */
  dialogueLine(): string {
    const line = this.random.pick(this.dialogue);
    const [speaker, speakerWords] = this.cast.names.length > 0 && this.random.chance(0.8) ? this.name() : [this.random.pick(PRONOUNS)[1], 1];
    const verb = this.random.pick(line.question ? QUESTION_PIECES : SPEECH_PIECES);
    this.words += line.words + speakerWords + verb.words;
    return `${line.quoted} ${speaker} ${verb.text}.`;
  }

  /** A paragraph: narration of 2 to 8 sentences, or a line of dialogue with a little narration. */
  paragraph(): string {
    if (this.random.chance(0.28)) {
      const line = this.dialogueLine();
      return this.random.chance(0.5) ? `${line} ${this.sentence()}` : line;
    }
    return this.narration(this.random.between(2, 8));
  }

  /** A narrative paragraph of exactly `sentences` sentences. */
  narration(sentences: number): string {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i += 1) parts.push(this.sentence());
    return parts.join(" ");
  }

  /**
   * A chapter's paragraphs, about `targetWords` long and at least three, with scene breaks (`SCENE_BREAK`) every so
   * often in longer chapters. It opens with a full paragraph of narration and never starts or ends with a break.
   * (A story's first paragraph standing alone before a note or a rule would read as its summary.)
   */
  chapter(targetWords: number): string[] {
    const paragraphs: string[] = [];
    const start = this.words;
    // A first paragraph of narration: not a line a header or a note could claim.
    paragraphs.push(this.narration(this.random.between(3, 6)));
    let sinceBreak = 0;
    let breakEvery = this.random.between(700, 2200);
    while (this.words - start < targetWords || paragraphs.length < 3) {
      const before = this.words;
      if (sinceBreak >= breakEvery && paragraphs.length >= 3) {
        paragraphs.push(SCENE_BREAK);
        sinceBreak = 0;
        breakEvery = this.random.between(700, 2200);
      }
      paragraphs.push(this.paragraph());
      sinceBreak += this.words - before;
    }
    return paragraphs;
  }
}
