/**
 * `quire search [query…] [filters] [--json]`: the library's works, as the Archive's search and filters find them.
 * The query takes the Archive's syntax (words, "phrases", OR, -word, words>1000, sort:kudos, title:…); flags
 * filter by tag and range, and win over the same setting written in the query.
 */
import { openQuire } from "../../composition.js";
import { CATEGORIES } from "../../domain/categories.js";
import { RATINGS } from "../../domain/rating.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import { ARCHIVE_WARNINGS } from "../../domain/warnings.js";
import { parseQueryString } from "../../search/parse-query.js";
import { parseDateRange, parseNumberRange } from "../../search/parse-range.js";
import { FACET_KEYS, type SearchResult } from "../../search/search-index.js";
import { tagRefOfType } from "../../search/tag-ref.js";
import {
  defaultSort, emptyWorkSearch, naturalDirection, SORT_FIELDS, STAT_FIELDS, type CompletionFilter, type CrossoverFilter, type DateRange, type SortField, type TagRef, type WorkSearch,
} from "../../search/work-search.js";
import { searchWorks } from "../../services/search-works.js";
import { DB_OPTION, databaseFrom, parseCommandArgs, positiveInteger } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire search [query…] [--tag NAME] [--exclude NAME] [--rating R] [--fandom F] … [--sort FIELD] [--json] (quire help search)";

const TYPED_FLAGS: readonly (readonly [string, TagType])[] = [
  ["rating", "Rating"], ["warning", "ArchiveWarning"], ["category", "Category"], ["fandom", "Fandom"],
  ["relationship", "Relationship"], ["character", "Character"], ["freeform", "Freeform"],
];

const many = { type: "string", multiple: true } as const;

const OPTIONS = {
  ...DB_OPTION,
  json: { type: "boolean", default: false },
  tag: many,
  exclude: many,
  ...Object.fromEntries(TYPED_FLAGS.flatMap(([flag]) => [[flag, many], [`exclude-${flag}`, many]])),
  crossover: { type: "string" },
  complete: { type: "boolean", default: false },
  "in-progress": { type: "boolean", default: false },
  "single-chapter": { type: "boolean", default: false },
  ...Object.fromEntries(STAT_FIELDS.map((field) => [field, { type: "string" }])),
  published: { type: "string" },
  updated: { type: "string" },
  language: many,
  author: many,
  series: { type: "string" },
  sort: { type: "string" },
  asc: { type: "boolean", default: false },
  desc: { type: "boolean", default: false },
  page: { type: "string" },
  "per-page": { type: "string" },
} as const;

export const SEARCH_HELP = `Usage: quire search [query…] [options]

The query uses the Archive of Our Own's syntax: words (all must match), "a phrase", OR or ||, -word or NOT word,
parentheses, prefix*, title:…, author:…, tag:…, words>1000, words:1000-5000, kudos>10, hits, comments and
bookmarks ranges, sort:words, sort:<kudos (the Archive's < means descending, > ascending).

Options (tag options may be repeated; includes must all apply, any exclude removes a work):
  --tag NAME, --exclude NAME            a tag of any type, through its synonyms and sub-tags
  --rating, --warning, --category, --fandom, --relationship, --character, --freeform NAME
  --exclude-rating … --exclude-freeform NAME
  --crossover include|exclude|only      --complete | --in-progress      --single-chapter
  --words, --hits, --kudos, --comments, --bookmarks RANGE   (10, <100, >100, 100-1000)
  --published, --updated DATES          (2020-01-31, 2020, < 2 weeks, 7 days ago, 13-21 months, a - b)
  --language CODE   --author NAME   --series NAME
  --sort relevance|author|title|published|updated|words|hits|kudos|comments|bookmarks   --asc | --desc
  --page N   --per-page N (up to ${1000})   --json   --db TARGET
`;

export async function runSearch(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  const query = buildSearch(positionals.join(" "), values, new Date());
  const quire = await openQuire(databaseFrom(values.db));
  try {
    const result = await searchWorks({ db: quire.library.db, searchIndex: quire.searchIndex }, query);
    io.out(values.json ? `${JSON.stringify(toJson(result))}\n` : formatResult(result, query));
  } finally {
    await quire.close();
  }
  return 0;
}

type SearchFlags = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>["values"];

