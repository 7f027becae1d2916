/**
 * One labelled value (from a header line, the Archive's preface, eFiction's labels, FanFicFare's title page or
 * YAML front matter) into the work's metadata. Every format funnels its fields through here, so a label means
 * the same thing wherever it is written.
 */
import { categoryFromWord, type Category } from "../../domain/categories.js";
import { exactArchiveWarning, type ArchiveWarning } from "../../domain/warnings.js";
import { fieldForLabel, type FieldKey } from "./labels.js";
import { languageFromName } from "./language.js";
import {
  cleanItem, isRelationship, normaliseRelationship, parseCount, parseSeries, parseStatus, parseYesNo, splitCharacters,
  splitFandoms, splitGenres, splitList, splitTitlePart, stripQuotes,
} from "./values.js";
import type { Evidence, WorkMetadata } from "./work-metadata.js";
import { redactEmails } from "./privacy.js";

// Words that, under an ambiguous "Category:" label, name a genre rather than a fandom.
const GENRE_WORDS = new Set([
  "action", "adventure", "angst", "au", "alternate universe", "comedy", "crime", "crossover", "drabble", "drama",
  "family", "fantasy", "fluff", "friendship", "general", "horror", "humor", "humour", "hurt/comfort", "h/c",
  "missing scene", "mystery", "one-shot", "oneshot", "parody", "poetry", "pwp", "romance", "sci-fi", "science fiction",
  "smut", "songfic", "spiritual", "supernatural", "suspense", "tragedy", "vignette", "western", "character study",
  "episode related", "post-episode", "pre-series", "post-series", "het", "slash", "femslash", "gen", "dark",
  "first time", "established relationship", "ficlet", "short story", "series", "angst/romance", "romance/angst",
]);

// Only a pairing is qualified ("Past Harry/Future Harry" is a pairing of its own, and "Mentioned Harry" none).
const QUALIFIED_PAIRING = /^(background|implied|past|one-sided|unrequited|mentioned|minor|hinted(?: at)?)\s+(\p{Lu}[^/&]*\s*[/&]\s*\p{Lu}.*)$/u;
// The Archive's own tags for them.
const QUALIFIER_TAGS: Readonly<Record<string, string>> = {
  background: "Background Relationships", implied: "Implied Relationship", hinted: "Implied Relationship",
  past: "Past Relationship(s)", "one-sided": "Unrequited Love", unrequited: "Unrequited Love",
};

const NO_VALUE = /^(?:none|n\/a|nil|nothing|-+|—)\.?$/iu;
const EMPTY_WHEN_NONE = new Set<FieldKey>(["series", "sequelTo", "challenge", "writtenFor", "characters", "fandoms", "crossover", "genres", "tags", "url", "category", "summary", "notes", "disclaimer"]);

const NO_PAIRING = /^(?:none|n\/?a|no pairings?|no romance|gen|nada|ninguna|ninguno|aucun|aucune|keine|nenhum|nessuna|нет|无|無)(?:\b|$)/iu;

/** A value as one string, or as the items a structured source already separated (links in the preface). */
export type FieldValue = string | readonly string[];

/**
 * Applies `label: value`. Returns false when the label is not one a header uses (the caller then decides
 * whether the line was a header line at all); true when it was recognised, including labels kept in `extra`.
 */
export function applyLabelledField(meta: WorkMetadata, label: string, value: FieldValue, evidence: Evidence): boolean {
  const field = fieldForLabel(label);
  if (field === undefined) return false;
  applyField(meta, field, label, value, evidence);
  return true;
}

