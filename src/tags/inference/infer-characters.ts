/**
 * Which characters a work is about: mentions attributed within the chosen fandoms, kept when they pass a
 * threshold that leaves out a name seen once in passing; plus a first-person narrator who names themselves.
 */
import type { CharacterEntry, FandomEntry } from "../vocabulary-file.js";
import type { Vocabulary } from "../vocabulary.js";
import type { WordStream } from "../text-tokens.js";
import type { FormCount } from "./mentions.js";
import { formatCounts, type InferredValue } from "./inferred-value.js";

export interface CharacterPresence {
  character: CharacterEntry;
  /** Mentions by form: "Spike" ×50, "William" ×7. */
  forms: Map<string, number>;
  count: number;
  /** Paragraphs the character is named in. */
  paragraphs: Set<number>;
}

/** Mentions a character needs to be tagged: two for a minor character of a short story, more in a long one. */
export function mentionThreshold(totalMentions: number): number {
  return Math.max(2, Math.min(6, Math.round(totalMentions / 60)));
}

/** Every character of the chosen fandoms the text names, most mentioned first. A form two of them share counts for neither. */
export function attributeMentions(stream: WordStream, forms: readonly FormCount[], fandoms: readonly FandomEntry[], vocabulary: Vocabulary): CharacterPresence[] {
  const present = new Map<CharacterEntry, CharacterPresence>();
  for (const form of forms) {
    const here = form.candidates.filter((c) => vocabulary.fandomsOf(c).some((f) => fandoms.includes(f)));
    const character = here[0];
    if (here.length !== 1 || !character) continue;
    const presence = present.get(character) ?? { character, forms: new Map<string, number>(), count: 0, paragraphs: new Set<number>() };
    presence.forms.set(form.form, (presence.forms.get(form.form) ?? 0) + form.count);
    presence.count += form.count;
    for (const at of form.positions) presence.paragraphs.add(stream.paragraph[at] ?? 0);
    present.set(character, presence);
  }
  return [...present.values()].sort((a, b) => b.count - a.count || a.character.name.localeCompare(b.character.name));
}

function characterConfidence(count: number): number {
  return Math.round(Math.min(0.95, 1 - 0.5 ** (count / 2)) * 100) / 100;
}

export function inferCharacters(presences: readonly CharacterPresence[], threshold: number): InferredValue[] {
  return presences
    .filter((p) => p.count >= threshold)
    .map((p) => ({ field: "characters", value: p.character.name, confidence: characterConfidence(p.count), evidence: `named ${formatCounts(p.forms)}` }));
}

// "I'm Dawn", "I am Dawn", "My name is Dawn", "my name's Dawn", "call me Dawn".
const SELF_NAMING: readonly (readonly string[])[] = [["i'm"], ["i", "am"], ["name", "is"], ["my", "name"], ["call", "me"]];
const FIRST_PERSON = new Set(["i", "me", "my", "myself", "i'm", "i'd", "i've", "i'll", "mine"]);

/**
 * The narrator of a first-person story who says their own name: the character after "I'm", "my name is" or
 * "call me", when the narration is in the first person (first-person pronouns are at least 2% of the words).
 * Reads the mentions already counted rather than matching names again.
 */
export function firstPersonNarrator(stream: WordStream, forms: readonly FormCount[], fandoms: readonly FandomEntry[], vocabulary: Vocabulary): InferredValue | null {
  for (const form of forms) {
    const here = form.candidates.filter((c) => vocabulary.fandomsOf(c).some((f) => fandoms.includes(f)));
    const character = here[0];
    if (here.length !== 1 || !character) continue;
    for (const at of form.positions) {
      const before = SELF_NAMING.find((pattern) => pattern.every((word, k) => stream.lower[at - pattern.length + k] === word));
      // Counted only once a name follows "I'm" or "my name is": most stories never pay for it.
      if (before && isFirstPerson(stream)) return { field: "characters", value: character.name, confidence: 0.8, evidence: `first-person narrator: "${[...before, form.form].join(" ")}"` };
    }
  }
  return null;
}

function isFirstPerson(stream: WordStream): boolean {
  const firstPerson = stream.lower.reduce((n, w) => n + (FIRST_PERSON.has(w) ? 1 : 0), 0);
  return stream.lower.length > 0 && firstPerson / stream.lower.length >= 0.02;
}
