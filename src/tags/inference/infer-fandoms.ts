/**
 * Which fandoms a work belongs to, from what the file states and what its text shows: the characters named most
 * (a character shared by two fandoms counts fully for its home fandom and half for the other), the canon's
 * places, and the owners its disclaimer names. A second fandom is added, making a crossover, only on evidence no
 * chosen fandom explains: prominent characters who belong to it alone.
 */
import type { CharacterEntry, FandomEntry } from "../vocabulary-file.js";
import type { Vocabulary } from "../vocabulary.js";
import type { FormCount } from "./mentions.js";
import { formatCounts, type InferredValue } from "./inferred-value.js";

export interface FandomEvidence {
  forms: readonly FormCount[];
  places: ReadonlyMap<FandomEntry, ReadonlyMap<string, number>>;
  /** Fandoms whose creators the disclaimer or notes name, with the names found. */
  creators: ReadonlyMap<FandomEntry, readonly string[]>;
}

export interface FandomChoice {
  /** The work's fandoms: stated ones (canonical where the vocabulary knows them), then inferred ones. */
  names: string[];
  /** The vocabulary's entries among them: what characters are attributed within. */
  known: FandomEntry[];
  inferred: InferredValue[];
}

const PLACE_WEIGHT = 2;
const CREATOR_WEIGHT = 8;
const SHARED_WEIGHT = 0.5;
/** Mentions a fandom's own characters need before the fandom is added beside others (a crossover). */
const CROSSOVER_MIN_MENTIONS = 8;
const CROSSOVER_MIN_SHARE = 0.12;

export function chooseFandoms(stated: readonly string[], evidence: FandomEvidence, vocabulary: Vocabulary): FandomChoice {
  const names: string[] = [];
  const known: FandomEntry[] = [];
  for (const name of stated) {
    const entry = vocabulary.fandom(name);
    const canonical = entry?.name ?? name;
    if (!names.includes(canonical)) names.push(canonical);
    if (entry && !known.includes(entry)) known.push(entry);
  }
  const inferred: InferredValue[] = [];
  const scores = scoreFandoms(evidence, vocabulary);
  const add = (fandom: FandomEntry, confidence: number, why: string) => {
    names.push(fandom.name);
    known.push(fandom);
    inferred.push({ field: "fandoms", value: fandom.name, confidence, evidence: why });
  };

  if (stated.length === 0) {
    const [best, second] = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
    if (!best || best[1].score < 3) return { names, known, inferred };
    const margin = second ? best[1].score / (best[1].score + second[1].score) : 1;
    add(best[0], round(Math.min(0.95, 0.4 + 0.5 * margin + Math.min(0.1, best[1].score / 200))), best[1].reasons.join("; "));
  }
  // A crossover: characters who belong to none of the chosen fandoms, prominent enough not to be a cameo.
  const total = evidence.forms.reduce((sum, f) => sum + f.count, 0);
  for (const [fandom] of [...scores.entries()].sort((a, b) => b[1].score - a[1].score)) {
    if (known.includes(fandom)) continue;
    const own = exclusiveMentions(evidence.forms, fandom, known, vocabulary, scores);
    const mentions = [...own.values()].reduce((sum, n) => sum + n, 0);
    const places = evidence.places.get(fandom);
    const placeCount = places ? [...places.values()].reduce((sum, n) => sum + n, 0) : 0;
    // At least one of them must belong to no chosen fandom at all: Angel, at home in Buffy but a lead of his
    // own series, does not make every Angel story a crossover.
    const outsider = [...own].some(([c, n]) => n >= 3 && !vocabulary.fandomsOf(c).some((f) => known.some((k) => related(f, k))));
    const enough = outsider && mentions >= CROSSOVER_MIN_MENTIONS && mentions >= CROSSOVER_MIN_SHARE * total && (own.size >= 2 || placeCount > 0 || mentions >= 2 * CROSSOVER_MIN_MENTIONS);
    if (!enough) continue;
    const why = `characters of no other fandom here: ${formatCounts(new Map([...own].map(([c, n]) => [c.name, n])))}${places ? `; places: ${formatCounts(places)}` : ""}`;
    add(fandom, round(Math.min(0.9, 0.5 + mentions / (2 * Math.max(total, 1)) + (own.size >= 2 ? 0.15 : 0))), why);
  }
  return { names, known, inferred };
}

