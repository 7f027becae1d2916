/**
 * Relationships, canonical where the vocabulary knows them: stated pairings resolved member by member
 * ("Spike/Buffy", "S/B"), ship names anywhere in the headers, summary or notes ("spuffy undertones"), "X/Y" in a
 * summary, and — only at high confidence, and marked so — two characters who share many romantic paragraphs.
 */
import type { CharacterEntry, RelationshipEntry } from "../vocabulary-file.js";
import { relationshipName } from "../vocabulary-file.js";
import { bareName, type Vocabulary } from "../vocabulary.js";
import { tokenize, type WordStream } from "../text-tokens.js";
import type { CharacterPresence } from "./infer-characters.js";
import type { InferredValue } from "./inferred-value.js";

type Kind = RelationshipEntry["kind"];

export interface ResolvedRelationship {
  name: string;
  members: readonly CharacterEntry[];
  kind: Kind;
}

/** A relationship found in a work's headers or text: the value to record, and who is in it. */
export interface FoundRelationship {
  value: InferredValue;
  relationship: ResolvedRelationship;
}

/**
 * The canonical form of a relationship tag as written: its synonym's canonical tag, or its members resolved to
 * canonical characters in the vocabulary's order (alphabetical when the vocabulary has no such relationship).
 * Null when a member cannot be resolved to exactly one character.
 */
export function resolveRelationship(written: string, present: readonly CharacterPresence[], vocabulary: Vocabulary, inFandom: (c: CharacterEntry) => boolean): ResolvedRelationship | null {
  const entry = vocabulary.relationship(written);
  if (entry) return fromEntry(entry, vocabulary);
  const kind: Kind = written.includes("/") ? "romantic" : "platonic";
  const parts = written.split(kind === "romantic" ? "/" : "&").map((p) => p.trim());
  if (parts.length < 2) return null;
  const members: CharacterEntry[] = [];
  for (const part of parts) {
    const member = resolveMember(part, present, vocabulary, inFandom);
    if (!member || members.includes(member)) return null;
    members.push(member);
  }
  const known = vocabulary.relationshipOf(members.map((m) => m.name), kind);
  if (known) return fromEntry(known, vocabulary);
  const ordered = [...members].sort((a, b) => a.name.localeCompare(b.name));
  return { name: relationshipName({ members: ordered.map((m) => m.name), kind }), members: ordered, kind };
}

function fromEntry(entry: RelationshipEntry, vocabulary: Vocabulary): ResolvedRelationship | null {
  const members = entry.members.map((m) => vocabulary.character(m));
  if (members.some((m) => m === undefined)) return null;
  return { name: relationshipName(entry), members: members.filter((m): m is CharacterEntry => m !== undefined), kind: entry.kind };
}

function resolveMember(part: string, present: readonly CharacterPresence[], vocabulary: Vocabulary, inFandom: (c: CharacterEntry) => boolean): CharacterEntry | null {
  const exact = vocabulary.character(part);
  if (exact) return exact;
  const loose = vocabulary.charactersNamed(part);
  const here = loose.filter(inFandom);
  const pool = here.length > 0 ? here : loose;
  if (pool.length === 1) return pool[0] ?? null;
  if (pool.length > 1) return mostPresent(pool, present);
  // Initials, as old Pairing: lines wrote them ("S/B"): the most-mentioned character whose name starts so.
  if (/^\p{Lu}{1,2}$/u.test(part)) {
    const initial = part.toLowerCase();
    const matching = present.filter((p) => [p.character.name, ...p.forms.keys()].some((form) => bareName(form).toLowerCase().startsWith(initial)));
    return mostPresent(matching.map((p) => p.character), present);
  }
  return null;
}

