/**
 * The tagger: a parsed work in, the same work with canonical tags and what its file never said filled in from
 * the text — fandoms, characters, relationships, categories and, for an unrated work, a rating — each inferred
 * value with its confidence and evidence. Stated values always stay; a stated rating always wins.
 */
import { sortCategories, type Category } from "../domain/categories.js";
import type { FieldProvenance, InferredValue, ParsedWork } from "../domain/work.js";
import { tokenize, type WordStream } from "./text-tokens.js";
import type { CharacterEntry, FandomEntry } from "./vocabulary-file.js";
import type { Vocabulary } from "./vocabulary.js";
import { countMentions, countPlaces } from "./inference/mentions.js";
import { chooseFandoms } from "./inference/infer-fandoms.js";
import { attributeMentions, firstPersonNarrator, inferCharacters, mentionThreshold, type CharacterPresence } from "./inference/infer-characters.js";
import { coOccurringPair, resolveRelationship, shipNameRelationships, slashPairsIn, type ResolvedRelationship } from "./inference/infer-relationships.js";
import { inferCategories } from "./inference/infer-categories.js";
import { suggestRating, type RatingSuggestion } from "./inference/rating-suggestion.js";

/** @example tagWork(parsed, new Vocabulary(starterVocabulary())).characters // ["Buffy Summers", …] */
export function tagWork(work: ParsedWork, vocabulary: Vocabulary): ParsedWork {
  const storyText = work.chapters.map((c) => c.text).join("\n\n");
  const stream = tokenize(storyText);
  const forms = countMentions(stream, vocabulary);
  const fandoms = chooseFandoms(work.fandoms, { forms, places: countPlaces(stream, vocabulary), creators: creatorsNamed(work, stream, vocabulary) }, vocabulary);
  const inFandom = (c: CharacterEntry) => vocabulary.fandomsOf(c).some((f) => fandoms.known.includes(f));
  const present = attributeMentions(stream, forms, fandoms.known, vocabulary);
  const inferred: InferredValue[] = [...fandoms.inferred];

  const characters = work.characters.map((name) => canonicalCharacter(name, present, vocabulary, inFandom));
  const addCharacter = (value: InferredValue) => {
    if (characters.includes(value.value)) return;
    characters.push(value.value);
    inferred.push(value);
  };
  const narrator = firstPersonNarrator(stream, forms, fandoms.known, vocabulary);
  if (narrator) addCharacter(narrator);
  const threshold = mentionThreshold(forms.reduce((n, f) => n + f.count, 0));
  for (const value of inferCharacters(present, threshold)) addCharacter(value);

  const resolved: ResolvedRelationship[] = [];
  const relationships = work.relationships.map((written) => {
    const relationship = resolveRelationship(written, present, vocabulary, inFandom);
    if (relationship) resolved.push(relationship);
    return relationship?.name ?? written;
  });
  const headerTexts = describedTexts(work);
  const fromHeaders = [
    ...shipNameRelationships(headerTexts, vocabulary).filter((f) => fandoms.known.length === 0 || f.relationship.members.every(inFandom)),
    ...slashPairsIn(headerTexts.filter((t) => t.where !== "tags"), present, vocabulary, inFandom),
  ];
  // The content scan reads the whole story again: only for an unrated work, or for the co-occurrence rule.
  let content: RatingSuggestion | undefined;
  const contentOf = () => (content ??= suggestRating({ text: storyText, summary: work.summary, notes: work.notes, freeforms: work.freeforms, warnings: work.warnings }));
  const sexualContent = () => ["explicit", "strong"].includes(contentOf().signals.sexual);
  const coOccurring = relationships.length === 0 && fromHeaders.length === 0 ? coOccurringPair(stream, present, threshold, sexualContent, vocabulary) : null;
  for (const found of [...fromHeaders, ...(coOccurring ? [coOccurring] : [])]) {
    if (relationships.includes(found.value.value)) continue;
    relationships.push(found.value.value);
    inferred.push(found.value);
    resolved.push(found.relationship);
  }
  // The Archive tags a relationship's members as characters too.
  for (const relationship of resolved) {
    for (const member of relationship.members) {
      addCharacter({ field: "characters", value: member.name, confidence: 0.7, evidence: `in the relationship ${relationship.name}` });
    }
  }

  let categories: Category[] = work.categories;
  if (categories.length === 0) {
    // "Tamsin Oake/Corvin Hale", original characters the vocabulary cannot resolve, is a romance all the same.
    const unknownRomance = relationships.some((name) => name.includes("/") && !resolved.some((r) => r.name === name));
    const values = inferCategories(resolved, characters.length, unknownRomance);
    categories = sortCategories(values.map((v) => v.category));
    inferred.push(...values.map((v) => v.value));
  }

  let rating = work.rating;
  if (work.ratingRaw === null && work.provenance.rating?.source !== "header" && work.provenance.rating?.source !== "structured") {
    const suggestion = contentOf();
    rating = suggestion.rating;
    inferred.push({ field: "rating", value: suggestion.rating, confidence: suggestion.confidence, evidence: suggestion.evidence });
  }

  const provenance = { ...work.provenance };
  for (const field of ["fandoms", "characters", "relationships", "categories", "rating"] as const) {
    const summary = fieldProvenance(inferred.filter((v) => v.field === field), work.provenance[field]);
    if (summary) provenance[field] = summary;
  }
  return {
    ...work,
    fandoms: fandoms.names,
    characters,
    relationships: [...new Set(relationships)],
    categories,
    freeforms: [...new Set(work.freeforms.map((name) => vocabulary.freeform(name)?.name ?? name))],
    rating,
    provenance,
    inferred: [...work.inferred, ...inferred],
  };
}

