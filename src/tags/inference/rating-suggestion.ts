/**
 * A suggested Archive rating for a work that states none, read from its text, tags and warnings, with the terms
 * that decided it. Three dimensions are scored apart (sexual content, violence, language) because the Archive's
 * ratings treat them differently: one explicit scene makes a novel Explicit, one "damn" does not make it Teen.
 *
 * The text is read in one pass, a word at a time, with a Map lookup or two per word: no regular expression runs
 * over the story, so 5 MB takes a fraction of a second and no input can make matching backtrack.
 */
import { ratingSeverity, type Rating } from "../../domain/rating.js";
import type { ArchiveWarning } from "../../domain/warnings.js";
import { grown, isWordCode } from "../text-tokens.js";

export type SuggestedRating = Exclude<Rating, "Not Rated">;
export type ContentDimension = "sexual" | "violence" | "language";
/** How far one dimension goes. Only sexual content reaches "explicit"; "strong" is the Mature level of each. */
export type ContentLevel = "none" | "mild" | "moderate" | "strong" | "explicit";

export interface RatingSuggestion {
  rating: SuggestedRating;
  /** 0 to 1: high when the signals are far past a threshold or tags agree, lower near a threshold. */
  confidence: number;
  /** Why, naming the counted terms: `Explicit: explicit sexual content (cock ×3, came ×2); also strong language (fuck ×4)`. */
  evidence: string;
  signals: Record<ContentDimension, ContentLevel>;
}

export interface RatingSuggestionInput {
  /** The story text, all chapters. */
  text: string;
  summary?: string | null;
  notes?: string | null;
  freeforms?: readonly string[];
  warnings?: readonly ArchiveWarning[];
}

// Explicit terms count as one scene when they fall within this many words: about a printed page, so a scene is
// found in a novel of any length, while two stray words chapters apart are not a scene.
const SCENE_WINDOW = 300;
// Counts needed for the quantity-driven levels grow with the square root of the length past this many words. The
// root sits between a fixed count (a long text would always cross it) and a pure rate (a scene would be diluted
// away): a reader of a longer work meets more words, but the same few in a long work are still met.
const LENGTH_UNIT = 5000;
const TERMS_SHOWN = 5;

const LEVELS: readonly ContentLevel[] = ["none", "mild", "moderate", "strong", "explicit"];
const LEVEL_RATING: Readonly<Record<ContentLevel, SuggestedRating>> = {
  none: "General Audiences",
  mild: "Teen And Up Audiences",
  moderate: "Teen And Up Audiences",
  strong: "Mature",
  explicit: "Explicit",
};
const DIMENSIONS: readonly ContentDimension[] = ["sexual", "violence", "language"];

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

type Tier = 1 | 2 | 3;
/**
 * always: the word means this on its own ("clit", "entrails", "fuck").
 * paired: a word with innocent senses ("cock", "gutted", "tortured") that counts only with another term of its
 *   dimension nearby, of tier 2 or up, or a different paired word; two such words are a context for each other.
 * weak: common words that are sexual or violent only inside such a scene ("came", "thrust", "moaned"); counted
 *   only near a counted term of at least their tier, and never a context for anything.
 */
type Context = "always" | "paired" | "weak";

interface Term {
  /** The term's index in TERMS, which is how hits store it. */
  readonly id: number;
  readonly dimension: ContentDimension;
  readonly tier: Tier;
  /** The family's name in the evidence: "fucking" and "fucked" both count as "fuck". */
  readonly key: string;
  readonly words: readonly string[];
  readonly context: Context;
  /** A next word that makes the match innocent; a determiner between them is looked past ("kissed her cheek"). */
  readonly notNext: ReadonlySet<string> | null;
  readonly notPrev: ReadonlySet<string> | null;
  /** Also a name: "Dick Grayson", "Pussy Galore". Capitalised, the word is taken for the name. */
  readonly lowercaseOnly: boolean;
  readonly owned: boolean;
}

interface TermOptions {
  context?: Context;
  /** Owned, a paired word is the anatomy and needs no context: "his cock", "Bucky's cock". */
  owned?: boolean;
  notNext?: string;
  notPrev?: string;
  lowercaseOnly?: boolean;
}

/** Families are comma-separated, a family's forms `|`-separated (its first form names it); forms may be phrases. */
function define(dimension: ContentDimension, tier: Tier, families: string, options: TermOptions = {}): Omit<Term, "id">[] {
  const notNext = options.notNext ? wordSet(options.notNext) : null;
  const notPrev = options.notPrev ? wordSet(options.notPrev) : null;
  return families.split(",").flatMap((family) => {
    const forms = family.split("|").map((form) => form.trim().split(/\s+/u));
    const key = (forms[0] ?? []).join(" ");
    return forms.map((words) => ({
      dimension, tier, key, words, context: options.context ?? "always", notNext, notPrev,
      lowercaseOnly: options.lowercaseOnly ?? false, owned: options.owned ?? false,
    }));
  });
}

function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/u).filter((w) => w.length > 0));
}

