/**
 * The SearchIndex over the library's own tables, for both engines: filters and sorts are plain SQL on works and
 * work_filters, the text part comes from the engine (FTS5 or tsvector). One WHERE clause is built once and used
 * three times: for the page, for the total with the language and status counts, and for the tag facets.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { isRating } from "../domain/rating.js";
import { nameKey } from "../domain/sort-key.js";
import { isTagType, type TagType } from "../domain/tags/tag-type.js";
import { emptyFacets, FACET_KEYS, type FacetCount, type SearchFacets, type SearchIndex, type SearchResult, type WorkBlurb } from "../search/search-index.js";
import { STAT_FIELDS, type SortField, type StatField, type TagRef, type WorkSearch } from "../search/work-search.js";
import { GUEST_AUDIENCE, type Audience } from "../domain/account.js";
import { anonymousCondition, audienceConditions, listAnonymousWorkIds } from "./audience.js";
import type { Library } from "./connect.js";
import type { Engine } from "./dialects/engine.js";
import { resolveFilterTags } from "./repositories/tags.js";
import type { Database } from "./schema.js";

const STAT_COLUMNS: Record<StatField, string> = { words: "word_count", hits: "hits", kudos: "kudos", comments: "comments", bookmarks: "bookmarks" };

const SORT_COLUMNS: Record<Exclude<SortField, "relevance">, string> = {
  author: "authors_sort",
  title: "title_sort",
  published: "published",
  updated: "revised",
  words: "word_count",
  hits: "hits",
  kudos: "kudos",
  comments: "comments",
  bookmarks: "bookmarks",
};

/** Where a blurb lists each type's tags (a work has one rating, kept apart); facets use the same names. */
const LIST_OF_TYPE = {
  ArchiveWarning: "warnings",
  Category: "categories",
  Fandom: "fandoms",
  Relationship: "relationships",
  Character: "characters",
  Freeform: "freeforms",
} as const satisfies Record<Exclude<TagType, "Rating">, keyof WorkBlurb & keyof SearchFacets>;

const FACET_OF_TYPE: Record<TagType, keyof SearchFacets> = { Rating: "rating", ...LIST_OF_TYPE };

export function createSearchIndex({ db, engine }: Pick<Library, "db" | "engine">): SearchIndex {
  return { search: (query) => searchWorks(db, engine, query) };
}

/** One row of the search statement: a language-and-status group, a tag facet, or a work on the page. */
interface ResultRow {
  kind: "group" | "facet" | "page";
  /** group: the language; facet: the tag's type. */
  a: string | null;
  /** group: the status; facet: the tag's name. */
  b: string | null;
  /** facet: the tag; page: the work. */
  id: number | null;
  /** group, facet: the count; page: the place on the page. */
  n: number;
}

/**
 * One statement: the matching works are found once (a materialized CTE) and then counted by language and status,
 * counted per filter tag, and sorted for the page. Evaluating the filters once rather than three times is most of
 * the time a search takes.
 */
async function searchWorks(db: Kysely<Database>, engine: Engine, query: WorkSearch): Promise<SearchResult> {
  const text = query.text ? engine.matchText(query.text) : null;
  // Words with nothing searchable in them (an emoji, say) match no work, rather than every work.
  const textCondition = text ? [text.where] : query.text ? [sql<SqlBool>`1 = 0`] : [];
  const conditions = [...textCondition, ...(await filterConditions(db, engine, query)), ...(await audienceConditions(db, query.audience))];
  // Every work matches: the facets count the filter index whole, rather than probing it once per filter row.
  const wholeLibrary = conditions.length === 0;
  const where = wholeLibrary ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
  const { key, direction } = sortKey(query, text?.rank ?? null);

  const { rows } = await sql<ResultRow>`
    with hits as materialized (select w.id, w.language, w.status, ${key} as sort_key from works w where ${where})
    select 'group' as kind, language as a, status as b, null as id, count(*) as n from hits group by language, status
    union all
    select 'facet', t.type, t.name, t.id, c.n from (
      select f.tag_id, count(*) as n from work_filters f ${wholeLibrary ? sql`` : sql`where f.work_id in (select id from hits)`} group by f.tag_id
    ) c join tags t on t.id = c.tag_id
    union all
    select 'page', null, null, id, place from (
      select id, row_number() over (order by sort_key ${direction} nulls last, id ${direction}) as place from hits
    ) ranked where place > ${(query.page - 1) * query.perPage} and place <= ${query.page * query.perPage}`.execute(db);

  const facets = emptyFacets();
  const languages = new Map<string, number>();
  const statuses = new Map<string, number>();
  const page: { id: number; place: number }[] = [];
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.kind === "group") {
      total += n;
      languages.set(row.a ?? "", (languages.get(row.a ?? "") ?? 0) + n);
      statuses.set(row.b ?? "", (statuses.get(row.b ?? "") ?? 0) + n);
    } else if (row.kind === "facet" && row.a !== null && isTagType(row.a)) {
      facets[FACET_OF_TYPE[row.a]].push({ name: row.b ?? "", count: n });
    } else if (row.kind === "page" && row.id !== null) {
      page.push({ id: Number(row.id), place: n });
    }
  }
  facets.language = [...languages].map(([name, count]) => ({ name, count }));
  facets.status = [...statuses].map(([name, count]) => ({ name, count }));
  for (const key of FACET_KEYS) facets[key].sort(byCountThenName);
  page.sort((x, y) => x.place - y.place);
  return { total, works: await loadWorkBlurbs(db, page.map((p) => p.id), query.audience), facets };
}

