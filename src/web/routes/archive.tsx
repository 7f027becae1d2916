/** The archive's index pages: home, fandoms, tags, authors, series, stats, and tag suggestions for forms. */
import { Hono } from "hono";
import { NotFoundError, WranglingError } from "../../domain/errors.js";
import { isTagType } from "../../domain/tags/tag-type.js";
import { emptyWorkSearch } from "../../search/work-search.js";
import { libraryOverview } from "../../services/archive/archive-search.js";
import { readAuthorName, suggestFilterTags } from "../../services/archive/browse.js";
import { readLibraryStats } from "../../services/archive/library-stats.js";
import { readSeries } from "../../services/archive/read-series.js";
import { readAuthorSubscribeState, readSubscribeState } from "../../services/community/subscriptions.js";
import { describeTags } from "../../services/tags/describe-tags.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { mutedTagRefs } from "../reader-prefs.js";
import { authorFeedPath, tagFeedPath } from "../feed-paths.js";
import { parseId } from "../request.js";
import { tagNameFromSegment } from "../tag-url.js";
import { FandomIndex, HomePage, SeriesPage, StatsPage, TagPage } from "../views/archive-pages.js";
import { AuthorActions, SeriesActions } from "../views/community-actions.js";
import { SubscribeButton } from "../views/subscribe-button.js";
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
    const subscriptions = await Promise.all(counted.map(async (tag) => [tag.id, await readSubscribeState(deps.db, page.viewer, "tag", tag.id)] as const));
    return c.html(<TagPage page={page} tags={counted} actions={new Map(subscriptions.map(([id, state]) => [id, <SubscribeButton page={page} state={state} />]))} />);
  });

  app.get("/tags/:name/works", (c) => {
    const name = tagNameFromSegment(c.req.param("name"));
    return renderListing(c, deps, { heading: `Works in ${name}`, includeTags: [{ name, type: null }], feed: tagFeedPath(name) });
  });

  app.get("/users/:name", async (c) => {
    const name = await readAuthorName(deps.db, c.req.param("name"));
    const subscription = await readAuthorSubscribeState(deps.db, c.get("page").viewer, name);
    return renderListing(c, deps, { heading: `Works by ${name}`, authors: [name], feed: authorFeedPath(name), intro: <AuthorActions page={c.get("page")} name={name} subscription={subscription} /> });
  });
  app.get("/users/:name/works", (c) => c.redirect(`/users/${encodeURIComponent(c.req.param("name"))}`, 301));

  app.get("/series/:id{[0-9]+}", async (c) => {
    const page = c.get("page");
    const seriesId = parseId(c.req.param("id"), "Series");
    const [series, subscription] = await Promise.all([readSeries(deps.db, seriesId, page.audience), readSubscribeState(deps.db, page.viewer, "series", seriesId)]);
    return c.html(<SeriesPage page={page} series={series} actions={<SeriesActions page={page} seriesId={seriesId} subscription={subscription} />} />);
  });

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
