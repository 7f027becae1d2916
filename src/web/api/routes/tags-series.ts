/**
 * Tags and series. A tag is described as its page describes it (canonical, synonyms, parents, meta tags), with
 * the count of works the caller may see; suggestions name an unwrangled tag only when the caller may see a work
 * that carries it. A series lists only the works the caller may see.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { NotFoundError, WranglingError } from "../../../domain/errors.js";
import { TAG_TYPES } from "../../../domain/tags/tag-type.js";
import { emptyWorkSearch } from "../../../search/work-search.js";
import { readAudience } from "../../../services/accounts/audience.js";
import { suggestFilterTags } from "../../../services/archive/browse.js";
import { readSeries } from "../../../services/archive/read-series.js";
import { describeTags } from "../../../services/tags/describe-tags.js";
import { parseId } from "../../request.js";
import { tagUrl } from "../../tag-url.js";
import type { RouteDeps } from "../../env.js";
import { mutedTagsOf, viewerOf } from "../env.js";
import { toSeriesDetail } from "../representations.js";
import { json, READ_PROBLEMS, READ_SECURITY } from "../route-parts.js";
import { apiRouter } from "../router.js";
import { SeriesDetail, TagList, TagSuggestions } from "../schemas.js";

export function tagAndSeriesRoutes(deps: RouteDeps) {
  const app = apiRouter();

  app.openapi(createRoute({
    method: "get", path: "/tags", tags: ["tags"], summary: "Suggest tags", security: READ_SECURITY,
    description: "Tags to filter by for what has been typed (two characters at least): canonical ones first, never synonyms.",
    request: {
      query: z.object({
        q: z.string().max(200).default("").openapi({ description: "What has been typed so far.", example: "mara" }),
        type: z.enum(TAG_TYPES).optional().openapi({ description: "Only tags of this type." }),
      }),
    },
    responses: { 200: json(TagSuggestions, "Up to ten tags."), ...READ_PROBLEMS },
  }), async (c) => {
    const { q, type } = c.req.valid("query");
    const audience = await readAudience(deps.db, viewerOf(c.get("caller")));
    return c.json({ tags: await suggestFilterTags(deps.db, q, type ?? null, audience) }, 200);
  });

  app.openapi(createRoute({
    method: "get", path: "/tags/{name}", tags: ["tags"], summary: "A tag", security: READ_SECURITY,
    description: "Every tag of that name (several types may share one), each with its wrangling: canonical, a synonym of which, its synonyms, parents and meta tags.",
    request: { params: z.object({ name: z.string().openapi({ param: { name: "name", in: "path" }, example: "Slow Burn", description: "The tag's name, percent-encoded." }) }) },
    responses: { 200: json(TagList, "The tags of that name."), ...READ_PROBLEMS },
  }), async (c) => {
    const { name } = c.req.valid("param");
    const tags = await describeTags(deps.db, { name, type: null }).catch((error: unknown) => {
      throw error instanceof WranglingError && error.code === "unknown-tag" ? new NotFoundError(`The tag “${name}”`) : error;
    });
    const audience = await readAudience(deps.db, viewerOf(c.get("caller")));
    const muted = mutedTagsOf(c.get("caller"));
    const described = await Promise.all(tags.map(async (tag) => {
      const found = await deps.search({ ...emptyWorkSearch(), includeTags: [{ name: tag.name, type: tag.type }], excludeTags: muted, perPage: 1, audience });
      return {
        id: tag.id, type: tag.type, name: tag.name, status: tag.status, synonymOf: tag.synonymOf, synonyms: tag.synonyms, parents: tag.parents,
        children: tag.children, metaTags: tag.metaTags, subTags: tag.subTags, works: found.total, url: tagUrl(tag.name),
      };
    }));
    return c.json({ tags: described }, 200);
  });

  app.openapi(createRoute({
    method: "get", path: "/series/{id}", tags: ["series"], summary: "A series", security: READ_SECURITY,
    request: { params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "3", description: "The series' id." }) }) },
    responses: { 200: json(SeriesDetail, "The series with the works in it the caller may see, in order."), ...READ_PROBLEMS },
  }), async (c) => {
    const audience = await readAudience(deps.db, viewerOf(c.get("caller")));
    return c.json(toSeriesDetail(await readSeries(deps.db, parseId(c.req.valid("param").id, "Series"), audience)), 200);
  });

  return app;
}