const DETERMINERS = wordSet("his her their its my your our the a an one all some");

const DEFINED_TERMS: readonly Omit<Term, "id">[] = [
  // Sexual. Tier 1 is kissing, tier 2 suggestive or implied sex, tier 3 explicit.
  ...define("sexual", 1, "kiss|kissed|kisses|kissing", {
    // Family kisses are no romance: "kissed her forehead", "kissed the top of his head".
    notNext: "cheek cheeks forehead brow temple hand hands knuckles fingers hair head top goodnight goodbye",
  }),
  ...define("sexual", 1, "snog|snogged|snogging"),
  ...define("sexual", 2, "naked", { notNext: "eye truth blade blades steel flame flames ambition aggression hatred fear branches trees bulb" }),
  ...define("sexual", 2, "aroused", { notNext: "suspicion suspicions curiosity interest attention anger pity sympathy fear jealousy concern" }),
  ...define("sexual", 2, "sex", { notPrev: "opposite same fair weaker", notNext: "of" }),
  ...define("sexual", 2, "nude|nudity, arousal, horny, lustful, erotic, foreplay, condom|condoms, lube, groped|groping"),
  ...define("sexual", 2, "made love|make love|making love|makes love, had sex|have sex|having sex|has sex"),
  ...define("sexual", 2, "slept together|sleeping together|sleep together, in bed together"),
  ...define("sexual", 2, "moaned|moaning|moans, undressed|undressing, breasts, nipple|nipples, lust, straddled|straddling, panties, unzipped", { context: "weak" }),
  ...define("sexual", 3, "clit|clits|clitoris, blowjob|blowjobs|blow job|blow jobs, handjob|handjobs|hand job|hand jobs, fellatio, cunnilingus"),
  ...define("sexual", 3, "orgasm|orgasms|orgasmed|orgasming|orgasmic, ejaculated|ejaculate|ejaculating|ejaculation, semen, precome|precum|pre come|pre cum"),
  ...define("sexual", 3, "dildo|dildos, anal sex, oral sex, masturbated|masturbate|masturbating|masturbation, deepthroated|deepthroat|deepthroating"),
  ...define("sexual", 3, "jerked off|jerk off|jerking off|jerks off|jacked off|jacking off, sucked him off|sucking him off|sucked me off"),
  ...define("sexual", 3, "went down on him|went down on her|went down on me|goes down on him|goes down on her|going down on him|going down on her", {
    notNext: "knees knee", // "she went down on her knees to pray"
  }),
  ...define("sexual", 3, "erection|erections", { notNext: "of" }), // "the erection of the monument"
  ...define("sexual", 3, "cum|cumming|cummed", { notNext: "laude", notPrev: "summa magna" }),
  // The verb is followed by what is cocked ("cocked his head" is another word; "cock the gun" is not).
  ...define("sexual", 3, "cock|cocks", { context: "paired", owned: true, notNext: "his her their its my your our the a an one crowed crows crowing crew robin fight fights fighting eyed up" }),
  ...define("sexual", 3, "dick|dicks", { context: "paired", lowercaseOnly: true, owned: true }),
  ...define("sexual", 3, "pussy", { context: "paired", lowercaseOnly: true, notNext: "cat cats willow willows" }),
  ...define("sexual", 3, "tits|titties, penis|penises, vagina|vaginas, cunt|cunts", { context: "paired" }),
  ...define("sexual", 3, "fucked him|fucked her|fucked me|fucked you|fucked them|fucking him|fucking her|fucking me|fucking you|fucks him|fucks her|fuck him|fuck her|fuck me", {
    context: "paired", notNext: "up over off around",
  }),
  ...define("sexual", 3, "came|come|comes|coming, thrust|thrusts|thrusted|thrusting, throbbing|throbbed, stroked|stroking|strokes", { context: "weak" }),
  ...define("sexual", 3, "sucked|sucking, licked|licking, wet|wetness, slick, balls, shaft, fingered|fingering", { context: "weak" }),
  ...define("sexual", 3, "inside her|inside him|inside me, rode him|riding him|rode her|riding her, spread her legs|spread his legs", { context: "weak" }),

  // Violence. Tier 1 is scuffles and blood, tier 2 wounding, tier 3 graphic injury.
  ...define("violence", 1, "punched|punches|punching, slapped|slapping"),
  ...define("violence", 1, "kicked|kicking", { notNext: "off back out up in around" }),
  ...define("violence", 1, "bruised|bruises|bruise", { notNext: "ego egos pride" }),
  ...define("violence", 1, "blood", {
    notNext: "pressure type types test tests relative relatives relation relations sugar bank donor donors drive orange oranges moon brother brothers sister sisters oath",
  }),
  ...define("violence", 1, "killed, corpse|corpses, fistfight|brawl|brawled"),
  ...define("violence", 2, "stabbed|stabbing", { notNext: "pain pains sensation ache", notPrev: "a" }),
  ...define("violence", 2, "shot him|shot her|shot them|shot me|shot you", { notNext: "a an glare glares look looks glance smile grin" }),
  ...define("violence", 2, "bleeding|bled", { notNext: "heart hearts" }),
  ...define("violence", 2, "wound|wounds|wounded", { notNext: "up around round down tight through together pride ego feelings" }),
  ...define("violence", 2, "beat him|beat her|beat them|beat me", { notNext: "at to" }),
  ...define("violence", 2, "murdered|murdering, strangled|strangling, knifed, gunshot|gunshots, broke his nose|broke her nose|broken nose"),
  ...define("violence", 3, "entrails, intestines, viscera, disembowelled|disemboweled|disembowel|disembowelling|disemboweling, eviscerated|eviscerate"),
  ...define("violence", 3, "decapitated|beheaded, dismembered|dismemberment, mutilated|mutilation, flayed, impaled, gored"),
  ...define("violence", 3, "gore", { lowercaseOnly: true }),
  ...define("violence", 3, "blood spurted|blood sprayed|blood gushed|blood spattered|blood splattered|blood spurting|blood spraying|blood gushing|spurting blood|gushing blood"),
  ...define("violence", 3, "bones cracked|bone cracked|bones snapped|bone snapped|bones crunched|bone crunched|bones shattered|bone shattered"),
  ...define("violence", 3, "screamed in agony|screaming in agony|screams in agony|howled in agony|shrieked in agony, pool of blood|pools of blood"),
  ...define("violence", 3, "slit his throat|slit her throat|slit their throat|slit my throat|throat was slit|cut his throat|cut her throat|slashed his throat|slashed her throat"),
  ...define("violence", 3, "gutted, tortured|torture|torturing, mangled", { context: "paired" }),
  ...define("violence", 3, "severed", { context: "paired", notNext: "ties all contact connection connections relations link links bond bonds friendship relationship" }),

  // Language. Tier 1 mild, tier 2 coarse, tier 3 strong.
  ...define("language", 1, "damn|damned|damnit|dammit, hell, bloody, crap|crappy, bugger|buggered|buggering, sod, frigging|friggin"),
  ...define("language", 1, "screw you|screw it|screw this|screw that|screw off|screw him|screw her", { notNext: "in into on onto tight down" }),
  ...define("language", 2, "shit|shits|shitty|shitting|shite|shithead|dipshit, bullshit|horseshit, bastard|bastards, bitch|bitches|bitching|bitchy"),
  ...define("language", 2, "ass, asshole|assholes, jackass|dumbass|asshat, arse|arsehole|arseholes, dickhead|dickheads, piss|pissed|pissing"),
  ...define("language", 2, "wanker|wankers|wank, bollocks, twat|twats, douche|douchebag, slut|sluts|slutty, whore|whores"),
  ...define("language", 2, "goddamn|goddamned|goddamnit|goddammit|god damn|god damned|god damnit"),
  ...define("language", 2, "prick|pricks", { notNext: "of" }),
  ...define("language", 2, "dick|dicks", { lowercaseOnly: true }),
  ...define("language", 3, "fuck|fucks|fucked|fucking|fuckin|fucker|fuckers|fuckery|fuckface|fuckhead|fuckwit|clusterfuck|mindfuck"),
  ...define("language", 3, "motherfucker|motherfuckers|motherfucking|motherfuckin|mother fucker|mother fucking, cunt|cunts, cocksucker|cocksuckers"),
];