/** The one of `characters` named most in the text, if it is named clearly more than the next. */
function mostPresent(characters: readonly CharacterEntry[], present: readonly CharacterPresence[]): CharacterEntry | null {
  const counted = characters.map((c) => ({ c, n: present.find((p) => p.character === c)?.count ?? 0 })).sort((a, b) => b.n - a.n);
  const [first, second] = counted;
  if (!first || first.n === 0 || (second && second.n * 2 > first.n)) return null;
  return first.c;
}

/** Ship names ("Spuffy", "Bangel") in the given texts: each found relationship once, with where it was found. */
export function shipNameRelationships(texts: readonly { where: string; text: string }[], vocabulary: Vocabulary): FoundRelationship[] {
  const found = new Map<string, FoundRelationship>();
  for (const { where, text } of texts) {
    const stream = tokenize(text);
    for (const match of vocabulary.shipNames.matches(stream)) {
      for (const entry of match.payloads) {
        const relationship = fromEntry(entry, vocabulary);
        if (!relationship || found.has(relationship.name)) continue;
        const phrase = stream.words.slice(match.at, match.at + 3).join(" ");
        found.set(relationship.name, { relationship, value: { field: "relationships", value: relationship.name, confidence: 0.85, evidence: `ship name "${phrase}" in the ${where}` } });
      }
    }
  }
  return [...found.values()];
}

// "Spike/Buffy", "Willow / Tara": two capitalised names around a slash.
const SLASH_PAIR = /(?<![\p{L}\p{N}/])(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?)\s?\/\s?(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?)(?![\p{L}\p{N}/])/gu;

/** "X/Y" pairings written in a summary or notes, when both sides name characters of the work's fandoms. */
export function slashPairsIn(texts: readonly { where: string; text: string }[], present: readonly CharacterPresence[], vocabulary: Vocabulary, inFandom: (c: CharacterEntry) => boolean): FoundRelationship[] {
  const found: FoundRelationship[] = [];
  for (const { where, text } of texts) {
    for (const match of text.matchAll(SLASH_PAIR)) {
      const relationship = resolveRelationship(`${match[1] ?? ""}/${match[2] ?? ""}`, present, vocabulary, inFandom);
      if (!relationship || !relationship.members.every(inFandom) || found.some((f) => f.relationship.name === relationship.name)) continue;
      found.push({ relationship, value: { field: "relationships", value: relationship.name, confidence: 0.8, evidence: `"${match[0]}" in the ${where}` } });
    }
  }
  return found;
}

// Words of romance and sex, not of affection in general ("love" and "bed" are for family too).
const ROMANTIC_WORDS = new Set([
  "kiss", "kissed", "kisses", "kissing", "lips", "lover", "lovers", "caress", "caressed", "moan", "moaned",
  "moaning", "naked", "aroused", "boyfriend", "girlfriend", "thighs", "breasts", "nipple", "nipples", "cock",
  "clit", "orgasm", "thrust", "thrusts", "thrusting", "sex", "fucked", "undressed", "seduce", "seduced",
]);
/**
 * Romantic paragraphs two characters must share: few for a pair the vocabulary knows as a ship, many for a pair
 * it knows only as family or friends (Dean & Sam), and in between for a pair it does not know.
 */
const MIN_ROMANTIC_SHARED = { ship: 3, unknown: 5, platonic: 10 } as const;
/** For a friendship: the pair's share of all character mentions, and of paragraphs where either appears. */
const PLATONIC_SHARE_OF_MENTIONS = 0.7;
const PLATONIC_SHARED_PARAGRAPHS = 0.3;

interface Pair {
  a: CharacterPresence;
  b: CharacterPresence;
  romantic: number;
  together: number;
}

/**
 * The relationship the text itself shows, marked as co-occurrence: the pair of main characters who share the
 * most romantic paragraphs, when they clearly lead; else, in a story carried by two characters who share much
 * of it, their friendship ("A & B"), less sure.
 */
