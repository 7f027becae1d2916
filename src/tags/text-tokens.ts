/**
 * Story text as a stream of words, for counting names and phrases: one pass, no regular expression per name, so
 * a vocabulary of thousands of names costs one Map lookup per word however long the story is.
 */

export interface WordStream {
  /** Each word as written, possessive `'s` removed, curly apostrophes made straight: `Buffy's` → `Buffy`. */
  readonly words: readonly string[];
  /** The same words in lower case, for what is matched without regard to case; made on first use. */
  readonly lower: readonly string[];
  /** 1 where the word starts a sentence or a paragraph (after `.`, `!`, `?`, `…` or a blank line, quotes skipped). */
  readonly sentenceStart: Uint8Array;
  /** The paragraph (blank-line separated block) each word stands in, counted from 0. */
  readonly paragraph: Uint32Array;
}

const POSSESSIVE = /'s$/u;
const BLANK_LINE = /\n[^\S\n]*\n/u;
// What a character is to the sentence scan, by its code: what may stand between a sentence's end and its first
// word (spaces, quotes, brackets, dashes, emphasis marks), what ends a sentence, what joins a word inside it
// (Teal'c, Wyndam-Pryce, U.N.C.L.E.). A table, because the scan looks at a few characters before every word.
const OPENER = 1;
const SENTENCE_END = 2;
const JOINER = 4;
const ROLES = new Uint8Array(0x2030);
const role = (code: number) => ROLES[code] ?? 0;
const give = (chars: string, kind: number) => {
  for (const char of chars) ROLES[char.charCodeAt(0)] = role(char.charCodeAt(0)) | kind;
};
give(" \t\"“”'‘’([{*_-—–", OPENER);
give(".!?…\n", SENTENCE_END);
give("'’.-", JOINER);

/**
 * Words are runs of letters, marks and digits, joined by an apostrophe, full stop or hyphen between two of them.
 * Read a character code at a time (no regular expression over the text): this runs on every imported story.
 * @example tokenize("Buffy's here. Dawn isn't").sentenceStart // [1, 0, 1, 0]
 */
export function tokenize(text: string): WordStream {
  const words: string[] = [];
  // Typed columns grown by doubling: an array of numbers per word costs more than finding the words.
  let starts = new Uint8Array(Math.max(16, text.length >> 3));
  let paragraphs = new Uint32Array(starts.length);
  let paragraph = 0;
  let scanned = 0;
  // Only a gap with a line break in it can hold a blank line: most gaps are one space and are never sliced.
  let nextBreak = text.indexOf("\n");
  for (let i = 0; i < text.length; ) {
    if (!isWordCode(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const index = i;
    i += 1;
    for (;;) {
      while (i < text.length && isWordCode(text.charCodeAt(i))) i += 1;
      if (!(role(text.charCodeAt(i)) & JOINER) || !isWordCode(text.charCodeAt(i + 1))) break;
      i += 2;
    }
    if (nextBreak >= 0 && nextBreak < index) {
      if (BLANK_LINE.test(text.slice(nextBreak, index))) paragraph += 1;
      nextBreak = text.indexOf("\n", index);
    }
    const n = words.length;
    if (n === starts.length) {
      starts = grown(starts, new Uint8Array(n * 2));
      paragraphs = grown(paragraphs, new Uint32Array(n * 2));
    }
    starts[n] = n === 0 || startsSentence(text, index, scanned) ? 1 : 0;
    paragraphs[n] = paragraph;
    let word = text.slice(index, i);
    if (word.includes("’")) word = word.replaceAll("’", "'");
    if (word.includes("'")) word = word.replace(POSSESSIVE, "");
    words.push(word);
    scanned = i;
  }
  let lower: string[] | undefined;
  return {
    words,
    // Lowering every word costs more than finding them; most stories are only matched as written.
    get lower() {
      lower ??= words.map((word) => (hasCapitalOrNonAscii(word) ? word.toLowerCase() : word));
      return lower;
    },
    sentenceStart: starts.subarray(0, words.length),
    paragraph: paragraphs.subarray(0, words.length),
  };
}

/** `to`, a larger typed array, holding `from`'s values first. */
export function grown<T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function hasCapitalOrNonAscii(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return true;
  }
  return false;
}

// Word characters: ASCII letters and digits, Latin letters with diacritics, and any other letter,
// mark or number, looked up once per code point because most text never leaves the first two ranges.
const otherKinds = new Uint8Array(0x10000);
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  if (Number.isNaN(code) || (code >= 0x2000 && code <= 0x206f) || (code >= 0xd800 && code <= 0xdfff)) return false;
  let kind = otherKinds[code] ?? 0;
  if (kind === 0) {
    kind = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    otherKinds[code] = kind;
  }
  return kind === 1;
}

function startsSentence(text: string, index: number, previousEnd: number): boolean {
  for (let i = index - 1; i >= previousEnd; i -= 1) {
    const kind = role(text.charCodeAt(i));
    if (kind & SENTENCE_END) return true;
    if (!(kind & OPENER)) return false;
  }
  // Two words with nothing but openers between them: the previous word ended its sentence only if it was an
  // abbreviation's last letter, which the word pattern already swallowed; so this one continues the sentence.
  return false;
}
