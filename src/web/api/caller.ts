/**
 * Who calls the API. A request names its caller with `Authorization: Bearer <token>` and nothing else: the API
 * reads no cookie, so a browser's session can never act through it, and a page on another site that makes a
 * browser send a request here sends it as a guest, which may write nothing (no CSRF check is needed, and none is
 * made). A header with an unknown or revoked token is refused rather than read as a guest, so a script with a
 * stale token learns so at once.
 *
 * Every request counts against a rate limit: per account (all its tokens together, so that making more tokens
 * raises no limit), or per client address for guests; each answer says where the caller stands (`RateLimit`,
 * `RateLimit-Policy`, draft-ietf-httpapi-ratelimit-headers) and a 429 says when to come back (`Retry-After`).
 */
import type { Context, MiddlewareHandler } from "hono";
import { ForbiddenError, RateLimitedError, SignInRequiredError } from "../../domain/errors.js";
import type { Account } from "../../domain/account.js";
import { authenticateApiToken } from "../../services/accounts/api-tokens.js";
import { createRateLimiter, type RateLimitState } from "../../services/rate-limit.js";
import { clientAddress } from "../request.js";
import type { RouteDeps } from "../env.js";
import type { ApiEnv } from "./env.js";

/** Requests a minute per account, over all its tokens: a script paging through a large archive, a sync app, without flooding it. */
export const TOKEN_REQUESTS_PER_MINUTE = 120;
/** Requests a minute per guest address. */
export const GUEST_REQUESTS_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

function rateLimitHeaders(c: Context, state: RateLimitState): void {
  c.header("RateLimit", `limit=${state.limit}, remaining=${state.remaining}, reset=${state.resetSeconds}`);
  c.header("RateLimit-Policy", `${state.limit};w=${WINDOW_MS / 1000}`);
}

export function identifyCaller(deps: Pick<RouteDeps, "db" | "now">): MiddlewareHandler<ApiEnv> {
  const message = "Too many requests: wait a little and try again.";
  const tokenLimiter = createRateLimiter({ max: TOKEN_REQUESTS_PER_MINUTE, windowMs: WINDOW_MS }, message);
  const guestLimiter = createRateLimiter({ max: GUEST_REQUESTS_PER_MINUTE, windowMs: WINDOW_MS }, message);
  return async (c, next) => {
    const now = deps.now();
    const header = c.req.header("Authorization");
    const token = header === undefined ? undefined : /^Bearer +(\S+) *$/iu.exec(header)?.[1];
    const caller = token === undefined ? null : await authenticateApiToken(deps.db, token, now);
    c.set("caller", caller);
    // A request with a token that opens nothing counts as its address's, so that guessing costs as much as reading.
    const [limiter, key] = caller ? [tokenLimiter, `account:${caller.account.id}`] : [guestLimiter, `address:${clientAddress(c)}`];
    try {
      rateLimitHeaders(c, limiter.hit(key, now.getTime()));
    } catch (error) {
      if (error instanceof RateLimitedError) rateLimitHeaders(c, { limit: caller ? TOKEN_REQUESTS_PER_MINUTE : GUEST_REQUESTS_PER_MINUTE, remaining: 0, resetSeconds: error.retryAfterSeconds });
      throw error;
    }
    if (header !== undefined && !caller) throw new SignInRequiredError("That API token is unknown or revoked.");
    await next();
  };
}

/**
 * The caller's account, when their token may write. What the account itself may do (post, edit this work,
 * comment while suspended…) the services decide, as for the pages.
 * @throws SignInRequiredError without a token; ForbiddenError for a read-only token.
 */
export function requireWriter(c: Context<ApiEnv>): Account {
  const caller = c.get("caller");
  if (!caller) throw new SignInRequiredError("Writing needs an API token with write scope.");
  if (caller.scope !== "write") throw new ForbiddenError("This API token may only read: make one with write scope on /account/tokens.");
  return caller.account;
}
