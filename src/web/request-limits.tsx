/**
 * The limits on how often anyone may ask anything: requests per client address over the whole site (pages, the
 * API, the catalog, feeds, downloads), and state-changing requests per signed-in account over the pages and the
 * API together. Both are sliding windows in this process's memory (services/rate-limit.ts), on top of the
 * per-action limits (sign-ins, comments, reports…), and answered the way each surface answers errors: a page in
 * the site's layout, problem+json on the API, plain text to a reader app.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { GUEST_AUDIENCE } from "../domain/account.js";
import { RateLimitedError } from "../domain/errors.js";
import { createRateLimiter, type RateLimiter } from "../services/rate-limit.js";
import { isApiPath } from "./api/api-app.js";
import { problemResponse } from "./api/problems.js";
import type { WebDeps, WebEnv } from "./env.js";
import type { PageContext } from "./page-context.js";
import { PREFS_COOKIE, readPrefsCookie } from "./reader-prefs.js";
import { isReaderAppPath } from "./reader-apps.js";
import { clientAddress } from "./request.js";
import { ErrorPage } from "./views/error-page.js";

/** How many requests a minute may come from one address, and how many writes from one account; 0 is no limit. */
export interface RequestLimits {
  requestsPerMinute: number;
  writesPerMinute: number;
}

/**
 * 10 a second, sustained for a minute. A reader opening a page asks for one address (the stylesheet, script and
 * icon are exempt, below), and even someone paging through search results as fast as they can read takes a few
 * seconds a page; a reader app syncing a catalog fetches a page or a book at a time. So only a script hammering
 * the site meets it, and a household or office behind one address (a NAT) has room for dozens of busy readers.
 */
export const DEFAULT_REQUESTS_PER_MINUTE = 600;
/**
 * One a second: kudos, comments (which have their own, tighter limit), bookmarks, marks for later, a posting
 * script's chapters. Far beyond what a person clicks, well under what a runaway script or a stolen session would do.
 */
export const DEFAULT_WRITES_PER_MINUTE = 60;

/** What `quire serve` runs with unless told otherwise. */
export const DEFAULT_LIMITS: RequestLimits = { requestsPerMinute: DEFAULT_REQUESTS_PER_MINUTE, writesPerMinute: DEFAULT_WRITES_PER_MINUTE };

const WINDOW_MS = 60_000;

/** A limiter of `max` a minute, or null when `max` is 0 (no limit). */
export function perMinuteLimiter(max: number, message: string): RateLimiter | null {
  return max > 0 ? createRateLimiter({ max, windowMs: WINDOW_MS }, message) : null;
}

/** A wait as a person would say it: "1 second", "45 seconds", "3 minutes". */
function waitOf(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * The 429 a limit answers with, by surface: the API's problem+json, plain text to a reader app (the catalog,
 * feeds, downloads fetched by an app rather than opened in a browser), else a page in the site's layout that
 * says what happened and when to come back. Each carries Retry-After.
 */
export function tooManyRequests(c: Context<WebEnv>, error: RateLimitedError, page: PageContext): Response | Promise<Response> {
  if (isApiPath(c.req.path)) return problemResponse(c, error);
  const retryAfter = { "Retry-After": String(error.retryAfterSeconds) };
  const message = `${error.message} You can try again in ${waitOf(error.retryAfterSeconds)}.`;
  if (isReaderAppPath(c.req.path) && c.req.header("Sec-Fetch-Mode") !== "navigate") return c.text(message, 429, retryAfter);
  return c.html(<ErrorPage page={page} title="Too many requests" message={message} />, 429, retryAfter);
}

/**
 * Counts every request against its client address, before anything else reads the library: past the limit the
 * answer costs no query (the page is a guest's, whoever asks). Assets are exempt: they are a few files served from
 * memory, cached for a year, and fetched along with pages, so counting them would only make the limit depend on
 * how a page is built.
 */
export function limitRequestsPerAddress(deps: Pick<WebDeps, "assets" | "limits" | "now">): MiddlewareHandler<WebEnv> {
  const limiter = perMinuteLimiter(deps.limits.requestsPerMinute, "Too many requests from your address in the last minute.");
  return async (c, next) => {
    if (!limiter || c.req.path.startsWith("/assets/")) return next();
    try {
      limiter.hit(clientAddress(c), deps.now().getTime());
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const url = new URL(c.req.url);
      return tooManyRequests(c, error, {
        prefs: readPrefsCookie(getCookie(c, PREFS_COOKIE)), assets: deps.assets, owner: false, viewer: null, audience: GUEST_AUDIENCE, csrfToken: "",
        here: `${url.pathname}${url.search}`,
      });
    }
    return next();
  };
}

/**
 * Counts a signed-in account's write against the account's one limiter, which the pages and the API share so
 * that neither adds to the other's. @throws RateLimitedError past the limit.
 */
export function writeCounter(deps: Pick<WebDeps, "limits" | "now">): (accountId: number) => void {
  const limiter = perMinuteLimiter(deps.limits.writesPerMinute, "Too many changes from your account in the last minute.");
  return (accountId) => {
    limiter?.hit(`account:${accountId}`, deps.now().getTime());
  };
}