const DEFINED_COUNT = DEFINED_TERMS.length;
const OWNED_FORMS = DEFINED_TERMS.filter((term) => term.owned);
const TERMS: readonly Term[] = [
  ...DEFINED_TERMS.map((term, id) => ({ ...term, id })),
  // Each owned-counting word's twin, which needs no context: what it becomes after "his" or "Bucky's".
  ...OWNED_FORMS.map((term, k) => ({ ...term, id: DEFINED_COUNT + k, context: "always" as const })),
];
const OWNED_TWIN = new Map<number, Term>(OWNED_FORMS.flatMap((term, k) => {
  const twin = TERMS[DEFINED_COUNT + k];
  return twin ? [[DEFINED_TERMS.indexOf(term), twin] as const] : [];
}));
const OWNERS = wordSet("his her my your their our");

function termById(id: number): Term {
  const term = TERMS[id];
  if (!term) throw new Error(`no term ${id}`);
  return term;
}

// Single words by the word; phrases by their last word, so a phrase is found when its last word arrives.
const SINGLE_WORDS = groupBy(TERMS.filter((t) => t.words.length === 1), (t) => t.words[0] ?? "");
const PHRASE_ENDINGS = groupBy(TERMS.filter((t) => t.words.length > 1), (t) => t.words[t.words.length - 1] ?? "");
const LONGEST_PHRASE = Math.max(...TERMS.map((t) => t.words.length));

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// Scanning

/**
 * Hits of one dimension as typed columns (term id, first and last word position) rather than an object each: a
 * text that is nothing but hits (5 MB of one word) then costs twelve bytes a hit and nothing for the collector.
 */
class Hits {
  length = 0;
  private ids: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;