/** The flags and query string as one WorkSearch; flags win over the same setting in the query. */
export function buildSearch(queryString: string, flags: SearchFlags, now: Date): WorkSearch {
  const parsed = parseQueryString(queryString);
  const search = emptyWorkSearch();
  search.text = parsed.text;
  search.stats = { ...parsed.stats };
  // The typed and stat flags are built from lists, so parseArgs cannot type them by name: read them checked.
  const strings = (name: string): string[] => {
    const value: unknown = Reflect.get(flags, name);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  };
  const string = (name: string): string | undefined => {
    const value: unknown = Reflect.get(flags, name);
    return typeof value === "string" ? value : undefined;
  };

  search.includeTags = strings("tag").map((name) => ({ name, type: null }));
  search.excludeTags = strings("exclude").map((name) => ({ name, type: null }));
  for (const [flag, type] of TYPED_FLAGS) {
    search.includeTags.push(...strings(flag).map((name) => typedTag(flag, type, name)));
    search.excludeTags.push(...strings(`exclude-${flag}`).map((name) => typedTag(`exclude-${flag}`, type, name)));
  }

  const crossover = string("crossover");
  if (crossover !== undefined) search.crossover = oneOf<CrossoverFilter>("--crossover", crossover, ["include", "exclude", "only"]);
  if (flags.complete && flags["in-progress"]) throw new UsageError("--complete and --in-progress exclude each other");
  search.completion = flags.complete ? "complete" : flags["in-progress"] ? ("in-progress" satisfies CompletionFilter) : "any";
  search.singleChapter = flags["single-chapter"] === true;

  for (const field of STAT_FIELDS) {
    const value = string(field);
    if (value === undefined) continue;
    const range = parseNumberRange(value);
    if (!range) throw new UsageError(`--${field} takes a number or a range such as 100, <100, >100 or 100-1000, not "${value}"`);
    search.stats[field] = range;
  }
  search.published = dates("--published", string("published"), now);
  search.updated = dates("--updated", string("updated"), now);
  search.languages = strings("language").map((code) => code.trim().toLowerCase());
  search.authors = strings("author");
  search.series = string("series") ?? null;

  const sortFlag = string("sort");
  if (flags.asc && flags.desc) throw new UsageError("--asc and --desc exclude each other");
  const field = sortFlag !== undefined ? oneOf<SortField>("--sort", sortFlag, SORT_FIELDS) : parsed.sort?.field;
  const base = field ? { field, direction: parsed.sort && parsed.sort.field === field ? parsed.sort.direction : naturalDirection(field) } : defaultSort(search.text);
  search.sort = { field: base.field, direction: flags.asc ? "asc" : flags.desc ? "desc" : base.direction };

  const page = string("page");
  const perPage = string("per-page");
  if (page !== undefined) search.page = positiveInteger("--page", page, 1_000_000);
  if (perPage !== undefined) search.perPage = positiveInteger("--per-page", perPage, 1000);
  return search;
}

function typedTag(flag: string, type: TagType, name: string): TagRef {
  const ref = tagRefOfType(type, name);
  if (ref) return ref;
  const names = type === "Rating" ? RATINGS.join(", ") : type === "Category" ? CATEGORIES.join(", ") : ARCHIVE_WARNINGS.join(", ");
  throw new UsageError(`--${flag}: "${name}" is not one of ${names}`);
}

function dates(flag: string, value: string | undefined, now: Date): DateRange | null {
  if (value === undefined) return null;
  const range = parseDateRange(value, now);
  if (!range) throw new UsageError(`${flag} takes a date or range such as 2020-01-31, 2020, "< 2 weeks", "7 days ago" or "13-21 months", not "${value}"`);
  return range;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (!found) throw new UsageError(`${flag} takes one of ${allowed.join(", ")}, not "${value}"`);
  return found;
}

function toJson(result: SearchResult) {
  return {
    total: result.total,
    works: result.works.map((w) => ({
      id: w.id, title: w.title, authors: w.authors, rating: w.rating, warnings: w.warnings, categories: w.categories,
      fandoms: w.fandoms, relationships: w.relationships, characters: w.characters, freeforms: w.freeforms,
      language: w.language, wordCount: w.wordCount, chapters: w.chapters, status: w.status, published: w.published,
      updated: w.updated, series: w.series,
    })),
    facets: result.facets,
  };
}

const FACET_LABELS: Record<(typeof FACET_KEYS)[number], string> = {
  rating: "Ratings", warnings: "Warnings", categories: "Categories", fandoms: "Fandoms", relationships: "Relationships",
  characters: "Characters", freeforms: "Additional tags", language: "Languages", status: "Status",
};
const FACETS_SHOWN = 8;

function formatResult(result: SearchResult, query: WorkSearch): string {
  if (result.total === 0) return "No works found.\n";
  const first = (query.page - 1) * query.perPage + 1;
  const lines = [`${result.total} ${result.total === 1 ? "work" : "works"} found${result.works.length > 0 ? ` (${first}–${first + result.works.length - 1} shown)` : ""}, sorted by ${query.sort.field} ${query.sort.direction === "asc" ? "ascending" : "descending"}`, ""];
  result.works.forEach((w, i) => {
    lines.push(`${String(first + i).padStart(3)}. ${w.title}${w.authors.length > 0 ? ` by ${w.authors.join(", ")}` : ""}  [#${w.id}]`);
    const chapters = `${w.chapters} ${w.chapters === 1 ? "chapter" : "chapters"}${w.status === "complete" ? ", complete" : w.status === "in-progress" ? ", in progress" : ""}`;
    lines.push(`     ${[w.fandoms.join(", ") || "No fandom", w.rating, `${w.wordCount.toLocaleString("en")} words`, chapters, w.updated ? `updated ${w.updated}` : null].filter((p) => p).join(" · ")}`);
    if (w.relationships.length > 0) lines.push(`     ${w.relationships.join(", ")}`);
  });
  lines.push("");
  for (const key of FACET_KEYS) {
    const values = result.facets[key];
    if (values.length === 0) continue;
    const shown = values.slice(0, FACETS_SHOWN).map((v) => `${v.name} (${v.count})`).join(", ");
    lines.push(`${FACET_LABELS[key]}: ${shown}${values.length > FACETS_SHOWN ? `, and ${values.length - FACETS_SHOWN} more` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}
