/** The archive's index pages: home, fandoms, tags, authors, series, stats, and tag suggestions for forms. */
import { Hono } from "hono";
import { NotFoundError, WranglingError } from "../../domain/errors.js";
import { isTagType } from "../../domain/tags/tag-type.js";
import { emptyWorkSearch } from "../../search/work-search.js";
import { libraryOverview } from "../../services/archive/archive-search.js";
import { readAuthorName, suggestFilterTags } from "../../services/archive/browse.js";
import { readLibraryStats } from "../../services/archive/library-stats.js";
import { readSeries } from "../../services/archive/read-series.js";
import { describeTags } from "../../services/tags/describe-tags.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { mutedTagRefs } from "../reader-prefs.js";
import { parseId } from "../request.js";
import { tagNameFromSegment } from "../tag-url.js";
import { FandomIndex, HomePage, SeriesPage, StatsPage, TagPage } from "../views/archive-pages.js";
import { renderListing } from "./works.js";

export function archiveRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();

  app.get("/", async (c) => {
    const page = c.get("page");
    const result = await deps.search(libraryOverview(mutedTagRefs(page.prefs), page.audience));
    return c.html(<HomePage page={page} total={result.total} recent={result.works} fandoms={result.facets.fandoms} />);
  });

  app.get("/fandoms", async (c) => {
    const page = c.get("page");
    const result = await deps.search(libraryOverview(mutedTagRefs(page.prefs), page.audience));
    return c.html(<FandomIndex page={page} fandoms={result.facets.fandoms} />);
  });

  app.get("/tags/:name", async (c) => {
    const page = c.get("page");
    const name = tagNameFromSegment(c.req.param("name"));
    const tags = await describeTags(deps.db, { name, type: null }).catch((error: unknown) => {
      throw error instanceof WranglingError && error.code === "unknown-tag" ? new NotFoundError(`The tag “${name}”`) : error;
    });
    const counted = await Promise.all(tags.map(async (tag) => {
      const result = await deps.search({ ...emptyWorkSearch(), includeTags: [{ name: tag.name, type: tag.type }], excludeTags: mutedTagRefs(page.prefs), perPage: 1, audience: page.audience });
      return { ...tag, filteredWorks: result.total };
    }));
    return c.html(<TagPage page={page} tags={counted} />);
  });

  app.get("/tags/:name/works", (c) => {
    const name = tagNameFromSegment(c.req.param("name"));
    return renderListing(c, deps, { heading: `Works in ${name}`, includeTags: [{ name, type: null }] });
  });

  app.get("/users/:name", async (c) => {
    const name = await readAuthorName(deps.db, c.req.param("name"));
    return renderListing(c, deps, { heading: `Works by ${name}`, authors: [name] });
  });
  app.get("/users/:name/works", (c) => c.redirect(`/users/${encodeURIComponent(c.req.param("name"))}`, 301));

  app.get("/series/:id{[0-9]+}", async (c) => c.html(<SeriesPage page={c.get("page")} series={await readSeries(deps.db, parseId(c.req.param("id"), "Series"), c.get("page").audience)} />));

  app.get("/stats", async (c) => {
    const page = c.get("page");
    return c.html(<StatsPage page={page} stats={await readLibraryStats(deps, mutedTagRefs(page.prefs), page.audience)} />);
  });

  app.get("/autocomplete/tags", async (c) => {
    const type = c.req.query("type");
    const suggestions = await suggestFilterTags(deps.db, c.req.query("term") ?? "", type && isTagType(type) ? type : null, c.get("page").audience);
    return c.json(suggestions);
  });

  return app;
}
