/**
 * The SearchIndex over the library's own tables, for both engines: filters and sorts are plain SQL on works and
 * work_filters, the text part comes from the engine (FTS5 or tsvector). One WHERE clause is built once and used
 * three times: for the page, for the total with the language and status counts, and for the tag facets.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Rating } from "../domain/rating.js";
import { nameKey } from "../domain/sort-key.js";
import type { TagType } from "../domain/tags/tag-type.js";
import type { FacetCount, SearchFacets, SearchIndex, SearchResult, WorkBlurb } from "../search/search-index.js";
import type { SortField, StatField, TagRef, WorkSearch } from "../search/work-search.js";
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

const FACET_OF_TYPE: Record<TagType, keyof SearchFacets> = {
  Rating: "rating",
  ArchiveWarning: "warnings",
  Category: "categories",
  Fandom: "fandoms",
  Relationship: "relationships",
  Character: "characters",
  Freeform: "freeforms",
};

export function createSearchIndex({ db, engine }: Pick<Library, "db" | "engine">): SearchIndex {
  return { search: (query) => searchWorks(db, engine, query) };
}

async function searchWorks(db: Kysely<Database>, engine: Engine, query: WorkSearch): Promise<SearchResult> {
  const text = query.text ? engine.matchText(query.text) : null;
  const conditions = [...(text ? [text.where] : []), ...(await filterConditions(db, engine, query))];
  const where = conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

  const groups = await sql<{ language: string; status: string; n: number }>`
    select w.language, w.status, count(*) as n from works w where ${where} group by w.language, w.status`.execute(db);
  const total = groups.rows.reduce((sum, g) => sum + Number(g.n), 0);
  const facets = emptyFacets();
  facets.language = countBy(groups.rows, "language");
  facets.status = countBy(groups.rows, "status");
  if (total === 0) return { total, works: [], facets };

  const tagCounts = await sql<{ type: TagType; name: string; n: number }>`
    select t.type, t.name, c.n from (
      select f.tag_id, count(*) as n from work_filters f where f.work_id in (select w.id from works w where ${where}) group by f.tag_id
    ) c join tags t on t.id = c.tag_id`.execute(db);
  for (const row of tagCounts.rows) facets[FACET_OF_TYPE[row.type]].push({ name: row.name, count: Number(row.n) });
  for (const key of Object.keys(FACET_OF_TYPE) as TagType[]) facets[FACET_OF_TYPE[key]].sort(byCountThenName);

  const direction = sql.raw(query.sort.direction);
  const order = query.sort.field === "relevance"
    ? text?.rank
      ? sql`${text.rank} ${direction}, w.id ${direction}`
      : sql`w.revised desc nulls last, w.id desc`
    : sql`w.${sql.raw(SORT_COLUMNS[query.sort.field])} ${direction} nulls last, w.id ${direction}`;
  const page = await sql<{ id: number }>`
    select w.id from works w where ${where} order by ${order}
    limit ${query.perPage} offset ${(query.page - 1) * query.perPage}`.execute(db);
  return { total, works: await loadBlurbs(db, page.rows.map((r) => r.id)), facets };
}

async function filterConditions(db: Kysely<Database>, engine: Engine, query: WorkSearch): Promise<RawBuilder<SqlBool>[]> {
  const conditions: RawBuilder<SqlBool>[] = [];
  for (const ref of query.includeTags) conditions.push(await tagCondition(db, engine, ref));
  for (const ref of query.excludeTags) conditions.push(sql<SqlBool>`not ${await tagCondition(db, engine, ref)}`);
  if (query.crossover !== "include") conditions.push(sql<SqlBool>`w.crossover = ${query.crossover === "only" ? 1 : 0}`);
  if (query.completion !== "any") conditions.push(sql<SqlBool>`w.status = ${query.completion}`);
  if (query.singleChapter) conditions.push(sql<SqlBool>`w.chapter_count = 1`);
  for (const [field, range] of Object.entries(query.stats) as [StatField, { min: number | null; max: number | null }][]) {
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
  if (query.series) {
    conditions.push(sql<SqlBool>`w.id in (select sw.work_id from series_works sw join series s on s.id = sw.series_id where s.name_key = ${nameKey(query.series)})`);
  }
  return conditions;
}

/**
 * Works carrying the tag: through its canonical tag, so its synonyms and sub-tags count too. A name no tag has is
 * looked for as words in the works' tags, as the Archive does.
 */
async function tagCondition(db: Kysely<Database>, engine: Engine, ref: TagRef): Promise<RawBuilder<SqlBool>> {
  const filterIds = await resolveFilterTags(db, ref);
  if (filterIds.length > 0) return sql<SqlBool>`w.id in (select work_id from work_filters where tag_id in (${sql.join(filterIds)}))`;
  return engine.matchText({ kind: "phrase", text: ref.name, field: "tag" })?.where ?? sql<SqlBool>`1 = 0`;
}

async function loadBlurbs(db: Kysely<Database>, ids: readonly number[]): Promise<WorkBlurb[]> {
  if (ids.length === 0) return [];
  const [works, authors, tags, series] = await Promise.all([
    db.selectFrom("works").select(["id", "title", "summary", "language", "word_count", "chapter_count", "status", "published", "revised"]).where("id", "in", ids).execute(),
    db.selectFrom("work_authors as wa").innerJoin("authors as a", "a.id", "wa.author_id").select(["wa.work_id", "a.name"]).where("wa.work_id", "in", ids).orderBy("wa.position").execute(),
    db.selectFrom("work_tags as wt").innerJoin("tags as t", "t.id", "wt.tag_id").select(["wt.work_id", "t.type", "t.name"]).where("wt.work_id", "in", ids).orderBy("wt.position").execute(),
    db.selectFrom("series_works as sw").innerJoin("series as s", "s.id", "sw.series_id").select(["sw.work_id", "s.name", "sw.position"]).where("sw.work_id", "in", ids).orderBy("s.name").execute(),
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
    status: w.status,
    published: w.published,
    updated: w.revised,
    series: [],
  }]));
  for (const a of authors) blurbs.get(a.work_id)?.authors.push(a.name);
  for (const t of tags) {
    const blurb = blurbs.get(t.work_id);
    if (!blurb) continue;
    if (t.type === "Rating") blurb.rating = t.name as Rating;
    else blurb[FACET_OF_TYPE[t.type] as Exclude<keyof SearchFacets, "rating" | "language" | "status">].push(t.name);
  }
  for (const s of series) blurbs.get(s.work_id)?.series.push({ name: s.name, part: s.position });
  return ids.flatMap((id) => blurbs.get(id) ?? []);
}

function emptyFacets(): SearchFacets {
  return { rating: [], warnings: [], categories: [], fandoms: [], relationships: [], characters: [], freeforms: [], language: [], status: [] };
}

function countBy(rows: readonly { language: string; status: string; n: number }[], key: "language" | "status"): FacetCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row[key], (counts.get(row[key]) ?? 0) + Number(row.n));
  return [...counts].map(([name, count]) => ({ name, count })).sort(byCountThenName);
}

function byCountThenName(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}