export function applyField(meta: WorkMetadata, field: FieldKey, label: string, raw: FieldValue, evidence: Evidence): void {
  // Addresses go before anything is split or unquoted: `"Jo" <jo@example.com>` is the name Jo.
  const value = typeof raw === "string" ? redactEmails(raw) : raw.map(redactEmails);
  const text = typeof value === "string" ? value.trim() : value.join(", ");
  // "Series: None", "Challenges: n/a": eFiction and hand-written headers fill empty fields so.
  if (NO_VALUE.test(text) && EMPTY_WHEN_NONE.has(field)) return;
  const items = (split: (v: string) => string[]) => (typeof value === "string" ? split(value) : value.map(cleanItem).filter(Boolean));
  if (!text) return;
  switch (field) {
    case "title": {
      const part = splitTitlePart(text);
      meta.setScalar("title", stripQuotes(part?.title ?? text), evidence);
      if (part) meta.setStatus(part.part >= part.of ? "complete" : "in-progress", { ...evidence, source: "inferred", confidence: 0.7 });
      return;
    }
    case "authors":
      meta.addList("authors", items((v) => splitList(v).flatMap((a) => a.split(/\s+(?:&|and)\s+/u))).map(stripByPrefix), evidence);
      return;
    case "fandoms":
    case "crossover":
      meta.addList("fandoms", items((v) => splitFandoms(v, field === "crossover")), evidence);
      return;
    case "category":
      applyCategory(meta, items(splitList), evidence);
      return;
    case "relationships": {
      // "Pairing: none (gen)" states a category, not a relationship.
      const pairings = items(splitList);
      if (pairings.some((p) => /^(?:none|n\/?a|no pairings?|gen)\b.*\bgen\b|^gen$/iu.test(p))) meta.addCategories(["Gen"], evidence);
      // "background Willow/Tara", "implied Spike/Dru": the pairing, and the qualifier as the Archive tags it.
      // The qualifier is matched in lower case; the names after it keep their capitals.
      // "Past Harry/Future Harry" pairs two versions of one character; no qualifier there.
      const unqualified = pairings.map((p) => (/\b(?:future|present|younger|older)\b/iu.test(p) ? null : QUALIFIED_PAIRING.exec(p.replace(/^\S+/u, (w) => w.toLowerCase()))));
      meta.addList("freeforms", unqualified.flatMap((m) => (m ? (QUALIFIER_TAGS[(m[1] ?? "").replace(/\s+at$/u, "")] ?? []) : [])), evidence);
      const names = pairings.map((p, k) => unqualified[k]?.[2] ?? p);
      meta.addList("relationships", names.filter((p) => !NO_PAIRING.test(p)).map(normaliseRelationship), evidence);
      return;
    }
    case "charactersAndPairings": {
      const all = items(splitList);
      meta.addList("relationships", all.filter(isRelationship).map(normaliseRelationship), evidence);
      meta.addList("characters", all.filter((v) => !isRelationship(v)), evidence);
      return;
    }
    case "characters":
      meta.addList("characters", items(splitCharacters), evidence);
      return;
    case "rating":
      meta.setRating(text, evidence);
      return;
    case "warnings": {
      const lines = typeof value === "string" ? [value] : [...value];
      const exact = lines.map(exactArchiveWarning).filter((w): w is ArchiveWarning => w !== null);
      meta.addWarnings(lines.filter((l) => !exactArchiveWarning(l)), exact, evidence);
      return;
    }
    case "genres":
      applyTags(meta, items(splitGenres), evidence);
      return;
    case "tags":
      applyTags(meta, items(splitList), evidence);
      return;
    case "summary":
    case "notes":
    case "endNotes":
    case "disclaimer":
      meta.appendText(field, text, evidence);
      return;
    case "published":
    case "updated":
      meta.setScalar(field, text, evidence);
      return;
    case "words": {
      const count = parseCount(text);
      if (count !== null && /\d/u.test(text)) meta.setStatedWordCount(count, evidence);
      else meta.addExtra(label, text);
      return;
    }
    case "status":
    case "complete":
    case "wip": {
      // "Complete: yes" and "WIP: no" both say complete; "Status: Complete" says it in words.
      const answer = field === "status" ? null : parseYesNo(text);
      const flipped = answer === null ? parseStatus(text) : answer === (field === "complete") ? "complete" : "in-progress";
      if (flipped) meta.setStatus(flipped, evidence);
      // "Completed: 2019-05-10" in the Archive's stats is a date of last update as well as a status.
      if (field === "complete" && /\d{4}/u.test(text)) {
        meta.setStatus("complete", evidence);
        meta.setScalar("updated", text, evidence);
      }
      if (!flipped && !/\d{4}/u.test(text)) meta.addExtra(label, text);
      return;
    }
    case "series": {
      for (const item of typeof value === "string" ? [value] : value) {
        const series = parseSeries(item);
        if (series) meta.addSeries(series, evidence);
      }
      return;
    }
    case "sequelTo":
      meta.addSeries({ name: stripQuotes(text), part: null }, { ...evidence, confidence: 0.6 });
      return;
    case "challenge":
      meta.addList("collections", items(splitList), evidence);
      return;
    case "writtenFor": {
      // "Written for: Alice in the Yuletide 2004 challenge" names a recipient too, which has no field yet.
      const challenge = /\b(?:in|for) the (.+?)\s+(?:challenge|exchange|fest|ficathon)\b/iu.exec(text);
      meta.addList("collections", [challenge?.[1] ?? text], evidence);
      if (challenge) meta.addExtra(label, text);
      return;
    }
    case "language": {
      const code = languageFromName(text);
      if (code) meta.setScalar("language", code, evidence);
      else meta.addExtra(label, text);
      return;
    }
    case "chapters": {
      const m = /(\d+)\s*\/\s*(\d+|\?)/u.exec(text);
      if (m) meta.setStatus(m[2] !== "?" && Number(m[1]) >= Number(m[2]) ? "complete" : "in-progress", evidence);
      return;
    }
    case "stats":
      applyStats(meta, text, evidence);
      return;
    case "url":
      if (/^https?:\/\//iu.test(text)) meta.setScalar("sourceUrl", text, evidence);
      else meta.addExtra(label, text);
      return;
    case "email":
      return;
    case "mailFrom":
      meta.addList("authors", items(splitList).map((a) => stripQuotes(a)).filter((a) => !/^\s*$/u.test(a)), { ...evidence, confidence: 0.6 });
      return;
    case "subject":
      applySubject(meta, text, evidence);
      return;
    case "extra":
      meta.addExtra(label, text);
      return;
  }
}

// "[FIC] Salt Water Gate (1/2) PG-13": a mailing-list subject names the story, its part and often its rating.
function applySubject(meta: WorkMetadata, subject: string, evidence: Evidence): void {
  let rest = subject.replace(/^(?:(?:re|fwd?):\s*)+/iu, "").replace(/^(?:\s*\[[^\]]*\]|\s*(?:fic|new fic|fanfic)\s*:)+\s*/iu, "");
  const rating = /\s+[([]?((?:nc|pg)-?1[3578]|nc-?21|[gr]|fr\d\d|k\+?|t|m|ma)[)\]]?\s*$/iu.exec(rest);
  if (rating?.[1]) {
    meta.setRating(rating[1], { ...evidence, confidence: 0.6 });
    rest = rest.slice(0, rating.index);
  }
  applyField(meta, "title", "Subject", rest.trim(), { ...evidence, confidence: 0.6 });
}

