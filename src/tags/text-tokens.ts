/**
 * Story text as a stream of words, for counting names and phrases: one pass, no regular expression per name, so
 * a vocabulary of thousands of names costs one Map lookup per word however long the story is.
 */

export interface WordStream {
  /** Each word as written, possessive `'s` removed, curly apostrophes made straight: `Buffy's` → `Buffy`. */
  readonly words: readonly string[];
  /** 1 where the word starts a sentence or a paragraph (after `.`, `!`, `?`, `…` or a blank line, quotes skipped). */
  readonly sentenceStart: Uint8Array;
  /** The paragraph (blank-line separated block) each word stands in, counted from 0. */
  readonly paragraph: Uint32Array;
}

// Letters and digits, joined by an apostrophe, hyphen or full stop inside a word: Teal'c, Wyndam-Pryce, U.N.C.L.E.
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/u;
// What may stand between a sentence's end and its first word: spaces, quotes, brackets, dashes, emphasis marks.
const OPENERS = new Set([..." \t\"“”'‘’([{*_-—–"]);
const SENTENCE_ENDS = new Set([...".!?…"]);

/** @example tokenize("Buffy's here. Dawn isn't").sentenceStart // [1, 0, 1, 0] */
export function tokenize(text: string): WordStream {
  const words: string[] = [];
  const starts: number[] = [];
  const paragraphs: number[] = [];
  let paragraph = 0;
  let scanned = 0;
  for (const match of text.matchAll(WORD)) {
    const index = match.index;
    const gap = text.slice(scanned, index);
    if (/\n[^\S\n]*\n/u.test(gap)) paragraph += 1;
    starts.push(words.length === 0 || startsSentence(text, index, scanned) ? 1 : 0);
    paragraphs.push(paragraph);
    words.push(match[0].replace(/’/gu, "'").replace(POSSESSIVE, ""));
    scanned = index + match[0].length;
  }
  return { words, sentenceStart: Uint8Array.from(starts), paragraph: Uint32Array.from(paragraphs) };
}

function startsSentence(text: string, index: number, previousEnd: number): boolean {
  for (let i = index - 1; i >= previousEnd; i -= 1) {
    const char = text[i] ?? "";
    if (char === "\n" || SENTENCE_ENDS.has(char)) return true;
    if (!OPENERS.has(char)) return false;
  }
  // Two words with nothing but openers between them: the previous word ended its sentence only if it was an
  // abbreviation's last letter, which the word pattern already swallowed; so this one continues the sentence.
  return false;
}