/** What the page is sorted by, selected into the matches, and which way. */
function sortKey(query: WorkSearch, rank: RawBuilder<number> | null): { key: RawBuilder<unknown>; direction: RawBuilder<unknown> } {
  if (query.sort.field === "relevance") {
    // Best match needs words to match; without them the Archive's default stands: the latest update first.
    return rank ? { key: rank, direction: directionOf(query) } : { key: sql`w.revised`, direction: sql`desc` };
  }
  // A work whose creators an anonymous collection hides sorts as an anonymous work does, not by the hidden name.
  if (query.sort.field === "author") return { key: sql`case when ${anonymousCondition(query.audience)} then '' else w.authors_sort end`, direction: directionOf(query) };
  return { key: sql`w.${sql.raw(SORT_COLUMNS[query.sort.field])}`, direction: directionOf(query) };
}

function directionOf(query: WorkSearch): RawBuilder<unknown> {
  return query.sort.direction === "asc" ? sql`asc` : sql`desc`;
}

/** Included tags are lists of works the planner can start from (the shortest); excluded ones are probed per work. */
async function filterConditions(db: Kysely<Database>, engine: Engine, query: WorkSearch): Promise<RawBuilder<SqlBool>[]> {
  const conditions: RawBuilder<SqlBool>[] = [];
  const filterIds = await resolveFilterTags(db, [...query.includeTags, ...query.excludeTags]);
  // The planner starts from the first list it is given: the shortest goes first, whatever order the tags were
  // named in (a listing names the rating, tens of thousands of works, before the fandom, a few hundred).
  const included = query.includeTags.map((ref, i) => ({ ref, ids: filterIds[i] ?? [] }));
  const sizes = await filterListSizes(db, included.flatMap((t) => t.ids));
  const size = (ids: readonly number[]) => (ids.length === 0 ? 0 : ids.reduce((n, id) => n + (sizes.get(id) ?? 0), 0));
  included.sort((a, b) => size(a.ids) - size(b.ids));
  for (const { ref, ids } of included) conditions.push(tagCondition(engine, ref, ids, false));
  query.excludeTags.forEach((ref, i) => conditions.push(sql<SqlBool>`not ${tagCondition(engine, ref, filterIds[query.includeTags.length + i] ?? [], true)}`));
  if (query.crossover !== "include") conditions.push(sql<SqlBool>`w.crossover = ${query.crossover === "only" ? 1 : 0}`);
  if (query.completion !== "any") conditions.push(sql<SqlBool>`w.status = ${query.completion}`);
  if (query.singleChapter) conditions.push(sql<SqlBool>`w.chapter_count = 1`);
  for (const field of STAT_FIELDS) {
    const range = query.stats[field];
    if (!range) continue;
    const column = sql.raw(`w.${STAT_COLUMNS[field]}`);
    if (range.min !== null) conditions.push(sql<SqlBool>`${column} >= ${range.min}`);
    if (range.max !== null) conditions.push(sql<SqlBool>`${column} <= ${range.max}`);
  }
  for (const [column, range] of [["published", query.published], ["revised", query.updated]] as const) {
    if (range?.from) conditions.push(sql<SqlBool>`w.${sql.raw(column)} >= ${range.from}`);
    if (range?.to) conditions.push(sql<SqlBool>`w.${sql.raw(column)} <= ${range.to}`);
  }
  if (query.languages.length > 0) conditions.push(sql<SqlBool>`w.language in (${sql.join(query.languages)})`);
  for (const author of query.authors) {
    conditions.push(sql<SqlBool>`w.id in (select wa.work_id from work_authors wa join authors a on a.id = wa.author_id where a.name_key = ${nameKey(author)})`);
  }
  // An author's works never include one an anonymous collection hides their name on.
  if (query.authors.length > 0) conditions.push(sql<SqlBool>`not ${anonymousCondition(query.audience)}`);
  if (query.collections.length > 0) {
    conditions.push(sql<SqlBool>`w.id in (select cw.work_id from collection_works cw where cw.collection_id in (${sql.join(query.collections)}) and cw.status = 'approved')`);
  }
  if (query.series) {
    conditions.push(sql<SqlBool>`w.id in (select sw.work_id from series_works sw join series s on s.id = sw.series_id where s.name_key = ${nameKey(query.series)})`);
  }
  return conditions;
}

