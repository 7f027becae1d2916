/**
 * A small vocabulary of invented fandoms for the wrangling tests, in the vocabulary file's format: two fandoms
 * under one franchise, characters with synonyms and mention forms, ships, and freeforms with a meta tag. Names are
 * nobody's real tags, so a test of it never depends on the starter vocabulary.
 */
import { createHash } from "node:crypto";
import type { StarterVocabulary } from "../../src/services/tags/seed-starter-vocabulary.js";
import { parseVocabularyFile } from "../../src/tags/starter-vocabulary.js";
import type { VocabularyFile } from "../../src/tags/vocabulary-file.js";

export const SMALL_VOCABULARY_YAML = `
fandoms:
  - name: Moonlit Harbour (TV)
    synonyms: [MH, Moonlit Harbour]
    metaTags: [Harbourverse]
    creators: [Ada Quill, Saltwater Pictures]
    places: [Saltmarsh, the Lantern House]
  - name: Moonlit Harbour (Film)
    metaTags: [Harbourverse]
  - name: Harbourverse
  - name: Glass Orchard (Books)
    synonyms: [Glass Orchard]
characters:
  - name: Mara Quell
    fandoms: [Moonlit Harbour (TV), Moonlit Harbour (Film)]
    gender: female
    synonyms: [Mara, Captain Quell]
    mentions: [Mara, Mara Quell]
    ambiguousMentions: [Captain]
  - name: Tobias Wren (Moonlit Harbour)
    fandoms: [Moonlit Harbour (TV)]
    gender: male
    synonyms: [Toby Wren]
    mentions: [Tobias, Toby]
  - name: Isolde Fenn
    fandoms: [Glass Orchard (Books)]
    gender: nonbinary
    mentions: [Isolde]
relationships:
  - members: [Mara Quell, Tobias Wren (Moonlit Harbour)]
    kind: romantic
    shipNames: [Marobias]
    synonyms: [Tobias/Mara]
  - members: [Isolde Fenn, Mara Quell]
    kind: platonic
freeforms:
  - name: Alternate Universe
    synonyms: [AU]
  - name: Alternate Universe - Lighthouses
    synonyms: [Lighthouse AU]
    metaTags: [Alternate Universe]
  - name: Hurt/Comfort
    synonyms: [h/c]
`;

export function smallVocabulary(): VocabularyFile {
  return parseVocabularyFile(SMALL_VOCABULARY_YAML, "small-vocabulary.yaml");
}

/** The file with its entries and every list sorted, so that two files equal up to order compare equal. */
export function sortedVocabulary(file: VocabularyFile): VocabularyFile {
  const byName = <T extends { name: string }>(entries: readonly T[]) => [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sorted = (list: readonly string[]) => [...list].sort();
  return {
    fandoms: byName(file.fandoms).map((f) => ({ ...f, synonyms: sorted(f.synonyms), metaTags: sorted(f.metaTags), creators: sorted(f.creators), places: sorted(f.places) })),
    characters: byName(file.characters).map((c) => ({ ...c, synonyms: sorted(c.synonyms), mentions: sorted(c.mentions), ambiguousMentions: sorted(c.ambiguousMentions) })),
    relationships: byName(file.relationships.map((r) => ({ ...r, name: `${r.members.join("|")}|${r.kind}` }))).map(({ name: _name, ...r }) => ({ ...r, shipNames: sorted(r.shipNames), synonyms: sorted(r.synonyms) })),
    freeforms: byName(file.freeforms).map((f) => ({ ...f, synonyms: sorted(f.synonyms), metaTags: sorted(f.metaTags) })),
  };
}

/** A vocabulary in hand as a starter vocabulary, versioned by its content. */
export function starterVocabularyOf(vocabulary: VocabularyFile): StarterVocabulary {
  return { version: createHash("sha256").update(JSON.stringify(vocabulary)).digest("hex").slice(0, 16), load: () => vocabulary };
}
