/**
 * A vocabulary ready for lookups: every way of naming a tag (canonical name, synonyms, and for characters the
 * forms prose uses) mapped to its entry, and matchers that find names, places, creators and ship names in text.
 * Built once per process (or per import) from a VocabularyFile; immutable afterwards.
 */
import { foldName } from "../domain/sort-key.js";
import { PhraseMatcher } from "./phrase-matcher.js";
import {
  relationshipName,
  type CharacterEntry,
  type FandomEntry,
  type FreeformEntry,
  type RelationshipEntry,
  type VocabularyFile,
} from "./vocabulary-file.js";

/** A character name form found in prose. */
export interface MentionForm {
  character: CharacterEntry;
  /** Also an ordinary word: only counted inside a sentence. */
  ambiguous: boolean;
}

/**
 * How tag names are compared: case, diacritics, spacing and quote styles do not matter.
 * @example tagMatchKey("  Winifred “Fred” Burkle ") // 'winifred "fred" burkle'
 */
export function tagMatchKey(name: string): string {
  return foldName(name.replace(/[“”„″]/gu, '"').replace(/[‘’‛′]/gu, "'"));
}

/** "Spike (Buffy the Vampire Slayer)" → "Spike": the name without the Archive's fandom disambiguation. */
export function bareName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/u, "").trim();
}

export class Vocabulary {
  readonly mentions: PhraseMatcher<MentionForm>;
  readonly places: PhraseMatcher<FandomEntry>;
  /** Creators as a disclaimer may write them, in any case. */
  readonly creators: PhraseMatcher<FandomEntry>;
  /** Creators as names in prose: capitalised, as written. */
  readonly creatorNames: PhraseMatcher<FandomEntry>;
  readonly shipNames: PhraseMatcher<RelationshipEntry>;

  private readonly fandomsByKey = new Map<string, FandomEntry>();
  private readonly charactersByKey = new Map<string, CharacterEntry>();
  private readonly characterFormsByKey = new Map<string, CharacterEntry[]>();
  private readonly relationshipsByKey = new Map<string, RelationshipEntry>();
  private readonly relationshipsByMembers = new Map<string, RelationshipEntry>();
  private readonly relationshipsByShipName = new Map<string, RelationshipEntry>();
  private readonly freeformsByKey = new Map<string, FreeformEntry>();
  private readonly fandomsByName = new Map<string, FandomEntry>();
  private readonly fandomsOfCharacter = new Map<CharacterEntry, FandomEntry[]>();

  constructor(readonly file: VocabularyFile) {
    for (const fandom of file.fandoms) {
      this.fandomsByName.set(fandom.name, fandom);
      for (const name of [fandom.name, ...fandom.synonyms]) this.fandomsByKey.set(tagMatchKey(name), fandom);
    }
    const mentionForms: [string, MentionForm][] = [];
    for (const character of file.characters) {
      this.fandomsOfCharacter.set(character, character.fandoms.flatMap((name) => this.fandomsByName.get(name) ?? []));
      for (const name of [character.name, ...character.synonyms]) this.charactersByKey.set(tagMatchKey(name), character);
      const bare = bareName(character.name);
      const plain = new Set([character.name, bare, ...character.mentions]);
      for (const form of plain) mentionForms.push([form, { character, ambiguous: false }]);
      for (const form of character.ambiguousMentions) mentionForms.push([form, { character, ambiguous: true }]);
      for (const form of new Set([...plain, ...character.synonyms, ...character.ambiguousMentions])) {
        const key = tagMatchKey(form);
        const list = this.characterFormsByKey.get(key) ?? [];
        if (!list.includes(character)) list.push(character);
        this.characterFormsByKey.set(key, list);
      }
    }
    for (const relationship of file.relationships) {
      for (const name of [relationshipName(relationship), ...relationship.synonyms]) this.relationshipsByKey.set(tagMatchKey(name), relationship);
      this.relationshipsByMembers.set(membersKey(relationship.members, relationship.kind), relationship);
      for (const shipName of relationship.shipNames) this.relationshipsByShipName.set(tagMatchKey(shipName), relationship);
    }
    for (const freeform of file.freeforms) {
      for (const name of [freeform.name, ...freeform.synonyms]) this.freeformsByKey.set(tagMatchKey(name), freeform);
    }
    this.mentions = new PhraseMatcher(mentionForms, { caseSensitive: true });
    this.places = new PhraseMatcher(file.fandoms.flatMap((f) => f.places.map((p) => [p, f] as const)), { caseSensitive: true });
    const creators = file.fandoms.flatMap((f) => f.creators.map((c) => [c, f] as const));
    this.creators = new PhraseMatcher(creators, { caseSensitive: false });
    this.creatorNames = new PhraseMatcher(creators, { caseSensitive: true });
    this.shipNames = new PhraseMatcher(file.relationships.flatMap((r) => r.shipNames.map((s) => [s, r] as const)), { caseSensitive: false });
  }

  /** The fandom a name or synonym stands for. */
  fandom(name: string): FandomEntry | undefined {
    return this.fandomsByName.get(name) ?? this.fandomsByKey.get(tagMatchKey(name));
  }

  /** The character a tag name or synonym stands for. */
  character(name: string): CharacterEntry | undefined {
    return this.charactersByKey.get(tagMatchKey(name));
  }

  /**
   * Every character a loose form may mean ("Willow", "Wes", "Dean"), whatever its case: for tag lines. A first
   * name with the initial of another name, as fanfiction.net lists characters ("Buffy S.", "Rupert G."), means
   * the characters of that first name with a later name of that initial.
   */
  charactersNamed(form: string): readonly CharacterEntry[] {
    const found = this.characterFormsByKey.get(tagMatchKey(form));
    if (found) return found;
    const abbreviated = /^(\p{L}[\p{L}'’-]*)\s+(\p{Lu})\.$/u.exec(form.trim());
    if (!abbreviated?.[1] || !abbreviated[2]) return [];
    const initial = abbreviated[2].toLowerCase();
    return (this.characterFormsByKey.get(tagMatchKey(abbreviated[1])) ?? []).filter((c) =>
      bareName(c.name).split(/\s+/u).slice(1).some((word) => foldName(word).startsWith(initial)));
  }

  /** The relationship a tag name, synonym or ship name ("Spuffy") stands for. */
  relationship(name: string): RelationshipEntry | undefined {
    const key = tagMatchKey(name);
    return this.relationshipsByKey.get(key) ?? this.relationshipsByShipName.get(key);
  }

  /** The vocabulary's relationship of exactly these characters and kind, in any order. */
  relationshipOf(members: readonly string[], kind: RelationshipEntry["kind"]): RelationshipEntry | undefined {
    return this.relationshipsByMembers.get(membersKey(members, kind));
  }

  freeform(name: string): FreeformEntry | undefined {
    return this.freeformsByKey.get(tagMatchKey(name));
  }

  /** The fandoms of a character, its home fandom first. */
  fandomsOf(character: CharacterEntry): readonly FandomEntry[] {
    return this.fandomsOfCharacter.get(character) ?? [];
  }
}

function membersKey(members: readonly string[], kind: string): string {
  return `${kind}\u0000${[...members].sort().join("\u0000")}`;
}
