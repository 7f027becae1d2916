/**
 * The vocabulary file: Quire's own richer form of a tag vocabulary (the Archive's tag dump only has names, types,
 * canonical flags and mergers). The starter vocabulary in `vocabulary/*.yaml` is written in it, and
 * `quire tags export --format quire` writes it back out. Names are the canonical tag names, as the Archive spells
 * and disambiguates them; everything else points at those names.
 */
import { z } from "zod";
import { GENDERS, RELATIONSHIP_KINDS } from "../domain/tags/tag-details.js";

const names = z.array(z.string().trim().min(1)).default([]);

export type { Gender } from "../domain/tags/tag-details.js";

const fandomEntrySchema = z.strictObject({
  /** The canonical fandom tag: "Buffy the Vampire Slayer (TV)". */
  name: z.string().trim().min(1),
  /** Other names fans write in a Fandom: header, each a synonym tag: "BtVS", "Buffy". */
  synonyms: names,
  /** Canonical fandoms this one sits under (a franchise): fandoms that share one are no crossover. */
  metaTags: names,
  /** Owners named in disclaimers ("belongs to Joss Whedon / Mutant Enemy"): evidence of the fandom. */
  creators: names,
  /** Proper nouns of the canon's world, as written in prose ("Sunnydale", "Wolfram & Hart"): evidence of the fandom. */
  places: names,
});

const characterEntrySchema = z.strictObject({
  /** The canonical character tag, disambiguated as the Archive does: "Spike (Buffy the Vampire Slayer)". */
  name: z.string().trim().min(1),
  /** Canonical fandom names, the character's home fandom first. */
  fandoms: z.array(z.string().trim().min(1)).min(1),
  gender: z.enum(GENDERS),
  /** Other names a tag line may use for the character, each a synonym tag: "William the Bloody", "Angelus". */
  synonyms: names,
  /**
   * Forms counted as mentions in story text, case-sensitive, whole words: "Spike", "Willow Rosenberg", "Wills".
   * A form several characters share counts toward their fandom but toward none of them.
   */
  mentions: names,
  /**
   * Forms that are also ordinary words ("Dawn", "Faith", "Angel"): counted only inside a sentence, where a capital
   * letter means a name, never at a sentence's start.
   */
  ambiguousMentions: names,
});

const relationshipEntrySchema = z.strictObject({
  /** Canonical character names in the order the canonical tag gives them: "Buffy Summers/Spike (…)". */
  members: z.array(z.string().trim().min(1)).min(2),
  /** `romantic` joins the members with "/", `platonic` with " & ", as the Archive's relationship tags do. */
  kind: z.enum(RELATIONSHIP_KINDS),
  /** Portmanteaus fans use: "Spuffy". Matched case-insensitively anywhere in headers, summaries and notes. */
  shipNames: names,
  /** Other spellings of the whole relationship tag, each a synonym tag. */
  synonyms: names,
});

const freeformEntrySchema = z.strictObject({
  name: z.string().trim().min(1),
  synonyms: names,
  metaTags: names,
});

export const vocabularyFileSchema = z.strictObject({
  fandoms: z.array(fandomEntrySchema).default([]),
  characters: z.array(characterEntrySchema).default([]),
  relationships: z.array(relationshipEntrySchema).default([]),
  freeforms: z.array(freeformEntrySchema).default([]),
});

export type FandomEntry = z.infer<typeof fandomEntrySchema>;
export type CharacterEntry = z.infer<typeof characterEntrySchema>;
export type RelationshipEntry = z.infer<typeof relationshipEntrySchema>;
export type FreeformEntry = z.infer<typeof freeformEntrySchema>;
export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;

/** The relationship tag's name: "Buffy Summers/Spike (Buffy the Vampire Slayer)", "Dawn Summers & Buffy Summers". */
export function relationshipName(entry: Pick<RelationshipEntry, "members" | "kind">): string {
  return entry.members.join(entry.kind === "romantic" ? "/" : " & ");
}