export function coOccurringPair(stream: WordStream, present: readonly CharacterPresence[], threshold: number, sexualContent: () => boolean, vocabulary: Vocabulary): FoundRelationship | null {
  const romantic = new Set<number>();
  stream.lower.forEach((word, i) => {
    if (ROMANTIC_WORDS.has(word)) romantic.add(stream.paragraph[i] ?? 0);
  });
  const main = present.filter((p) => p.count >= threshold).slice(0, 6);
  // Dialogue names one speaker per paragraph, so "together" is a paragraph both are named within a few of.
  const near = new Map(main.map((p) => [p, around(p.paragraphs)]));
  const pairs: Pair[] = [];
  for (const [i, a] of main.entries()) {
    for (const b of main.slice(i + 1)) {
      const nearB = near.get(b) ?? new Set<number>();
      const together = [...(near.get(a) ?? [])].filter((p) => nearB.has(p));
      const romanticTogether = [...romantic].filter((p) => a.paragraphs.has(p) || b.paragraphs.has(p)).filter((p) => nearB.has(p) && (near.get(a)?.has(p) ?? false));
      pairs.push({ a, b, romantic: romanticTogether.length, together: together.length });
    }
  }
  pairs.sort((x, y) => y.romantic - x.romantic);
  const [best, next] = pairs;
  if (best && best.romantic >= MIN_ROMANTIC_SHARED[knownAs(best, vocabulary)] && !(next && next.romantic * 1.5 > best.romantic)) {
    return pairValue(best, "romantic", Math.min(0.7, 0.5 + best.romantic / 40), `share ${best.romantic} romantic paragraphs`, vocabulary);
  }
  const total = present.reduce((n, p) => n + p.count, 0);
  const [first, second] = main;
  const duo = pairs.find((p) => p.a === first && p.b === second);
  if (!first || !second || !duo || total === 0) return null;
  const either = new Set([...(near.get(first) ?? []), ...(near.get(second) ?? [])]).size;
  if ((first.count + second.count) / total < PLATONIC_SHARE_OF_MENTIONS || duo.together / either < PLATONIC_SHARED_PARAGRAPHS) return null;
  // Two characters who carry a story with a sex scene in it are its couple, unless the vocabulary knows them as family.
  if (knownAs(duo, vocabulary) !== "platonic" && sexualContent()) {
    return pairValue(duo, "romantic", 0.6, `carry a story with sexual content together (${duo.together} of ${either} paragraphs)`, vocabulary);
  }
  return pairValue(duo, "platonic", 0.5, `carry the story together (${duo.together} of ${either} paragraphs)`, vocabulary);
}

function knownAs(pair: Pair, vocabulary: Vocabulary): keyof typeof MIN_ROMANTIC_SHARED {
  const members = [pair.a.character.name, pair.b.character.name];
  if (vocabulary.relationshipOf(members, "romantic")) return "ship";
  return vocabulary.relationshipOf(members, "platonic") ? "platonic" : "unknown";
}

const SCENE_REACH = 2;

function around(paragraphs: ReadonlySet<number>): Set<number> {
  const result = new Set<number>();
  for (const p of paragraphs) for (let q = Math.max(0, p - SCENE_REACH); q <= p + SCENE_REACH; q += 1) result.add(q);
  return result;
}

function pairValue(pair: Pair, kind: Kind, confidence: number, why: string, vocabulary: Vocabulary): FoundRelationship {
  const members = [pair.a.character, pair.b.character];
  const entry = vocabulary.relationshipOf(members.map((m) => m.name), kind);
  const ordered = entry ? members.sort((x, y) => entry.members.indexOf(x.name) - entry.members.indexOf(y.name)) : members.sort((x, y) => x.name.localeCompare(y.name));
  const name = relationshipName({ members: ordered.map((m) => m.name), kind });
  return {
    relationship: { name, members: ordered, kind },
    value: {
      field: "relationships",
      value: name,
      confidence: Math.round(confidence * 100) / 100,
      evidence: `co-occurrence: ${bareName(pair.a.character.name)} and ${bareName(pair.b.character.name)} ${why}`,
    },
  };
}
