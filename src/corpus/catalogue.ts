/**
 * The corpus's vocabularies as ranked catalogues with their Zipf tables: fandoms (the real ones at the head, a
 * long tail of invented ones), each fandom's characters, and additional tags. Built once, when the module loads,
 * from a fixed seed: the catalogue is the same for every corpus, and a corpus seed only changes what is drawn.
 */
import { createRandom, type Random } from "./random.js";
import { ZipfTable } from "./zipf.js";
import { REAL_FANDOMS } from "./vocabulary/real-fandoms.js";
import { FANDOM_FORMS, FANDOM_PLACES, FIRST_NAMES, SURNAMES } from "./vocabulary/names.js";
import { GENRE_TAGS, OTHER_TAGS, TAG_TAIL_FORMS, TAG_TAIL_NOUNS } from "./vocabulary/tags.js";
import { TITLE_ADJECTIVES, TITLE_NOUNS } from "./vocabulary/english.js";

/** A character of a fandom. */
export interface Character {
  /** As headers and tags name the character: "Rupert Giles". */
  name: string;
  /** As the story calls them: "Giles". */
  proseName: string;
}

/** A fandom with its characters, most prominent first. */
export interface Fandom {
  name: string;
  /** Most prominent first. */
  characters: readonly Character[];
  /** Zipf over `characters`. */
  characterTable: ZipfTable;
}

/** How many invented fandoms make the long tail behind the real ones. */
const INVENTED_FANDOMS = 3000;
const CHARACTERS_PER_INVENTED_FANDOM = 8;
const TAIL_TAGS = 1000;
/** The catalogue's own seed: fixed, so the catalogue never depends on the corpus seed. */
const CATALOGUE_SEED = 0x51a7e;

// What fans call characters in prose, where it is not the first name.
const PROSE_NAMES: Readonly<Record<string, string>> = {
  "James T. Kirk": "Kirk", "Leonard McCoy": "McCoy", "Montgomery Scott": "Scotty", "Fox Mulder": "Mulder",
  "Dana Scully": "Scully", "Walter Skinner": "Skinner", "Alex Krycek": "Krycek", "John Doggett": "Doggett",
  "Monica Reyes": "Reyes", "Rupert Giles": "Giles", "Samantha Carter": "Carter", "George Hammond": "Hammond",
  "Janet Fraiser": "Fraiser", "Cameron Mitchell": "Mitchell", "Fitzwilliam Darcy": "Darcy", "Charles Bingley": "Bingley",
  "George Wickham": "Wickham", "Caroline Bingley": "Caroline", "Severus Snape": "Snape", "Draco Malfoy": "Draco",
  "Albus Dumbledore": "Dumbledore", "Minerva McGonagall": "McGonagall", "Mycroft Holmes": "Mycroft",
  "Greg Lestrade": "Lestrade", "Jim Moriarty": "Moriarty", "Bobby Singer": "Bobby", "Rodney McKay": "Rodney",
  "Elizabeth Weir": "Weir", "Carson Beckett": "Carson", "Arthur Pendragon": "Arthur", "Uther Pendragon": "Uther",
  "Marius Pontmercy": "Marius", "Jean Valjean": "Valjean", "Éponine Thénardier": "Éponine",
};

function proseNameOf(name: string): string {
  const known = PROSE_NAMES[name];
  if (known) return known;
  // "The Doctor", "Mrs. Hudson": the title is part of how the story names them.
  if (/^(?:The|Mrs\.|Mr\.|Dr\.)\s/u.test(name)) return name;
  return name.split(" ")[0] ?? name;
}

function fandomOf(name: string, characterNames: readonly string[]): Fandom {
  return {
    name,
    characters: characterNames.map((n) => ({ name: n, proseName: proseNameOf(n) })),
    characterTable: new ZipfTable(characterNames.length, 1.0),
  };
}

function inventedFandomName(random: Random): string {
  return random
    .pick(FANDOM_FORMS)
    .replace("{place}", random.pick(FANDOM_PLACES))
    .replace("{name}", random.pick(FIRST_NAMES))
    .replace("{noun}", random.pick(TITLE_NOUNS))
    .replace("{surname}", random.pick(SURNAMES));
}

function inventedCharacters(random: Random): string[] {
  const names = new Set<string>();
  while (names.size < CHARACTERS_PER_INVENTED_FANDOM) {
    // Some canons go by one name ("Gaara", "Spike"); most by two.
    names.add(random.chance(0.15) ? random.pick(FIRST_NAMES) : `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`);
  }
  return [...names];
}

function buildFandoms(): Fandom[] {
  const random = createRandom([CATALOGUE_SEED, 1]);
  const fandoms = REAL_FANDOMS.map((f) => fandomOf(f.name, f.characters));
  const taken = new Set(fandoms.map((f) => f.name));
  while (fandoms.length < REAL_FANDOMS.length + INVENTED_FANDOMS) {
    const name = inventedFandomName(random);
    if (taken.has(name)) continue;
    taken.add(name);
    fandoms.push(fandomOf(name, inventedCharacters(random)));
  }
  return fandoms;
}

function buildTags(): string[] {
  const random = createRandom([CATALOGUE_SEED, 2]);
  // The head interleaves genres with other common tags, as the Archive's most used tags do.
  const head: string[] = [];
  for (let i = 0; i < Math.max(GENRE_TAGS.length, OTHER_TAGS.length); i += 1) {
    const genre = GENRE_TAGS[i];
    const other = OTHER_TAGS[i];
    if (genre) head.push(genre);
    if (other) head.push(other);
  }
  const taken = new Set(head.map((t) => t.toLowerCase()));
  const tags = [...head];
  while (tags.length < head.length + TAIL_TAGS) {
    const form = random.pick(TAG_TAIL_FORMS);
    // A bare noun mostly gets an adjective ("Quiet Lighthouses"), which is most of the tail's variety.
    const noun = form === "{noun}" && random.chance(0.8) ? `${random.pick(TITLE_ADJECTIVES)} ${random.pick(TAG_TAIL_NOUNS)}` : random.pick(TAG_TAIL_NOUNS);
    const tag = form.replace("{noun}", noun);
    if (taken.has(tag.toLowerCase())) continue;
    taken.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

/** Every fandom, real ones first, most written-for first. */
export const FANDOMS: readonly Fandom[] = buildFandoms();
/** Zipf over `FANDOMS`: a few huge fandoms and a long tail. */
export const FANDOM_TABLE = new ZipfTable(FANDOMS.length, 1.0);

/** Every additional tag, most used first. */
export const TAGS: readonly string[] = buildTags();
/** Zipf over `TAGS`, a little flatter than fandoms: the common tags are shared across fandoms. */
export const TAG_TABLE = new ZipfTable(TAGS.length, 0.9);
/** Tags that are genres, which headers list first (on a `Genre:` line). */
export const GENRES: ReadonlySet<string> = new Set(GENRE_TAGS);
