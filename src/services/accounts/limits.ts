/**
 * How often a client may try the account forms. Sign-in counts failures only, per client address and per account
 * (or per name, when there is no such account, so the limit reveals nothing): a guesser is slowed whichever of the
 * two they vary. Sign-ups and reset requests count every attempt.
 */
import { createRateLimiter, type RateLimiter } from "../rate-limit.js";

const MINUTE_MS = 60_000;

export const SIGN_IN_FAILURES = { max: 10, windowMs: 15 * MINUTE_MS };
export const SIGN_UPS = { max: 10, windowMs: 60 * MINUTE_MS };
export const RESET_REQUESTS = { max: 5, windowMs: 60 * MINUTE_MS };
export const RESET_TRIES = { max: 10, windowMs: 15 * MINUTE_MS };

export interface AccountLimits {
  /** Failed sign-ins (and wrong current passwords) by client address. */
  signInByAddress: RateLimiter;
  /** Failed sign-ins (and wrong current passwords) by account. */
  signInByAccount: RateLimiter;
  signUpByAddress: RateLimiter;
  /** Reset links asked for, by client address and by the name asked about. */
  resetRequestByAddress: RateLimiter;
  resetRequestByName: RateLimiter;
  /** New passwords sent with a reset link, by client address. */
  resetByAddress: RateLimiter;
}

/** The key an account's failed sign-ins count under; a name with no account counts under `name:` and the name. */
export function accountLimitKey(userId: number): string {
  return `user:${userId}`;
}

/** One set per app: the counts live in this process's memory. */
export function createAccountLimits(): AccountLimits {
  const tooMany = "Too many attempts: wait a little and try again.";
  return {
    signInByAddress: createRateLimiter(SIGN_IN_FAILURES, "Too many failed sign-ins from here: wait a quarter of an hour and try again."),
    signInByAccount: createRateLimiter(SIGN_IN_FAILURES, "Too many failed sign-ins for this account: wait a quarter of an hour and try again, or reset the password."),
    signUpByAddress: createRateLimiter(SIGN_UPS, "Too many sign-ups from here: wait an hour and try again."),
    resetRequestByAddress: createRateLimiter(RESET_REQUESTS, tooMany),
    resetRequestByName: createRateLimiter(RESET_REQUESTS, tooMany),
    resetByAddress: createRateLimiter(RESET_TRIES, tooMany),
  };
}