function stripByPrefix(author: string): string {
  return author.replace(/^(?:by|written by)\s*:?\s+/iu, "").trim();
}

function applyCategory(meta: WorkMetadata, values: readonly string[], evidence: Evidence): void {
  const categories: Category[] = [];
  const genres: string[] = [];
  const fandoms: string[] = [];
  const isGenre = (value: string) => value.split("/").every((part) => GENRE_WORDS.has(part.trim().toLowerCase()));
  // eFiction archives file fandoms under "Category"; mailing-list headers list genres there. One genre or
  // category word makes the whole line a genre list ("Romance, PWP with a bit of plot"), and no fandom's name
  // starts in lower case ("a little angst").
  const genreLine = values.some((v) => categoryFromWord(v) !== null || isGenre(v));
  for (const value of values) {
    const category = categoryFromWord(value);
    if (category) categories.push(category);
    else if (isGenre(value)) genres.push(...splitGenres(value));
    else if (genreLine || /^\p{Ll}/u.test(value)) genres.push(value);
    else fandoms.push(...splitFandoms(value, false));
  }
  meta.addCategories(categories, evidence);
  meta.addList("freeforms", genres, evidence);
  meta.addList("fandoms", fandoms, evidence);
}

// Genre and tag fields sometimes hold an Archive category ("Genre: Slash, Angst").
function applyTags(meta: WorkMetadata, values: readonly string[], evidence: Evidence): void {
  const categories = values.map(categoryFromWord).filter((c): c is Category => c !== null);
  meta.addCategories(categories, evidence);
  meta.addList("freeforms", values.filter((v) => !categoryFromWord(v)), evidence);
}

// The Archive's "Stats:" line: Published: 2019-04-02 Updated: 2019-05-10 Words: 12,345 Chapters: 3/?
function applyStats(meta: WorkMetadata, text: string, evidence: Evidence): void {
  const field = (name: string) => new RegExp(`${name}:\\s*([^:]+?)(?=\\s+\\p{L}+:|$)`, "u").exec(text)?.[1];
  const published = field("Published");
  const updated = field("Updated") ?? field("Completed");
  const words = field("Words");
  const chapters = field("Chapters");
  if (published) meta.setScalar("published", published, evidence);
  if (updated) meta.setScalar("updated", updated, evidence);
  if (words) meta.setStatedWordCount(parseCount(words) ?? 0, evidence);
  if (chapters) applyField(meta, "chapters", "Chapters", chapters, evidence);
  else if (field("Completed")) meta.setStatus("complete", evidence);
}
