/**
 * `quire search [query…] [filters] [--json]`: the library's works, as the Archive's search and filters find them.
 * The query takes the Archive's syntax (words, "phrases", OR, -word, words>1000, sort:kudos, title:…); flags
 * filter by tag and range, and win over the same setting written in the query.
 */
import { openQuire } from "../../composition.js";
import { ValidationError } from "../../domain/errors.js";
import { FACET_KEYS, type SearchResult } from "../../search/search-index.js";
import { MAX_PER_PAGE, readSearchRequest, TYPED_TAG_PARAMS } from "../../search/search-request.js";
import { STAT_FIELDS, type WorkSearch } from "../../search/work-search.js";
import { searchWorks } from "../../services/search-works.js";
import { DB_OPTION, databaseFrom, parseCommandArgs } from "../args.js";
import { UsageError, type Io } from "../io.js";

const USAGE = "quire search [query…] [--tag NAME] [--exclude NAME] [--rating R] [--fandom F] … [--sort FIELD] [--json] (quire help search)";

const many = { type: "string", multiple: true } as const;

const OPTIONS = {
  ...DB_OPTION,
  json: { type: "boolean", default: false },
  tag: many,
  exclude: many,
  ...Object.fromEntries(TYPED_TAG_PARAMS.flatMap(([flag]) => [[flag, many], [`exclude-${flag}`, many]])),
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
  --page N   --per-page N (up to ${MAX_PER_PAGE})   --json   --db TARGET
`;

export async function runSearch(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  // The archive's own shell sees what a signed-in member sees: restricted works, never drafts or hidden ones.
  const query = { ...buildSearch(positionals.join(" "), values, new Date()), audience: { members: true, mutedUsers: [] } };
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
  if (flags.complete && flags["in-progress"]) throw new UsageError("--complete and --in-progress exclude each other");
  if (flags.asc && flags.desc) throw new UsageError("--asc and --desc exclude each other");
  // The flags name the request's parameters, but for the booleans that stand for one parameter's values.
  const derived: Record<string, string | undefined> = {
    q: queryString,
    status: flags.complete ? "complete" : flags["in-progress"] ? "in-progress" : undefined,
    "single-chapter": flags["single-chapter"] ? "true" : undefined,
    direction: flags.asc ? "asc" : flags.desc ? "desc" : undefined,
  };
  const params = (name: string): string[] => {
    if (name in derived) return derived[name] === undefined ? [] : [derived[name]];
    const value: unknown = Reflect.get(flags, name);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];
  };
  try {
    return readSearchRequest(params, now);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new UsageError(Object.entries(error.fields).map(([name, problem]) => `--${name} ${problem}`).join("; "));
  }
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
