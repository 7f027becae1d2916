/**
 * Reading works: the search with every filter the listings take (search/search-request.ts reads them, the
 * archive's search applies the caller's audience), a work with its preface, and its chapters. A work is gated
 * as its page is (readWorkPreface): another's draft or a hidden work is not found, a restricted one asks a guest
 * for a token. No adult-content interstitial: a program asked for the work, as a download does.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { NotFoundError, ValidationError } from "../../../domain/errors.js";
import { readSearchRequest, TYPED_TAG_PARAMS } from "../../../search/search-request.js";
import { readAudience } from "../../../services/accounts/audience.js";
import { readChapters, readWorkPreface } from "../../../services/archive/read-work.js";
import { parseId } from "../../request.js";
import type { RouteDeps } from "../../env.js";
import { mutedTagsOf, viewerOf } from "../env.js";
import { toChapter, toWorkDetail, toWorkSummary } from "../representations.js";
import { json, READ_PROBLEMS, READ_SECURITY, WorkIdParam } from "../route-parts.js";
import { apiRouter } from "../router.js";
import { Chapter, ChapterList, WorkDetail, WorkPage } from "../schemas.js";

/** A parameter that may be given more than once (`tag=a&tag=b`). */
const repeatable = (description: string) => z.union([z.string(), z.array(z.string())]).optional().openapi({ description });
const single = (description: string) => z.string().optional().openapi({ description });

const tagParams = Object.fromEntries(TYPED_TAG_PARAMS.flatMap(([param, type]) => [
  [param, repeatable(`Works with this ${type} tag (every one given must apply).`)],
  [`exclude-${param}`, repeatable(`Leaves out works with this ${type} tag.`)],
]));

const WorkSearchQuery = z.object({
  q: single("The Archive's query syntax: words, \"phrases\", -excluded, title:, author:, tag:, words>1000, sort:kudos…"),
  tag: repeatable("Works with this tag, of any type (synonyms and sub tags count)."),
  exclude: repeatable("Leaves out works with this tag, of any type."),
  ...tagParams,
  crossover: single("include (default), exclude or only."),
  status: single("complete or in-progress."),
  "single-chapter": single("true: one-shots only."),
  words: single("A number or a range: 1000, <1000, >1000, 1000-5000."),
  hits: single("A number or a range."),
  kudos: single("A number or a range."),
  comments: single("A number or a range."),
  bookmarks: single("A number or a range."),
  published: single("A date or a range: 2020-01-31, 2020, \"< 2 weeks\", \"13-21 months\"."),
  updated: single("A date or a range."),
  language: repeatable("ISO 639-1 codes; a work in any of them matches."),
  author: repeatable("Works by this author (every one given)."),
  series: single("Works in the series of this name."),
  sort: single("relevance, author, title, published, updated (default without words), words, hits, kudos, comments or bookmarks."),
  direction: single("asc or desc."),
  page: single("From 1."),
  per_page: single("1 to 1000; 20 by default."),
});

/** The API's names of search parameters that search-request.ts spells otherwise (JSON APIs use underscores). */
const API_NAMES: Readonly<Record<string, string>> = { "per-page": "per_page" };

function valuesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function workReadRoutes(deps: RouteDeps) {
  const app = apiRouter();

  app.openapi(createRoute({
    method: "get", path: "/works", tags: ["works"], summary: "Search the works", security: READ_SECURITY,
    description: "The works the caller may see that match every filter, a page at a time, with the total and the counts of every filter over the whole result.",
    request: { query: WorkSearchQuery },
    responses: { 200: json(WorkPage, "One page of the works found."), ...READ_PROBLEMS },
  }), async (c) => {
    const query: Readonly<Record<string, unknown>> = c.req.valid("query");
    const search = (() => {
      try {
        return readSearchRequest((name) => valuesOf(query[API_NAMES[name] ?? name]), deps.now());
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        throw new ValidationError(Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [API_NAMES[field] ?? field, message])));
      }
    })();
    const caller = c.get("caller");
    const result = await deps.search({ ...search, excludeTags: [...search.excludeTags, ...mutedTagsOf(caller)], audience: await readAudience(deps.db, viewerOf(caller)) });
    return c.json({
      total: result.total, page: search.page, perPage: search.perPage, pages: Math.ceil(result.total / search.perPage),
      works: result.works.map(toWorkSummary), facets: result.facets,
    }, 200);
  });

  app.openapi(createRoute({
    method: "get", path: "/works/{id}", tags: ["works"], summary: "A work", security: READ_SECURITY,
    description: "Its tags by type, stats, series (with the parts beside it the caller may see), chapter outline and download links.",
    request: { params: WorkIdParam },
    responses: { 200: json(WorkDetail, "The work."), ...READ_PROBLEMS },
  }), async (c) => {
    const work = await readWorkPreface(deps.db, parseId(c.req.valid("param").id, "Work"), viewerOf(c.get("caller")));
    return c.json(toWorkDetail(work), 200);
  });

  app.openapi(createRoute({
    method: "get", path: "/works/{id}/chapters", tags: ["works"], summary: "Every chapter of a work", security: READ_SECURITY,
    request: { params: WorkIdParam },
    responses: { 200: json(ChapterList, "The chapters in order, each with its sanitized HTML."), ...READ_PROBLEMS },
  }), async (c) => {
    const work = await readWorkPreface(deps.db, parseId(c.req.valid("param").id, "Work"), viewerOf(c.get("caller")));
    const { chapters } = await readChapters(deps.db, work, "entire-work");
    return c.json({ workId: work.id, title: work.title, chapters: chapters.map((ch) => toChapter(work.id, ch)) }, 200);
  });

  app.openapi(createRoute({
    method: "get", path: "/works/{id}/chapters/{position}", tags: ["works"], summary: "One chapter of a work", security: READ_SECURITY,
    request: { params: WorkIdParam.extend({ position: z.string().openapi({ param: { name: "position", in: "path" }, example: "1", description: "From 1." }) }) },
    responses: { 200: json(Chapter, "The chapter, with its sanitized HTML."), ...READ_PROBLEMS },
  }), async (c) => {
    const params = c.req.valid("param");
    const work = await readWorkPreface(deps.db, parseId(params.id, "Work"), viewerOf(c.get("caller")));
    const { chapters } = await readChapters(deps.db, work, { position: parseId(params.position, "Chapter") });
    // readChapters has made sure there is one.
    const [chapter] = chapters;
    if (!chapter) throw new NotFoundError(`Chapter ${params.position} of “${work.title}”`);
    return c.json(toChapter(work.id, chapter), 200);
  });

  return app;
}