interface FandomScore {
  score: number;
  reasons: string[];
}

function scoreFandoms(evidence: FandomEvidence, vocabulary: Vocabulary): Map<FandomEntry, FandomScore> {
  const scores = new Map<FandomEntry, FandomScore>();
  const characterCounts = new Map<FandomEntry, Map<string, number>>();
  const bump = (fandom: FandomEntry, by: number) => {
    const entry = scores.get(fandom) ?? { score: 0, reasons: [] };
    entry.score += by;
    scores.set(fandom, entry);
  };
  for (const form of evidence.forms) {
    // A form several fandoms' characters share ("Sam") is split between those fandoms.
    const weights = new Map<FandomEntry, number>();
    for (const character of form.candidates) {
      for (const [index, fandom] of vocabulary.fandomsOf(character).entries()) {
        weights.set(fandom, Math.max(weights.get(fandom) ?? 0, index === 0 ? 1 : SHARED_WEIGHT));
      }
    }
    const share = form.count / Math.max(1, new Set(form.candidates.map((c) => c.fandoms[0])).size);
    for (const [fandom, weight] of weights) {
      bump(fandom, share * weight);
      const counts = characterCounts.get(fandom) ?? new Map<string, number>();
      counts.set(form.form, (counts.get(form.form) ?? 0) + form.count);
      characterCounts.set(fandom, counts);
    }
  }
  for (const [fandom, counts] of characterCounts) scores.get(fandom)?.reasons.push(formatCounts(counts));
  for (const [fandom, places] of evidence.places) {
    bump(fandom, PLACE_WEIGHT * [...places.values()].reduce((sum, n) => sum + n, 0));
    scores.get(fandom)?.reasons.push(`places: ${formatCounts(places)}`);
  }
  for (const [fandom, creators] of evidence.creators) {
    bump(fandom, CREATOR_WEIGHT);
    scores.get(fandom)?.reasons.push(`disclaimer names ${creators.join(", ")}`);
  }
  return scores;
}

/**
 * Mentions of characters at home in another fandom than the chosen ones, counted for `fandom`. A form that may
 * name a character at home in a chosen fandom speaks for no other; one that may name characters of several other
 * fandoms ("Fred": Burkle or Weasley) speaks for the best-scoring of them.
 */
function exclusiveMentions(
  forms: readonly FormCount[],
  fandom: FandomEntry,
  chosen: readonly FandomEntry[],
  vocabulary: Vocabulary,
  scores: ReadonlyMap<FandomEntry, FandomScore>,
): Map<CharacterEntry, number> {
  const result = new Map<CharacterEntry, number>();
  const score = (character: CharacterEntry) => Math.max(...vocabulary.fandomsOf(character).map((f) => scores.get(f)?.score ?? 0));
  for (const form of forms) {
    // Wesley, at home in Angel: the Series, speaks for it even in a Buffy story he also belongs to; Crowley, at
    // home in Good Omens (TV), is explained by the book's fandom, its meta tag.
    const home = (c: CharacterEntry) => vocabulary.fandomsOf(c)[0];
    if (form.candidates.some((c) => chosen.some((k) => related(home(c), k)))) continue;
    // Ties go by name, so the answer does not depend on the order the vocabulary lists its characters in.
    const best = [...form.candidates].sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name))[0];
    if (!best || !vocabulary.fandomsOf(best).includes(fandom)) continue;
    result.set(best, (result.get(best) ?? 0) + form.count);
  }
  return result;
}

/** The same fandom, or one under the other's meta tag, or two under one: the Archive's "no crossover" relation. */
function related(a: FandomEntry | undefined, b: FandomEntry): boolean {
  if (!a) return false;
  const family = new Set([a.name, ...a.metaTags]);
  return family.has(b.name) || b.metaTags.some((meta) => family.has(meta));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
