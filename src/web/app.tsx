/**
 * The archive on the web: createApp(deps) builds the Hono app the server runs and the tests call in process.
 * Every response gets the security headers; every POST must come from this site (Origin or Sec-Fetch-Site);
 * pages carry an ETag (a hash of the page, since the reader's cookie shapes it) and must be revalidated, so a
 * reload costs a 304; assets are named by their hash and cached for a year.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { hasRole } from "../domain/account.js";
import { ForbiddenError, NotFoundError, QuireError, RateLimitedError, SignInRequiredError, ValidationError } from "../domain/errors.js";
import { readAudience } from "../services/accounts/audience.js";
import { createArchiveSearch } from "../services/archive/archive-search.js";
import { API_BASE, apiRoutes } from "./api/api-app.js";
import { csrfTokens, ensureCsrfToken } from "./csrf.js";
import type { RouteDeps, WebDeps, WebEnv } from "./env.js";
import { isOwnerKey, OWNER_COOKIE } from "./owner.js";
import { PREFS_COOKIE, readPrefsCookie, readPrefsJson } from "./reader-prefs.js";
import { onHttps, setSiteCookie, siteOrigin, YEAR_SECONDS } from "./request.js";
import { limitRequestsPerAddress, tooManyRequests, writeCounter } from "./request-limits.js";
import { refuseNul } from "./nul-guard.js";
import { securityHeaders } from "./security-headers.js";
import { readSignedIn } from "./session.js";
import { READER_APP_CHALLENGE, readerAppSignIn } from "./reader-apps.js";
import { accountRoutes } from "./routes/accounts.js";
import { adminRoutes } from "./routes/admin.js";
import { apiTokenRoutes } from "./routes/api-tokens.js";
import { archiveRoutes } from "./routes/archive.js";
import { communityRoutes, createCommentLimiter } from "./routes/community.js";
import { downloadRoutes } from "./routes/downloads.js";
import { feedRoutes } from "./routes/feeds.js";
import { postingBodyLimit, postingRoutes } from "./routes/posting.js";
import { seriesPostingRoutes } from "./routes/series-posting.js";
import { moderationRoutes } from "./routes/moderation.js";
import { reviewDeskRoutes } from "./routes/review-desk.js";
import { challengeRoutes, revealDueChallengesMiddleware } from "./routes/challenges.js";
import { collectionRoutes } from "./routes/collections.js";
import { duplicatesDeskRoutes } from "./routes/duplicates-desk.js";
import { claimRoutes } from "./routes/claims.js";
import { opdsRoutes } from "./routes/opds.js";
import { preferenceRoutes } from "./routes/preferences.js";
import { sitemapRoutes } from "./routes/sitemap.js";
import { workRoutes } from "./routes/works.js";
import { wranglingRoutes } from "./routes/wrangling.js";
import { ErrorPage } from "./views/error-page.js";

/**
 * Enough for the longest field of the other forms as a browser encodes it: a 10,000-character comment in a
 * non-Latin script is 30 KB of UTF-8 and three times that percent-encoded. Only posting's forms, which carry
 * chapters and story files, take more (postingBodyLimit).
 */
const MAX_BODY_BYTES = 256 * 1024;

/** Two years, subdomains included: what the HSTS preload list asks for, and how long a browser keeps to HTTPS. */
const HSTS = "max-age=63072000; includeSubDomains";

