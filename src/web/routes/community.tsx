/**
 * The community's addresses: kudos, a work's comment settings, mark for later, the reading history; and the
 * comments, bookmarks, subscriptions and inbox, each in its own module. Every action is a POST that answers with
 * a 303 back to a page, so it all works without JavaScript.
 */
import { Hono } from "hono";
import { z } from "zod";
import { COMMENT_POLICIES } from "../../domain/account.js";
import { createRateLimiter, type RateLimiter } from "../../services/rate-limit.js";
import { giveKudos } from "../../services/community/kudos.js";
import { setCommentSettings } from "../../services/community/manage-comments.js";
import { clearHistory, HISTORY_PER_PAGE, readReadingHistory, toggleMarkForLater } from "../../services/community/reading-history.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { parseId } from "../request.js";
import { withFragment } from "../views/community-links.js";
import { HistoryPage } from "../views/history-page.js";
import { bookmarkRoutes } from "./bookmarks.js";
import { commentRoutes } from "./comments.js";
import { pageNumber, readForm, returnPath, visitorOf } from "./community-form.js";
import { subscriptionRoutes } from "./subscriptions.js";

/** Comments a minute, per account or per guest address. */
export const COMMENTS_PER_MINUTE = 5;

/** The limit on comments, for the pages and the API alike: createApp makes the one both use. */
export function createCommentLimiter(): RateLimiter {
  return createRateLimiter({ max: COMMENTS_PER_MINUTE, windowMs: 60_000 }, "You are commenting too fast: wait a minute and try again.");
}

const returnForm = z.object({ return: z.string().optional() });
const settingsForm = z.object({ policy: z.enum(COMMENT_POLICIES), moderate: z.literal("1").optional(), return: z.string().optional() });

export function communityRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  app.route("/", commentRoutes(deps));
  app.route("/", bookmarkRoutes(deps));
  app.route("/", subscriptionRoutes(deps));

  app.post("/works/:id{[0-9]+}/kudos", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const form = await readForm(c, returnForm);
    // Kudos a second time change nothing: the page it returns to says they were left already.
    await giveKudos(deps, workId, visitorOf(c));
    return c.redirect(withFragment(returnPath(form.return, `/works/${workId}`), "kudos"), 303);
  });

  app.post("/works/:id{[0-9]+}/comment-settings", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const form = await readForm(c, settingsForm);
    await setCommentSettings(deps, workId, c.get("page").viewer, { policy: form.policy, moderated: form.moderate === "1" });
    return c.redirect(withFragment(returnPath(form.return, `/works/${workId}`), "comments"), 303);
  });

  app.post("/works/:id{[0-9]+}/mark-for-later", async (c) => {
    const workId = parseId(c.req.param("id"), "Work");
    const form = await readForm(c, returnForm);
    await toggleMarkForLater(deps, workId, c.get("page").viewer);
    return c.redirect(returnPath(form.return, `/works/${workId}`), 303);
  });

  for (const [path, later] of [["/history", false], ["/later", true]] as const) {
    app.get(path, async (c) => {
      const page = c.get("page");
      const number = pageNumber(c);
      const history = await readReadingHistory(deps.db, page.viewer, page.audience, { markedOnly: later, page: number });
      return c.html(<HistoryPage page={page} history={history} later={later} pageNumber={number} perPage={HISTORY_PER_PAGE} />);
    });
  }

  app.post("/history/clear", async (c) => {
    await clearHistory(deps.db, c.get("page").viewer);
    return c.redirect("/history", 303);
  });

  return app;
}