/** A field that held nothing stated gets its provenance from its inferred values: the least sure of them. */
function fieldProvenance(values: readonly InferredValue[], stated: FieldProvenance | undefined): FieldProvenance | null {
  if (values.length === 0 || (stated && stated.source !== "default")) return null;
  return {
    source: "inferred",
    confidence: Math.min(...values.map((v) => v.confidence)),
    evidence: values.map((v) => (values.length === 1 ? v.evidence : `${v.value}: ${v.evidence}`)).join("; "),
  };
}

/**
 * The canonical name of a character tag as written: its synonym's canonical tag, else the one character of the
 * work's fandoms the name can mean (of those the text names, if several can); else the name as written.
 */
export function canonicalCharacter(name: string, present: readonly CharacterPresence[], vocabulary: Vocabulary, inFandom: (c: CharacterEntry) => boolean): string {
  const exact = vocabulary.character(name);
  if (exact) return exact.name;
  const here = vocabulary.charactersNamed(name).filter(inFandom);
  if (here.length === 1) return here[0]?.name ?? name;
  const named = here.filter((c) => present.some((p) => p.character === c));
  return named.length === 1 ? (named[0]?.name ?? name) : name;
}

/** Where a work describes itself: summary, notes, tags and unlabelled header fields. */
function describedTexts(work: ParsedWork): { where: string; text: string }[] {
  return [
    { where: "summary", text: work.summary ?? "" },
    { where: "notes", text: [work.notes, work.endNotes, ...work.chapters.flatMap((c) => [c.summary, c.notes, c.endNotes])].filter(Boolean).join("\n\n") },
    { where: "tags", text: [...work.freeforms, ...work.relationships].join("\n\n") },
    { where: "header", text: Object.values(work.extra).join("\n\n") },
  ].filter((t) => t.text.length > 0);
}

/**
 * Fandoms whose owners the disclaimer, notes or story text name ("belongs to Joss Whedon / Mutant Enemy"): in any
 * case in the disclaimer and notes, as written (capitalised) in the story.
 */
function creatorsNamed(work: ParsedWork, story: WordStream, vocabulary: Vocabulary): Map<FandomEntry, string[]> {
  const found = new Map<FandomEntry, string[]>();
  const about = tokenize([work.disclaimer, work.notes, work.endNotes, work.summary].filter(Boolean).join("\n\n"));
  for (const match of [...vocabulary.creators.matches(about), ...vocabulary.creatorNames.matches(story)]) {
    for (const fandom of match.payloads) {
      const names = found.get(fandom) ?? [];
      if (!names.includes(match.phrase)) names.push(match.phrase);
      found.set(fandom, names);
    }
  }
  return found;
}