  constructor(capacity = 64) {
    this.ids = new Uint16Array(Math.max(capacity, 1));
    this.starts = new Int32Array(this.ids.length);
    this.ends = new Int32Array(this.ids.length);
  }

  push(term: Term, start: number, end: number): void {
    if (this.length === this.ids.length) {
      this.ids = grown(this.ids, new Uint16Array(this.length * 2));
      this.starts = grown(this.starts, new Int32Array(this.length * 2));
      this.ends = grown(this.ends, new Int32Array(this.length * 2));
    }
    this.ids[this.length] = term.id;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length += 1;
  }

  term(i: number): Term {
    return termById(this.ids[i] ?? 0);
  }

  start(i: number): number {
    return this.starts[i] ?? 0;
  }

  end(i: number): number {
    return this.ends[i] ?? 0;
  }

  forEach(visit: (term: Term, start: number, index: number) => void): void {
    for (let i = 0; i < this.length; i += 1) visit(this.term(i), this.start(i), i);
  }

  filter(keep: (term: Term, start: number, index: number) => boolean): Hits {
    const kept = new Hits(this.length);
    this.forEach((term, start, i) => {
      if (keep(term, start, i)) kept.push(term, start, this.end(i));
    });
    return kept;
  }
}


interface Pending {
  readonly term: Term;
  readonly start: number;
  readonly end: number;
  /** A determiner came next, so the word after it decides. */
  lookedPast: boolean;
}

class TermScanner {
  readonly hits: Readonly<Record<ContentDimension, Hits>> = { sexual: new Hits(), violence: new Hits(), language: new Hits() };
  words = 0;
  // The current sentence's last few words; phrases never reach across a sentence end.
  private recent: string[] = [];
  /** The last word was a possessive: "his", "Bucky's". */
  private afterOwner = false;
  private pending: Pending[] = [];

  scan(text: string): void {
    let start = -1;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (isWordCode(code)) {
        if (start < 0) start = i;
        continue;
      }
      // An apostrophe between letters stays in the word ("don't"); a closing quote or dropped g does not.
      if ((code === 39 || code === 0x2019) && start >= 0 && isWordCode(text.charCodeAt(i + 1))) continue;
      if (start >= 0) {
        this.word(text.slice(start, i));
        start = -1;
      }
      if (code === 46 || code === 33 || code === 63 || code === 10 || code === 0x2026) this.endSentence();
    }
    if (start >= 0) this.word(text.slice(start));
    this.endSentence();
  }

  private word(raw: string): void {
    const index = this.words;
    this.words += 1;
    let word = raw.toLowerCase();
    if (word.includes("’")) word = word.replaceAll("’", "'");
    const possessive = word.endsWith("'s");
    if (possessive) word = word.slice(0, -2);
    if (this.pending.length > 0) this.resolvePending(word);
    let phraseDimensions: Set<ContentDimension> | null = null;
    for (const term of PHRASE_ENDINGS.get(word) ?? []) {
      if (this.phraseMatches(term.words)) {
        this.candidate(term, index - term.words.length + 1, index);
        phraseDimensions ??= new Set();
        phraseDimensions.add(term.dimension);
      }
    }
    const first = raw.charCodeAt(0);
    const capitalised = first >= 65 && first <= 90;
    for (const term of SINGLE_WORDS.get(word) ?? []) {
      if (term.lowercaseOnly && capitalised) continue;
      // "pool of blood" counts once, as the phrase.
      if (phraseDimensions?.has(term.dimension)) continue;
      this.candidate(term, index, index);
    }
    this.recent.push(word);
    if (this.recent.length > LONGEST_PHRASE) this.recent.shift();
    this.afterOwner = possessive || OWNERS.has(word);
  }

  private phraseMatches(words: readonly string[]): boolean {
    const before = words.length - 1;
    if (this.recent.length < before) return false;
    const offset = this.recent.length - before;
    for (let j = 0; j < before; j += 1) if (this.recent[offset + j] !== words[j]) return false;
    return true;
  }

  private candidate(found: Term, start: number, end: number): void {
    const term = (this.afterOwner && OWNED_TWIN.get(found.id)) || found;
    const previous = this.recent[this.recent.length - term.words.length];
    if (term.notPrev && previous !== undefined && term.notPrev.has(previous)) return;
    if (term.notNext) this.pending.push({ term, start, end, lookedPast: false });
    else this.hits[term.dimension].push(term, start, end);
  }

  private resolvePending(next: string): void {
    let waiting = 0;
    for (const item of this.pending) {
      if (item.term.notNext?.has(next)) continue;
      if (!item.lookedPast && DETERMINERS.has(next)) {
        item.lookedPast = true;
        this.pending[waiting] = item;
        waiting += 1;
      } else {
        this.hits[item.term.dimension].push(item.term, item.start, item.end);
      }
    }
    this.pending.length = waiting;
  }

  private endSentence(): void {
    for (const item of this.pending) this.hits[item.term.dimension].push(item.term, item.start, item.end);
    this.pending.length = 0;
    this.recent.length = 0;
  }
}


