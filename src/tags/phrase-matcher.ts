/**
 * Finds known phrases (names, places, ship names) in a word stream: a Map from each phrase's first word to the
 * phrases it starts, and the longest phrase wins at each position ("Buffy Summers" is one mention, not also a
 * "Buffy"). Case-sensitive for names in prose, where the capital letter is what makes "Faith" a name.
 */
import { tokenize, type WordStream } from "./text-tokens.js";

export interface PhraseMatch<T> {
  /** The phrase as registered. */
  phrase: string;
  payloads: readonly T[];
  /** Index of the phrase's first word in the stream. */
  at: number;
}

interface Phrase<T> {
  phrase: string;
  words: readonly string[];
  payloads: T[];
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Phrase<T>[]>();
  private readonly caseSensitive: boolean;

  constructor(phrases: Iterable<readonly [string, T]>, options: { caseSensitive: boolean }) {
    this.caseSensitive = options.caseSensitive;
    const known = new Map<string, Phrase<T>>();
    for (const [phrase, payload] of phrases) {
      const stream = tokenize(phrase);
      const words = this.caseSensitive ? stream.words : stream.lower;
      const first = words[0];
      if (first === undefined) continue;
      const key = words.join(" ");
      const existing = known.get(key);
      if (existing) {
        if (!existing.payloads.includes(payload)) existing.payloads.push(payload);
        continue;
      }
      const entry: Phrase<T> = { phrase, words, payloads: [payload] };
      known.set(key, entry);
      const list = this.byFirstWord.get(first) ?? [];
      list.push(entry);
      // Longest first, so the first that fits is the longest.
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirstWord.set(first, list);
    }
  }

  /** Every match, left to right, none overlapping. */
  *matches(stream: WordStream): Generator<PhraseMatch<T>> {
    const words = this.caseSensitive ? stream.words : stream.lower;
    for (let i = 0; i < words.length; ) {
      const candidates = this.byFirstWord.get(words[i] ?? "");
      const found = candidates?.find((c) => c.words.every((word, k) => k === 0 || words[i + k] === word));
      if (found) {
        yield { phrase: found.phrase, payloads: found.payloads, at: i };
        i += found.words.length;
      } else {
        i += 1;
      }
    }
  }
}