export function createApp(webDeps: WebDeps) {
  const deps: RouteDeps = { ...webDeps, search: createArchiveSearch(webDeps), commentLimiter: createCommentLimiter(), countWrite: writeCounter(webDeps) };
  const app = new Hono<WebEnv>();

  app.use(securityHeaders());
  app.use(async (c, next) => {
    // First, so that every layer reads the client's address and scheme the same way.
    c.set("trustProxy", deps.trustProxy);
    c.set("publicOrigin", deps.publicOrigin);
    await next();
    // Only over TLS: a browser ignores HSTS over plain http, and a site reached by http alone (on a home network,
    // say) must not be told to insist on https.
    if (onHttps(c)) c.header("Strict-Transport-Security", HSTS);
  });
  // Before the API and the pages' middleware: past the limit, a request costs no query.
  app.use(limitRequestsPerAddress(deps));
  // Before every reader of the collections' flags, the API too: a challenge whose reveal date has come is revealed.
  app.use(revealDueChallengesMiddleware(deps));
  // The JSON API comes before the pages' middleware: it reads no cookie (a token says who calls), so neither the
  // session nor the CSRF checks below apply to it, and a browser's cookies can never act through it.
  app.route(API_BASE, apiRoutes(deps));
  app.use(readerAppSignIn(deps));
  app.use(async (c, next) => {
    const url = new URL(c.req.url);
    // Assets are the same for everyone and cached publicly: no session, no cookie.
    const asset = url.pathname.startsWith("/assets/");
    const readerApp = c.get("readerApp");
    const signedIn = asset ? null : readerApp?.signedIn ?? await readSignedIn(c, deps.db, deps.now());
    const viewer = signedIn?.account ?? null;
    c.set("page", {
      // A signed-in reader's preferences follow their account; a guest's are this browser's cookie.
      prefs: signedIn ? readPrefsJson(signedIn.prefs) : readPrefsCookie(getCookie(c, PREFS_COOKIE)),
      assets: deps.assets,
      owner: isOwnerKey(deps.ownerKey, getCookie(c, OWNER_COOKIE)) || hasRole(viewer, "admin"),
      viewer,
      audience: await readAudience(deps.db, viewer),
      // Assets and the reader apps' addresses hold no form: no CSRF cookie for them (an app would never send it back).
      csrfToken: asset || readerApp ? "" : ensureCsrfToken(c),
      here: `${url.pathname}${url.search}`,
    });
    await next();
    if ((c.req.method === "GET" || c.req.method === "HEAD") && !c.res.headers.has("Cache-Control")) {
      c.header("Cache-Control", "private, no-cache");
      c.header("Vary", "Cookie");
    }
  });
  const limits = new Map<number, ReturnType<typeof bodyLimit>>();
  const limitTo = (maxSize: number) => {
    const known = limits.get(maxSize);
    if (known) return known;
    const limit = bodyLimit({ maxSize, onError: (c) => c.text(`That request is too large: this page takes up to ${Math.round(maxSize / 1024)} KB.`, 413) });
    limits.set(maxSize, limit);
    return limit;
  };
  // Before the CSRF check, which reads the body.
  app.use((c, next) => limitTo(postingBodyLimit(c.req.path) ?? MAX_BODY_BYTES)(c, next));
  // With --origin, a form must come from that origin, whatever Host the request names (the archive reached by
  // another name, or through a DNS name rebound to it, takes no form); without, from the origin the request names.
  app.use(csrf({ origin: (origin, c) => origin === siteOrigin(c) }));
  app.use(csrfTokens());
  app.use(refuseNul());
  // After the CSRF checks, so that another site's forged posts cannot use up an account's writes.
  app.use(async (c, next) => {
    const viewer = c.get("page").viewer;
    if (viewer && c.req.method !== "GET" && c.req.method !== "HEAD") deps.countWrite(viewer.id);
    await next();
  });

  app.get("/assets/:file", (c) => {
    const asset = deps.assets.byUrl.get(c.req.path);
    if (!asset) return c.notFound();
    c.header("Cache-Control", `public, max-age=${YEAR_SECONDS}, immutable`);
    c.header("ETag", asset.etag);
    if (c.req.header("If-None-Match") === asset.etag) return c.body(null, 304);
    return c.body(new Uint8Array(asset.body), 200, { "Content-Type": asset.contentType });
  });

  app.use(etag({ weak: true }));

  // The owner's sign-in link, printed by `quire serve`: it leaves the key in an HttpOnly cookie.
  app.get("/owner", (c) => {
    const key = c.req.query("key");
    if (!isOwnerKey(deps.ownerKey, key) || key === undefined) {
      return c.html(<ErrorPage page={c.get("page")} title="Not the owner's key" message="This link does not hold this archive's owner key. quire serve prints the right one." />, 403);
    }
    setSiteCookie(c, OWNER_COOKIE, key, YEAR_SECONDS);
    return c.redirect("/", 303);
  });

  app.route("/", postingRoutes(deps));
  app.route("/", seriesPostingRoutes(deps));
  app.route("/", downloadRoutes(deps));
  app.route("/", workRoutes(deps));
  app.route("/", archiveRoutes(deps));
  app.route("/", preferenceRoutes(deps));
  app.route("/", accountRoutes(deps));
  app.route("/", apiTokenRoutes(deps));
  app.route("/", adminRoutes(deps));
  app.route("/", communityRoutes(deps));
  app.route("/", moderationRoutes(deps));
  app.route("/", wranglingRoutes(deps));
  app.route("/", reviewDeskRoutes(deps));
  app.route("/", collectionRoutes(deps));
  app.route("/", duplicatesDeskRoutes(deps));
  app.route("/", claimRoutes(deps));
  app.route("/", challengeRoutes(deps));
  app.route("/", sitemapRoutes(deps));
  app.route("/", opdsRoutes(deps));
  app.route("/", feedRoutes(deps));

  app.notFound((c) => c.html(<ErrorPage page={c.get("page")} title="Page not found" message="There is no page at this address." />, 404));

  app.onError((error, c) => {
    const page = c.get("page");
    if (error instanceof NotFoundError) return c.html(<ErrorPage page={page} title="Not found" message={error.message} />, 404);
    if (error instanceof SignInRequiredError) {
      // A reader app is asked for its credentials; a person in a browser is sent to the sign-in page.
      if (c.get("readerApp") && c.req.header("Sec-Fetch-Mode") !== "navigate") return c.text(error.message, 401, { "WWW-Authenticate": READER_APP_CHALLENGE });
      if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect(`/login?return=${encodeURIComponent(page.here)}&why=${encodeURIComponent(error.message)}`, 303);
      return c.html(<ErrorPage page={page} title="Sign in first" message={error.message} />, 401);
    }
    if (error instanceof ForbiddenError) return c.html(<ErrorPage page={page} title="Not allowed" message={error.message} />, 403);
    if (error instanceof RateLimitedError) return tooManyRequests(c, error, page);
    if (error instanceof HTTPException) return c.html(<ErrorPage page={page} title={error.status === 403 ? "Refused" : "Request refused"} message={error.message || "This request was refused."} />, error.status);
    if (error instanceof ValidationError) return c.html(<ErrorPage page={page} title="That could not be read" message={error.message} />, 400);
    console.error(error instanceof QuireError ? error.message : error);
    return c.html(<ErrorPage page={page} title="Something went wrong" message="The archive could not show this page. The error has been logged." />, 500);
  });

  return app;
}
