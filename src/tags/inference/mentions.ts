/**
 * Counts the character name forms of a vocabulary in story text. Counting is per form, not per character: which
 * character "Sam" means depends on the fandom, and the fandom is decided from these counts first.
 */
import type { CharacterEntry, FandomEntry } from "../vocabulary-file.js";
import type { Vocabulary } from "../vocabulary.js";
import type { WordStream } from "../text-tokens.js";

export interface FormCount {
  /** The form as the vocabulary lists it: "Wills". */
  form: string;
  /** Every character the form may name. */
  candidates: readonly CharacterEntry[];
  count: number;
  /** The word index of each mention in the stream, in order. */
  positions: number[];
}

/** Every form found at least once, most frequent first. */
export function countMentions(stream: WordStream, vocabulary: Vocabulary): FormCount[] {
  const counts = new Map<string, FormCount>();
  for (const match of vocabulary.mentions.matches(stream)) {
    // At a sentence's start a capital letter proves nothing: "Dawn broke", "Faith is…".
    const atStart = stream.sentenceStart[match.at] === 1;
    const candidates = [...new Set(match.payloads.filter((p) => !(atStart && p.ambiguous)).map((p) => p.character))];
    if (candidates.length === 0) continue;
    const entry = counts.get(match.phrase) ?? { form: match.phrase, candidates, count: 0, positions: [] };
    entry.count += 1;
    entry.positions.push(match.at);
    counts.set(match.phrase, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.form.localeCompare(b.form));
}

/** How many times each fandom's places are named. */
export function countPlaces(stream: WordStream, vocabulary: Vocabulary): Map<FandomEntry, Map<string, number>> {
  const found = new Map<FandomEntry, Map<string, number>>();
  for (const match of vocabulary.places.matches(stream)) {
    for (const fandom of match.payloads) {
      const byPlace = found.get(fandom) ?? new Map<string, number>();
      byPlace.set(match.phrase, (byPlace.get(match.phrase) ?? 0) + 1);
      found.set(fandom, byPlace);
    }
  }
  return found;
}