/** How many works each filter tag lists, read from the filter index alone. */
async function filterListSizes(db: Kysely<Database>, tagIds: readonly number[]): Promise<Map<number, number>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db.selectFrom("work_filters").select(["tag_id", (eb) => eb.fn.countAll<number>().as("n")]).where("tag_id", "in", [...new Set(tagIds)]).groupBy("tag_id").execute();
  return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
}

/**
 * Works carrying the tag: through its canonical tag, so its synonyms and sub-tags count too. A name no tag of any
 * type has is looked for as words in the works' tags, as the Archive does; a name no tag of the type asked for
 * has matches nothing (`--fandom Spike` must not find the character).
 * @param probe check each work with one index lookup, rather than listing the tag's works.
 */
function tagCondition(engine: Engine, ref: TagRef, filterIds: readonly number[], probe: boolean): RawBuilder<SqlBool> {
  if (filterIds.length > 0 && probe) return sql<SqlBool>`exists (select 1 from work_filters x where x.work_id = w.id and x.tag_id in (${sql.join(filterIds)}))`;
  if (filterIds.length > 0) return sql<SqlBool>`w.id in (select work_id from work_filters where tag_id in (${sql.join(filterIds)}))`;
  if (ref.type !== null) return sql<SqlBool>`1 = 0`;
  return engine.matchText({ kind: "phrase", text: ref.name, field: "tag" })?.where ?? sql<SqlBool>`1 = 0`;
}

/**
 * The blurbs of the works, in the order of the ids given; ids of no work are left out. A work whose creators an
 * anonymous collection hides from the audience has none (its byline reads "Anonymous"); without an audience,
 * they are hidden from everyone.
 */
export async function loadWorkBlurbs(db: Kysely<Database>, ids: readonly number[], audience: Audience = GUEST_AUDIENCE): Promise<WorkBlurb[]> {
  if (ids.length === 0) return [];
  const [works, authors, tags, series, anonymous] = await Promise.all([
    db.selectFrom("works").select(["id", "title", "summary", "language", "word_count", "chapter_count", "expected_chapters", "status", "published", "revised"]).where("id", "in", ids).execute(),
    db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select(["wa.work_id", "a.name"]).where("wa.work_id", "in", ids).orderBy("wa.position").execute(),
    db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["wt.work_id", "t.type", "t.name"]).where("wt.work_id", "in", ids).orderBy("wt.position").execute(),
    db.selectFrom("series_works as sw").innerJoin("series as s", "s.id", "sw.series_id").select(["sw.work_id", "s.id", "s.name", "sw.position"]).where("sw.work_id", "in", ids).orderBy("s.name").execute(),
    listAnonymousWorkIds(db, ids, audience),
  ]);
  const blurbs = new Map<number, WorkBlurb>(works.map((w) => [w.id, {
    id: w.id,
    title: w.title,
    authors: [],
    rating: "Not Rated",
    warnings: [],
    categories: [],
    fandoms: [],
    relationships: [],
    characters: [],
    freeforms: [],
    summary: w.summary,
    language: w.language,
    wordCount: w.word_count,
    chapters: w.chapter_count,
    expectedChapters: w.expected_chapters,
    status: w.status,
    published: w.published,
    updated: w.revised,
    series: [],
  }]));
  for (const a of authors) if (!anonymous.has(a.work_id)) blurbs.get(a.work_id)?.authors.push(a.name);
  for (const t of tags) {
    const blurb = blurbs.get(t.work_id);
    if (!blurb) continue;
    if (t.type !== "Rating") blurb[LIST_OF_TYPE[t.type]].push(t.name);
    else if (isRating(t.name)) blurb.rating = t.name;
  }
  for (const s of series) blurbs.get(s.work_id)?.series.push({ id: s.id, name: s.name, part: s.position });
  return ids.flatMap((id) => blurbs.get(id) ?? []);
}

function byCountThenName(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}
