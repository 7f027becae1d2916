/**
 * What a work search asks for: the model archive's search form, filter sidebar and query syntax in one value
 * (shared/reference/ao3.md §2). Built at the edges (the query-string parser, CLI flags, later web forms) and
 * executed by a SearchIndex; relative dates are already resolved to calendar dates here.
 */
import { GUEST_AUDIENCE, type Audience } from "../domain/account.js";
import type { TagType } from "../domain/tags/tag-type.js";

/** The text fields a query term can be limited to (`title:`, `author:`/`creator:`, `tag:`). */
export type TextField = "title" | "author" | "tag";

/**
 * A full-text query as a tree. Terms and phrases are searched in title, authors, tags, summary, notes and the story
 * text unless `field` limits them. Terms are single words as typed (case and diacritics are the index's business).
 */
export type TextQuery =
  | { kind: "term"; text: string; prefix: boolean; field: TextField | null }
  | { kind: "phrase"; text: string; field: TextField | null }
  | { kind: "and"; operands: TextQuery[] }
  | { kind: "or"; operands: TextQuery[] }
  | { kind: "not"; operand: TextQuery };

/** Both ends inclusive; null is open. */
export interface NumberRange {
  min: number | null;
  max: number | null;
}

/** Calendar dates `YYYY-MM-DD`, both ends inclusive; null is open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export const SORT_FIELDS = ["relevance", "author", "title", "published", "updated", "words", "hits", "kudos", "comments", "bookmarks"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = "asc" | "desc";

export interface SearchSort {
  field: SortField;
  direction: SortDirection;
}

/** A tag as a user names it; `type` null means any type. Resolved through synonyms and meta tags when searched. */
export interface TagRef {
  name: string;
  type: TagType | null;
}

export const STAT_FIELDS = ["words", "hits", "kudos", "comments", "bookmarks"] as const;
export type StatField = (typeof STAT_FIELDS)[number];

export type CrossoverFilter = "include" | "exclude" | "only";
export type CompletionFilter = "any" | "complete" | "in-progress";

export interface WorkSearch {
  text: TextQuery | null;
  /** Every one must apply (AND). Ratings, warnings and categories are tags like any other. */
  includeTags: TagRef[];
  /** None may apply (OR). */
  excludeTags: TagRef[];
  crossover: CrossoverFilter;
  completion: CompletionFilter;
  singleChapter: boolean;
  stats: Partial<Record<StatField, NumberRange>>;
  published: DateRange | null;
  updated: DateRange | null;
  /** ISO 639-1 codes; a work in any of them matches. */
  languages: string[];
  /** Author names; a work must be by every one of them. */
  authors: string[];
  /** A series name; works in it match. */
  series: string | null;
  /** Collection ids; works approved in any of them match (a collection's page names it and its sub-collections). Empty: no such filter. */
  collections: number[];
  sort: SearchSort;
  /** 1-based. */
  page: number;
  perPage: number;
  /** Who searches: drafts and hidden works are never found; restricted ones only by members. */
  audience: Audience;
}

export const DEFAULT_PER_PAGE = 20;

/** A–Z for names, newest and largest first for everything else: the Archive's default direction for each sort. */
export function naturalDirection(field: SortField): SortDirection {
  return field === "title" || field === "author" ? "asc" : "desc";
}

/** Best match first when there is text to match, otherwise the most recently updated first (as on the Archive). */
export function defaultSort(text: TextQuery | null): SearchSort {
  return text ? { field: "relevance", direction: "desc" } : { field: "updated", direction: "desc" };
}

export function emptyWorkSearch(): WorkSearch {
  return {
    text: null,
    includeTags: [],
    excludeTags: [],
    crossover: "include",
    completion: "any",
    singleChapter: false,
    stats: {},
    published: null,
    updated: null,
    languages: [],
    authors: [],
    series: null,
    collections: [],
    sort: defaultSort(null),
    page: 1,
    perPage: DEFAULT_PER_PAGE,
    audience: GUEST_AUDIENCE,
  };
}
