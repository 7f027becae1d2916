/** What the API's routes run on and what each request carries: the caller its token names, or none (a guest). */
import type { Viewer } from "../../domain/account.js";
import type { ApiCaller } from "../../services/accounts/api-tokens.js";
import type { RateLimiter } from "../../services/rate-limit.js";
import type { RouteDeps } from "../env.js";

export interface ApiEnv {
  Variables: { trustProxy: boolean; caller: ApiCaller | null };
}

export interface ApiDeps extends RouteDeps {
  /** Comments per account, as on the pages. */
  commentLimiter: RateLimiter;
}

/** Whom the request acts as: the token's user, or a guest. */
export function viewerOf(caller: ApiCaller | null): Viewer {
  return caller?.account ?? null;
}
