/**
 * A search as the edges receive it — `quire search`'s flags, the web's query string — read into one WorkSearch.
 * Both edges name their parameters alike (`fandom`, `exclude-freeform`, `words`, `sort`…), so a listing URL and a
 * command line say the same thing the same way.
 */
import { CATEGORIES } from "../domain/categories.js";
import { ValidationError } from "../domain/errors.js";
import { RATINGS } from "../domain/rating.js";
import type { TagType } from "../domain/tags/tag-type.js";
import { ARCHIVE_WARNINGS } from "../domain/warnings.js";
import { parseQueryString } from "./parse-query.js";
import { parseDateRange, parseNumberRange } from "./parse-range.js";
import { tagRefOfType } from "./tag-ref.js";
import {
  defaultSort, emptyWorkSearch, naturalDirection, SORT_FIELDS, STAT_FIELDS, type CompletionFilter, type CrossoverFilter, type DateRange, type SortField, type WorkSearch,
} from "./work-search.js";

/** The typed tag parameters and the tag type each names; each also has an `exclude-` twin. */
export const TYPED_TAG_PARAMS: readonly (readonly [string, TagType])[] = [
  ["rating", "Rating"], ["warning", "ArchiveWarning"], ["category", "Category"], ["fandom", "Fandom"],
  ["relationship", "Relationship"], ["character", "Character"], ["freeform", "Freeform"],
];

export const MAX_PER_PAGE = 1000;
/**
 * Tags (included and excluded, of every type, together) and authors one search may name. Far more than any reader
 * narrows by, and each is a condition of the query: thousands of them, which a URL of 16 KB still holds, went past
 * SQLite's limit on an expression's depth (a 500).
 */
export const MAX_TAG_FILTERS = 100;
export const MAX_AUTHORS = 100;
const MAX_PAGE = 1_000_000;

/** Every value given for a parameter, in order (none: an empty list). */
export type SearchParams = (name: string) => readonly string[];

/**
 * Reads the parameters: `q` (the Archive's query syntax), `tag`/`exclude` (any type), the typed tags and their
 * `exclude-` forms, `crossover` (include|exclude|only), `status` (complete|in-progress), `single-chapter`
 * (true), the stat ranges (`words`, `hits`, `kudos`, `comments`, `bookmarks`), `published` and `updated` dates,
 * `language`, `author`, `series`, `sort`, `direction` (asc|desc), `page`, `per-page`. Parameters win over the
 * same setting written in the query. Empty values are ignored, as a form's empty fields must be.
 * @throws ValidationError naming each parameter that cannot be read.
 */
export function readSearchRequest(params: SearchParams, now: Date): WorkSearch {
  const problems: Record<string, string> = {};
  const all = (name: string) => params(name).map((v) => v.trim()).filter((v) => v.length > 0);
  const one = (name: string) => all(name)[0];

  const parsed = parseQueryString(all("q").join(" "));
  const search = emptyWorkSearch();
  search.text = parsed.text;
  search.stats = { ...parsed.stats };

  search.includeTags = all("tag").map((name) => ({ name, type: null }));
  search.excludeTags = all("exclude").map((name) => ({ name, type: null }));
  for (const [param, type] of TYPED_TAG_PARAMS) {
    for (const [name, list] of [[param, search.includeTags], [`exclude-${param}`, search.excludeTags]] as const) {
      for (const value of all(name)) {
        const ref = tagRefOfType(type, value);
        if (ref) list.push(ref);
        else problems[name] = `"${value}" is not one of ${fixedNames(type)}`;
      }
    }
  }

  const choose = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = one(name);
    if (value === undefined) return undefined;
    const found = allowed.find((a) => a === value.toLowerCase());
    if (!found) problems[name] = `takes one of ${allowed.join(", ")}, not "${value}"`;
    return found;
  };
  search.crossover = choose<CrossoverFilter>("crossover", ["include", "exclude", "only"]) ?? "include";
  search.completion = choose<Exclude<CompletionFilter, "any">>("status", ["complete", "in-progress"]) ?? "any";
  search.singleChapter = choose("single-chapter", ["true", "false"]) === "true";

  for (const field of STAT_FIELDS) {
    const value = one(field);
    if (value === undefined) continue;
    const range = parseNumberRange(value);
    if (range) search.stats[field] = range;
    else problems[field] = `takes a number or a range such as 100, <100, >100 or 100-1000, not "${value}"`;
  }
  const dates = (name: string): DateRange | null => {
    const value = one(name);
    if (value === undefined) return null;
    const range = parseDateRange(value, now);
    if (!range) problems[name] = `takes a date or range such as 2020-01-31, 2020, "< 2 weeks", "7 days ago" or "13-21 months", not "${value}"`;
    return range;
  };
  search.published = dates("published");
  search.updated = dates("updated");
  search.languages = all("language").map((code) => code.toLowerCase());
  search.authors = [...all("author")];
  if (search.includeTags.length + search.excludeTags.length > MAX_TAG_FILTERS) problems.tag = `a search takes at most ${MAX_TAG_FILTERS} tags, not ${search.includeTags.length + search.excludeTags.length}`;
  if (search.authors.length > MAX_AUTHORS) problems.author = `a search takes at most ${MAX_AUTHORS} authors, not ${search.authors.length}`;
  search.series = one("series") ?? null;

  const field = choose<SortField>("sort", SORT_FIELDS) ?? parsed.sort?.field;
  const base = field ? { field, direction: parsed.sort?.field === field ? parsed.sort.direction : naturalDirection(field) } : defaultSort(search.text);
  search.sort = { field: base.field, direction: choose("direction", ["asc", "desc"] as const) ?? base.direction };

  const whole = (name: string, max: number): number | undefined => {
    const value = one(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (Number.isSafeInteger(n) && n >= 1 && n <= max) return n;
    problems[name] = `takes a whole number from 1 to ${max}, not "${value}"`;
    return undefined;
  };
  search.page = whole("page", MAX_PAGE) ?? 1;
  search.perPage = whole("per-page", MAX_PER_PAGE) ?? search.perPage;

  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return search;
}

function fixedNames(type: TagType): string {
  return type === "Rating" ? RATINGS.join(", ") : type === "Category" ? CATEGORIES.join(", ") : ARCHIVE_WARNINGS.join(", ");
}
