/** Splitting and cleaning the values of header fields: lists, relationships, fandoms, series, counts, status. */
import type { SeriesMembership, WorkStatus } from "../../domain/work.js";

/** Splits a list on commas and semicolons (and the full-width commas the Archive accepts). */
export function splitList(value: string): string[] {
  return value
    .split(/\s*[,;，、]\s*|\n+/u)
    .map(cleanItem)
    .filter((v) => v.length > 0);
}

/** Trims an item and the decoration authors put around it: quotes, trailing periods, bullets. */
export function cleanItem(value: string): string {
  return value
    .trim()
    .replace(/^(?:[-*•·]\s+|and\s+)/iu, "")
    .replace(/(?<!(?:^|[\s.])\p{Lu})[.。]+$/u, "")
    .replace(/^["“”'‘’]+(.*?)["“”'‘’]+$/u, "$1")
    .trim();
}

/** Characters: a list, where ` & ` and ` and ` also separate names. */
export function splitCharacters(value: string): string[] {
  return splitList(value).flatMap((item) => item.split(/\s+(?:&|and|y|et|und|e)\s+/u)).map(cleanItem).filter(Boolean);
}

/** Normalises one relationship: `A / B` → `A/B`, `A&B` → `A & B`, `A x B` → `A/B`. */
export function normaliseRelationship(value: string): string {
  return value
    .replace(/\s*\/\s*/gu, "/")
    .replace(/\s*&\s*/gu, " & ")
    .replace(/(\p{Lu}[\p{L}.'’-]*)\s+x\s+(?=\p{Lu})/gu, "$1/")
    .trim();
}

export function isRelationship(value: string): boolean {
  return /\/|&|\s+x\s+\p{Lu}/u.test(value);
}

/**
 * Fandoms in a list. `/` also separates fandoms (`BtVS/AtS`), and for crossovers ` x ` and `&` do too, but only
 * where every side looks like a name, so `Fate/stay night` and `Law & Order` stay whole; a trailing "crossover"
 * is dropped.
 */
export function splitFandoms(value: string, crossover: boolean): string[] {
  const splitNamed = (item: string, separator: RegExp): string[] => {
    const sides = item.split(separator).map((s) => s.trim());
    return sides.length > 1 && sides.every((s) => /^[\p{Lu}\p{N}"“]/u.test(s)) ? sides : [item];
  };
  return splitList(value.replace(/\s*\(?\bcrossover\)?\s*$/iu, ""))
    .flatMap((item) => (crossover ? splitNamed(item, /\s+x\s+|\s+&\s+/u) : [item]))
    .flatMap((item) => splitNamed(item, /\s*\/\s*/u));
}

const GENRE_COMPOUNDS = new Set(["hurt/comfort", "h/c", "sci-fi", "action/adventure", "s/m", "m/m", "f/f", "f/m", "m/f"]);

/** Genres: a list where `/` also separates genres (`Humor/Friendship`), except in `Hurt/Comfort`. */
export function splitGenres(value: string): string[] {
  return splitList(value).flatMap((item) => {
    if (GENRE_COMPOUNDS.has(item.toLowerCase())) return [item];
    const protectedItem = item.replace(/hurt\/comfort/giu, (m) => m.replace("/", "\u0000"));
    return protectedItem.split(/\s*\/\s*/u).map((g) => g.replace("\u0000", "/").trim()).filter(Boolean);
  });
}

/** A stated word count: `1,104`, `~2500`, `2.500 Wörter`, `About 3k`. Null when the value holds no number. */
export function parseCount(value: string): number | null {
  const k = /(\d+(?:[.,]\d+)?)\s*k\b/iu.exec(value);
  if (k?.[1]) return Math.round(Number(k[1].replace(",", ".")) * 1000);
  const m = /\d{1,3}(?:[,.\s ]\d{3})+(?!\d)|\d+/u.exec(value);
  return m ? Number(m[0].replace(/[^\d]/gu, "")) : null;
}

// Word boundaries by lookaround, as `\b` knows no accented letters ("Terminé", "закончен").
const COMPLETE = /(?<![\p{L}])(?:complete|completed|complète|finished|done|oneshot|one-shot|one shot|terminad[ao]|terminée?|complet[ao]|completa|abgeschlossen|fertig|beendet|conclu[íi]d[ao]|finalizad[ao]|finit[ao]|concluso|conclusa|закончен|завершён|завершен|完结|已完结)(?![\p{L}])/iu;
const IN_PROGRESS = /(?<![\p{L}])(?:wip|in[- ]progress|incomplete|ongoing|unfinished|on hiatus|hiatus|abandoned|en curso|en progreso|en cours|in arbeit|unvollständig|laufend|em andamento|em progresso|in corso|incompleto|incompleta|tbc|в процессе|连载中|連載中)(?![\p{L}])/iu;
const NEGATED_COMPLETE = /\b(?:not|nicht|no|pas|não|non)\s+(?:yet\s+|encore\s+|noch\s+)?(?:complete|completed|finished|done|abgeschlossen|fertig|terminad[ao]|terminée?|conclu[íi]d[ao]|completat[ao]|finit[ao])\b/iu;

/**
 * A status value as written ("Complete", "WIP", "Not yet finished", "Abgeschlossen"), or null if it says neither.
 * A bare yes or no answers a question only its label asks (`Complete: yes`, `WIP: no`): see `parseYesNo`.
 */
export function parseStatus(value: string): Exclude<WorkStatus, "unknown"> | null {
  if (NEGATED_COMPLETE.test(value)) return "in-progress";
  if (IN_PROGRESS.test(value) && !/^\s*(?:complete|completed)\b/iu.test(value)) return "in-progress";
  return COMPLETE.test(value) ? "complete" : null;
}

/** `yes`/`no` and their translations, or null for anything else. */
export function parseYesNo(value: string): boolean | null {
  const word = value.trim().toLowerCase().replace(/[.!]+$/u, "");
  if (/^(?:yes|y|true|sí|si|oui|ja|sim)$/u.test(word)) return true;
  if (/^(?:no|n|false|non|nein|não|nao)$/u.test(word)) return false;
  return null;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

const SERIES_NUMBER = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)";
// [pattern, group of the name, group of the part number]
const SERIES_PATTERNS: readonly [RegExp, number, number][] = [
  [new RegExp(`^(?:this (?:story|fic) is )?(?:part|book|no\\.?|number|#|story|installment|entry|volume|vol\\.?)\\s*${SERIES_NUMBER}\\s+(?:of|in)\\s+(?<article>the\\s+)?(?:series\\s+)?(.+?)(?:\\s+(?:series|verse|saga|arc))?$`, "iu"), 3, 1],
  [new RegExp(`^(?:the\\s+)?${SERIES_NUMBER}(?:st|nd|rd|th)?\\s+(?:part|story|installment|book)\\s+(?:of|in)\\s+(?<article>the\\s+)?(.+?)(?:\\s+(?:series|verse|saga))?$`, "iu"), 3, 1],
  [new RegExp(`^(.+?)[\\s,:–—-]*(?:part|book|#|no\\.?|number|volume|vol\\.?)\\s*${SERIES_NUMBER}(?:\\s+of\\s+\\d+)?$`, "iu"), 1, 2],
  [new RegExp(`^(.+?)\\s*[([]${SERIES_NUMBER}[)\\]]$`, "iu"), 1, 2],
];
/** Longer values are no series name; the patterns' lazy groups would also cost time squared on them. */
const MAX_SERIES_VALUE = 300;

/** `Part 1 of the X series`, `X, Part 2`, `X #3`, `X [4]`, `No. 2 in the series "X"`, or a bare name. */
export function parseSeries(value: string): SeriesMembership | null {
  const text = value.trim().replace(/[.]+$/u, "").replace(/^(?:a\s+)?sequel\s+to\s*:?\s*/iu, "");
  if (!text || text.length > MAX_SERIES_VALUE) return null;
  for (const [pattern, nameGroup, partGroup] of SERIES_PATTERNS) {
    const m = pattern.exec(text);
    const name = m?.[nameGroup] ? withArticle(m, stripQuotes(m[nameGroup])) : "";
    // "Part Three of Three" counts parts and names no series.
    if (m && name && toNumber(name) !== null) return null;
    if (m && name) return { name, part: toNumber(m[partGroup] ?? "") };
  }
  return { name: stripQuotes(text.replace(/\s+series$/iu, "")), part: null };
}

// "Part 1 of the Lantern series" names the series Lantern, but "Part 1 of The Baker Street Almanac" (how the
// Archive's downloads write a series so named) keeps its capitalised article: it is part of the name.
function withArticle(match: RegExpExecArray, name: string): string {
  const article = match.groups?.article;
  return article?.startsWith("The") && match.input.endsWith(name) ? `${article}${name}` : name;
}

function toNumber(word: string): number | null {
  const n = Number(word);
  return Number.isInteger(n) && n > 0 ? n : (NUMBER_WORDS[word.toLowerCase()] ?? null);
}

export function stripQuotes(value: string): string {
  return value.trim().replace(/^["“'‘«]+|["”'’»]+$/gu, "").replace(/^the\s+(?=.+\s+series$)/iu, "").trim();
}

/** `Title (1/3)` or `Title [Part 2/5]`: the title without the count, and the part it names. */
export function splitTitlePart(title: string): { title: string; part: number; of: number } | null {
  if (title.length > MAX_SERIES_VALUE) return null;
  const m = /^(.*?)\s*[([](?:part\s*)?(\d+)\s*\/\s*(\d+)[)\]]\s*$/iu.exec(title);
  if (!m?.[1]) return null;
  return { title: m[1].trim(), part: Number(m[2]), of: Number(m[3]) };
}
