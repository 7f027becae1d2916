/**
 * Claim links (Open Doors): the page a mailed link opens, and its two answers. The token is the credential, so
 * the pages are never cached and are not a search engine's to index.
 */
import { Hono, type Context } from "hono";
import { claimWorks, declineWorks, readClaim } from "../../services/review/held-works.js";
import type { RouteDeps, WebEnv } from "../env.js";
import { claimPath, ClaimWorksPage } from "../views/claim-page.js";

/** A token as newToken writes it (base64url); anything else names no link. */
const TOKEN = "{[A-Za-z0-9_-]+}";

export function claimRoutes(deps: RouteDeps) {
  const app = new Hono<WebEnv>();
  const token = (c: Context<WebEnv>) => c.req.param("token") ?? "";
  const keepPrivate = (c: Context<WebEnv>) => {
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
  };

  app.get(`/claims/:token${TOKEN}`, async (c) => {
    const claim = await readClaim(deps.db, token(c));
    keepPrivate(c);
    return c.html(<ClaimWorksPage page={c.get("page")} token={token(c)} claim={claim} />);
  });

  app.post(`/claims/:token${TOKEN}/claim`, async (c) => {
    await claimWorks(deps, c.get("page").viewer, token(c), deps.now());
    return c.redirect("/account/works", 303);
  });

  app.post(`/claims/:token${TOKEN}/decline`, async (c) => {
    await declineWorks(deps, c.get("page").viewer, token(c), deps.now());
    return c.redirect(claimPath(token(c)), 303);
  });

  return app;
}