// ---------------------------------------------------------------------------------------------------------------
// Context and windows

/** Hits of one dimension that count: sorted, phrases over their own words, ambiguous words only in context. */
function countedHits(hits: Hits): Hits {
  const sorted = sortedHits(hits);
  const qualifies = (term: Term) => term.context === "paired" || (term.context === "always" && term.tier >= 2);
  const pairedDistance = distanceToOtherFamily(sorted, qualifies);
  const confirmed = sorted.filter((term, _start, i) => term.context !== "paired" || (pairedDistance[i] ?? Infinity) <= SCENE_WINDOW);
  const anchors = (tier: Tier) => {
    const positions: number[] = [];
    confirmed.forEach((term, start) => {
      if (term.context !== "weak" && term.tier >= tier) positions.push(start);
    });
    return positions;
  };
  const suggestive = anchors(2);
  const explicit = anchors(3);
  return confirmed.filter((term, start) => term.context !== "weak" || nearest(term.tier === 3 ? explicit : suggestive, start) <= SCENE_WINDOW);
}

/** In text order, each phrase counted over the words inside it ("blood" in "blood spurted"). */
function sortedHits(hits: Hits): Hits {
  const before = (a: number, b: number) => hits.start(a) - hits.start(b) || hits.end(b) - hits.end(a);
  // Hits arrive almost in order (a phrase after the words inside it), so the sort is skipped when it can be.
  let ordered = true;
  for (let i = 1; i < hits.length && ordered; i += 1) ordered = before(i - 1, i) <= 0;
  const order = ordered ? null : Array.from({ length: hits.length }, (_, i) => i).sort(before);
  const sorted = new Hits(hits.length);
  let coveredTo = -1;
  for (let k = 0; k < hits.length; k += 1) {
    const i = order ? (order[k] ?? k) : k;
    const end = hits.end(i);
    if (end <= coveredTo) continue;
    coveredTo = end;
    sorted.push(hits.term(i), hits.start(i), end);
  }
  return sorted;
}

/**
 * For each hit, the distance in words to the nearest qualifying hit of another family (Infinity if none). One
 * sweep each way, remembering the latest qualifying hit and the latest of a family other than its, keeps a text
 * of a million "cock"s linear.
 */
function distanceToOtherFamily(sorted: Hits, qualifies: (term: Term) => boolean): Float64Array {
  const distances = new Float64Array(sorted.length).fill(Infinity);
  const sweep = (from: number, to: number, step: number) => {
    let latestKey: string | null = null;
    let latestAt = 0;
    let otherAt: number | null = null;
    for (let i = from; i !== to; i += step) {
      const term = sorted.term(i);
      const start = sorted.start(i);
      const near = latestKey !== null && latestKey !== term.key ? latestAt : otherAt;
      if (near !== null) distances[i] = Math.min(distances[i] ?? Infinity, Math.abs(start - near));
      if (!qualifies(term)) continue;
      if (latestKey !== null && latestKey !== term.key) otherAt = latestAt;
      latestKey = term.key;
      latestAt = start;
    }
  };
  sweep(0, sorted.length, 1);
  sweep(sorted.length - 1, -1, -1);
  return distances;
}

function nearest(sortedPositions: readonly number[], position: number): number {
  let low = 0;
  let high = sortedPositions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sortedPositions[middle] ?? Infinity) < position) low = middle + 1;
    else high = middle;
  }
  const after = sortedPositions[low];
  const before = sortedPositions[low - 1];
  return Math.min(after === undefined ? Infinity : after - position, before === undefined ? Infinity : position - before);
}

interface Tally {
  tier1: number;
  tier2: number;
  /** Tier-3 hits that are not weak: the words that make a scene explicit. */
  core3: number;
  weak3: number;
}

function addToTally(tally: Tally, term: Term, sign: number): void {
  if (term.tier === 1) tally.tier1 += sign;
  else if (term.tier === 2) tally.tier2 += sign;
  else if (term.context === "weak") tally.weak3 += sign;
  else tally.core3 += sign;
}

function tallyOf(hits: Hits): Tally {
  const tally: Tally = { tier1: 0, tier2: 0, core3: 0, weak3: 0 };
  hits.forEach((term) => addToTally(tally, term, 1));
  return tally;
}

/** The largest `measure` over every run of hits within SCENE_WINDOW words. */
function windowMax(sorted: Hits, measure: (counts: Tally) => number): number {
  const counts: Tally = { tier1: 0, tier2: 0, core3: 0, weak3: 0 };
  let best = 0;
  let left = 0;
  sorted.forEach((term, start) => {
    addToTally(counts, term, 1);
    for (; start - sorted.start(left) > SCENE_WINDOW; left += 1) addToTally(counts, sorted.term(left), -1);
    best = Math.max(best, measure(counts));
  });
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Levels

/** One way to reach a level: met when value ≥ needed, and value / needed says how clearly. */
interface Criterion {
  level: ContentLevel;
  value: number;
  needed: number;
}

interface DimensionReading {
  dimension: ContentDimension;
  level: ContentLevel;
  criteria: Criterion[];
  counted: Hits;
  tally: Tally;
}

function sexualCriteria(hits: Hits, tally: Tally, scaled: (base: number) => number): Criterion[] {
  const { core3, tier2 } = tally;
  // A scene: two explicit words, and enough words around them, in one window. Short of two explicit words the
  // weaker side says how close a window came; past them, how much of a scene it is.
  const scene = windowMax(hits, (c) => {
    const weight = (c.core3 + 0.5 * (c.weak3 + c.tier2)) / 3;
    return c.core3 >= 2 ? weight : Math.min(c.core3 / 2, weight);
  });
  return [
    { level: "explicit", value: scene, needed: 1 },
    // Any explicit word that survived the context check is already sex on the page: never Teen.
    { level: "strong", value: core3, needed: 1 },
    // A non-explicit scene: several suggestive words together.
    { level: "strong", value: windowMax(hits, (c) => c.tier2), needed: 3 },
    { level: "moderate", value: tier2, needed: scaled(1) },
    { level: "mild", value: tally.tier1 + tier2, needed: scaled(2) },
  ];
}

function violenceCriteria(hits: Hits, tally: Tally, scaled: (base: number) => number): Criterion[] {
  const graphic = tally.core3 + tally.weak3;
  const wounding = tally.tier2;
  return [
    { level: "strong", value: windowMax(hits, (c) => c.core3 + c.weak3), needed: 2 },
    { level: "strong", value: graphic, needed: scaled(3) },
    { level: "moderate", value: graphic, needed: 1 },
    { level: "moderate", value: wounding, needed: scaled(2) },
    { level: "mild", value: tally.tier1 + wounding, needed: scaled(2) },
  ];
}

function languageCriteria(tally: Tally, scaled: (base: number) => number): Criterion[] {
  const strong = tally.core3;
  const coarse = tally.tier2;
  return [
    { level: "strong", value: strong, needed: scaled(5) },
    // One f-word is Teen, as one is PG-13 for film.
    { level: "moderate", value: strong, needed: 1 },
    { level: "moderate", value: coarse, needed: scaled(2) },
    { level: "mild", value: tally.tier1 + coarse, needed: scaled(2) },
  ];
}

function readDimension(dimension: ContentDimension, hits: Hits, words: number): DimensionReading {
  const counted = dimension === "language" ? sortedHits(hits) : countedHits(hits);
  const tally = tallyOf(counted);
  const scaled = (base: number) => base * Math.max(1, Math.sqrt(words / LENGTH_UNIT));
  const criteria = dimension === "sexual" ? sexualCriteria(counted, tally, scaled) : dimension === "violence" ? violenceCriteria(counted, tally, scaled) : languageCriteria(tally, scaled);
  const met = criteria.filter((c) => c.value >= c.needed).map((c) => LEVELS.indexOf(c.level));
  const level = LEVELS[Math.max(0, ...met)] ?? "none";
  return { dimension, level, criteria, counted, tally };
}

// ---------------------------------------------------------------------------------------------------------------
// Tags, warnings and the author's own words

interface Cue {
  readonly words: readonly string[];
  readonly floor: SuggestedRating;
  readonly dimension: ContentDimension;
  /** Matches only as the whole tag: "Sex" is a tag about sex, "Sex Pollen" is caught by its own cue. */
  readonly whole: boolean;
  /** Also looked for in the summary and notes; the rest are too common in prose ("blood", "violence"). */
  readonly prose: boolean;
}

function cues(dimension: ContentDimension, floor: SuggestedRating, phrases: string, options: { whole?: boolean; prose?: boolean } = {}): Cue[] {
  return phrases.split(",").map((phrase) => ({
    words: phrase.trim().split(/\s+/u), floor, dimension, whole: options.whole ?? false, prose: options.prose ?? false,
  }));
}

// Sexual cues at Mature become Explicit when the text has an explicit word of its own (see suggestRating).
const CUES: readonly Cue[] = [
  ...cues("sexual", "Mature", "smut, smutty, pwp, porn without plot, plot what plot, explicit sexual content, explicit sex, graphic sex, sexual content, nsfw", { prose: true }),
  // Lemon and lime (the old fanfiction.net words for explicit and implied sex) only as tags: in a summary they are fruit.
  ...cues("sexual", "Mature", "lemon, lemons, porn with plot, porn with feelings, rough sex, oral sex, anal sex, blow jobs, blowjobs, hand jobs, sex toys, dirty talk, masturbation, bdsm"),
  ...cues("sexual", "Mature", "rape, non con, noncon, non consensual, nonconsensual, dubious consent, dub con, dubcon"),
  ...cues("sexual", "Mature", "sex, porn", { whole: true }),
  ...cues("sexual", "Teen And Up Audiences", "fade to black, implied sex", { prose: true }),
  ...cues("sexual", "Teen And Up Audiences", "lime, limes"),
  ...cues("sexual", "Teen And Up Audiences", "kissing, making out", { whole: true }),
  ...cues("violence", "Mature", "graphic violence, graphic depictions of violence, blood and gore, gore", { prose: true }),
  ...cues("violence", "Mature", "torture, body horror, mutilation, dismemberment"),
  ...cues("violence", "Teen And Up Audiences", "canon typical violence"),
  ...cues("violence", "Teen And Up Audiences", "violence, blood, fighting", { whole: true }),
  ...cues("language", "Teen And Up Audiences", "strong language, swearing, profanity", { prose: true }),
  ...cues("language", "Teen And Up Audiences", "cursing, bad language, foul language, crude language"),
  ...cues("language", "Teen And Up Audiences", "language", { whole: true }),
];

// Words before a cue that take it back ("No Smut") or soften it to a mention ("Implied Sexual Content",
// "Non-Graphic Violence", "Past Rape/Non-Con"): a softened cue still says the subject is there, so Teen.
const NEGATORS = wordSet("no not without never zero nothing lack absence");
const SOFTENERS = wordSet("non implied implication referenced reference references mentioned mention mentions past offscreen off mild light minor vague brief discussed alluded allusions hinted hints suggested background");
const CUE_LOOKBACK = 3;

const WARNING_CUES: ReadonlyMap<ArchiveWarning, { floor: SuggestedRating; dimension: ContentDimension }> = new Map([
  ["Rape/Non-Con", { floor: "Mature", dimension: "sexual" }],
  ["Underage Sex", { floor: "Mature", dimension: "sexual" }],
  ["Graphic Depictions Of Violence", { floor: "Mature", dimension: "violence" }],
]);

interface Floor {
  label: string;
  rating: SuggestedRating;
  dimension: ContentDimension;
}

function plainWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The strongest cue in a run of words, after negation and softening; null if none. */
function strongestCue(words: readonly string[], allowed: (cue: Cue) => boolean): Cue | null {
  let best: Cue | null = null;
  for (const cue of CUES) {
    if (!allowed(cue)) continue;
    if (cue.whole && cue.words.length !== words.length) continue;
    for (let i = 0; i + cue.words.length <= words.length; i += 1) {
      if (!cue.words.every((w, j) => words[i + j] === w)) continue;
      const before = words.slice(Math.max(0, i - CUE_LOOKBACK), i);
      if (before.some((w) => NEGATORS.has(w))) continue;
      const floor = before.some((w) => SOFTENERS.has(w)) && ratingSeverity(cue.floor) > ratingSeverity("Teen And Up Audiences") ? "Teen And Up Audiences" : cue.floor;
      if (!best || ratingSeverity(floor) > ratingSeverity(best.floor)) best = { ...cue, floor };
    }
  }
  return best;
}

function readFloors(input: RatingSuggestionInput): Floor[] {
  const floors: Floor[] = [];
  for (const tag of input.freeforms ?? []) {
    const cue = strongestCue(plainWords(tag), () => true);
    if (cue) floors.push({ label: `freeform "${tag}"`, rating: cue.floor, dimension: cue.dimension });
  }
  for (const warning of input.warnings ?? []) {
    const cue = WARNING_CUES.get(warning);
    if (cue) floors.push({ label: `warning "${warning}"`, rating: cue.floor, dimension: cue.dimension });
  }
  // The author's notes are read for what they call the content, a sentence at a time, so "No smut. Fluff!" is a
  // negation of smut only. The story's own words are not counted here: notes describe, and often deny.
  const prose: readonly (readonly [string, string | null | undefined])[] = [["summary", input.summary], ["notes", input.notes]];
  for (const [where, text] of prose) {
    for (const sentence of (text ?? "").split(/[.!?;\n]/u)) {
      const cue = strongestCue(plainWords(sentence), (c) => c.prose);
      if (cue) floors.push({ label: `${where} "${cue.words.join(" ")}"`, rating: cue.floor, dimension: cue.dimension });
    }
  }
  return floors;
}

// ---------------------------------------------------------------------------------------------------------------
// The suggestion

/**
 * Suggests a rating for a work that states none. Pure and linear in the text's length.
 *
 * Each dimension is read from the story text; tags, archive warnings and what the summary and notes call the
 * content then set a floor. Sexual content is never diluted by length: one explicit scene anywhere makes the work
 * Explicit, and an explicit word in a sexual context makes it at least Mature. Mild language, kissing and mild
 * violence need more hits in longer texts.
 *
 * @example
 * suggestRating({ text: "“Damn it,” she said, and kissed him. “Damn you.” He kissed her back." })
 * // { rating: "Teen And Up Audiences", confidence: 0.55,
 * //   evidence: "Teen And Up Audiences: kissing (kiss ×2); mild language (damn ×2)",
 * //   signals: { sexual: "mild", violence: "none", language: "mild" } }
 */
export function suggestRating(input: RatingSuggestionInput): RatingSuggestion {
  const scanner = new TermScanner();
  scanner.scan(input.text);
  const words = scanner.words;
  const readings = DIMENSIONS.map((dimension) => readDimension(dimension, scanner.hits[dimension], words));
  const signals: Record<ContentDimension, ContentLevel> = { sexual: "none", violence: "none", language: "none" };
  for (const reading of readings) signals[reading.dimension] = reading.level;
  const explicitInText = readings.some((r) => r.dimension === "sexual" && r.tally.core3 > 0);

  // A sexual tag or warning at Mature, with an explicit word in the text to back it, is an explicit work.
  const explicit: SuggestedRating = "Explicit";
  const floors = readFloors(input).map((f) => (f.dimension === "sexual" && f.rating === "Mature" && explicitInText ? { ...f, rating: explicit } : f));

  const textRating = maxRating(readings.map((r) => LEVEL_RATING[r.level]));
  const rating = maxRating([textRating, ...floors.map((f) => f.rating)]);
  return {
    rating,
    confidence: confidenceOf(rating, textRating, readings, floors, words),
    evidence: evidenceOf(rating, readings, floors, words),
    signals,
  };
}

function maxRating(ratings: readonly SuggestedRating[]): SuggestedRating {
  let best: SuggestedRating = "General Audiences";
  for (const r of ratings) if (ratingSeverity(r) > ratingSeverity(best)) best = r;
  return best;
}

function confidenceOf(rating: SuggestedRating, textRating: SuggestedRating, readings: readonly DimensionReading[], floors: readonly Floor[], words: number): number {
  const criteria = readings.flatMap((r) => r.criteria);
  // How close the text came to the next rating up: a suggestion just under a threshold is less sure.
  const progress = Math.max(0, ...criteria.filter((c) => ratingSeverity(LEVEL_RATING[c.level]) > ratingSeverity(rating) && c.value < c.needed).map((c) => c.value / c.needed));
  let confidence: number;
  if (rating === "General Audiences") {
    // Absence of every signal says more in a novel than in a drabble: 0.4 at 100 words, 0.7 from 10,000.
    confidence = 0.4 + 0.3 * Math.min(1, Math.max(0, Math.log10(Math.max(words, 1) / 100) / 2));
  } else if (textRating === rating) {
    const strength = Math.max(1, ...criteria.filter((c) => LEVEL_RATING[c.level] === rating && c.value >= c.needed).map((c) => c.value / c.needed));
    // 0.55 just at the threshold, towards 0.9 far past it; a tag that agrees adds 0.1.
    confidence = 0.55 + 0.35 * (1 - 1 / strength) + (floors.some((f) => f.rating === rating) ? 0.1 : 0);
  } else {
    // Raised by the author's tags alone: their word, but the text did not show it.
    confidence = 0.65;
  }
  confidence -= 0.25 * progress ** 2;
  return Math.round(Math.min(0.97, Math.max(0.05, confidence)) * 100) / 100;
}

const LABELS: Readonly<Record<ContentDimension, Readonly<Record<ContentLevel, string>>>> = {
  sexual: { none: "sexual terms below threshold", mild: "kissing", moderate: "suggestive content", strong: "sexual content", explicit: "explicit sexual content" },
  violence: { none: "violence below threshold", mild: "mild violence", moderate: "violence", strong: "graphic violence", explicit: "graphic violence" },
  language: { none: "language below threshold", mild: "mild language", moderate: "coarse language", strong: "strong language", explicit: "strong language" },
};

function evidenceOf(rating: SuggestedRating, readings: readonly DimensionReading[], floors: readonly Floor[], words: number): string {
  const deciding: string[] = [];
  const also: string[] = [];
  for (const reading of readings) {
    if (reading.counted.length === 0) continue;
    const part = `${LABELS[reading.dimension][reading.level]} (${topTerms(reading.counted)})`;
    (reading.level !== "none" && LEVEL_RATING[reading.level] === rating ? deciding : also).push(part);
  }
  const shownFloors = [...new Map(floors.map((f) => [f.label, f])).values()]
    .sort((a, b) => ratingSeverity(b.rating) - ratingSeverity(a.rating))
    .slice(0, TERMS_SHOWN);
  for (const floor of shownFloors) (floor.rating === rating ? deciding : also).push(floor.label);
  if (deciding.length === 0) deciding.push(`no sexual content, violence or language above threshold in ${words.toLocaleString("en-US")} words`);
  return `${rating}: ${deciding.join("; ")}${also.length > 0 ? `; also ${also.join("; ")}` : ""}`;
}

/** "cock ×3, came ×2, naked ×1": the strongest families first, then the most frequent, then by name. */
function topTerms(hits: Hits): string {
  // Weak words rank below the rest of their tier: "came" is evidence only beside the words that made it count.
  const families = new Map<string, { rank: number; count: number }>();
  hits.forEach((term) => {
    const family = families.get(term.key);
    if (family) family.count += 1;
    else families.set(term.key, { rank: term.tier * 2 - (term.context === "weak" ? 1 : 0), count: 1 });
  });
  return [...families]
    .sort(([a, x], [b, y]) => y.rank - x.rank || y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TERMS_SHOWN)
    .map(([key, { count }]) => `${key} ×${count}`)
    .join(", ");
}
