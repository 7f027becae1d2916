/**
 * How often one client may do a thing (sign in, sign up, comment): a sliding log per key, kept in this process's
 * memory. Several servers on one library each keep their own, so the limit there is per server; the limits are
 * about slowing a guesser or a flood, which that still does.
 */
import { RateLimitedError } from "../domain/errors.js";

export interface RateLimit {
  /** Most attempts in the window. */
  max: number;
  windowMs: number;
}

/** Where a key stands after an attempt: what its window still allows, and when its oldest attempt leaves it. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window has room for one more attempt than now (at least 1). */
  resetSeconds: number;
}

export interface RateLimiter {
  /**
   * Counts an attempt for the key. @returns where the key stands now (for RateLimit headers).
   * @throws RateLimitedError when the key has used up its window.
   */
  hit(key: string, now: number): RateLimitState;
  /**
   * Throws as `hit` would, without counting an attempt: a limit on failures (wrong passwords) is checked before
   * trying, and hit only when the try fails. @throws RateLimitedError when the key has used up its window.
   */
  check(key: string, now: number): void;
  /** Forgets the key's attempts (a successful sign-in clears the failures before it). */
  reset(key: string): void;
}

/** Keys are dropped once their window has passed, at most this many kept (the oldest go first). */
const MAX_KEYS = 50_000;

export function createRateLimiter(limit: RateLimit, message?: string): RateLimiter {
  const attempts = new Map<string, number[]>();
  const secondsUntilRoom = (recent: readonly number[], now: number) => Math.max(1, Math.ceil((limit.windowMs - (now - (recent[0] ?? now))) / 1000));
  const recentAttempts = (key: string, now: number): number[] => {
    const recent = (attempts.get(key) ?? []).filter((t) => now - t < limit.windowMs);
    if (recent.length >= limit.max) {
      attempts.set(key, recent);
      throw new RateLimitedError(secondsUntilRoom(recent, now), message);
    }
    return recent;
  };
  return {
    hit(key, now) {
      const recent = recentAttempts(key, now);
      recent.push(now);
      attempts.delete(key);
      attempts.set(key, recent);
      if (attempts.size > MAX_KEYS) attempts.delete(attempts.keys().next().value ?? key);
      return { limit: limit.max, remaining: limit.max - recent.length, resetSeconds: secondsUntilRoom(recent, now) };
    },
    check(key, now) {
      recentAttempts(key, now);
    },
    reset(key) {
      attempts.delete(key);
    },
  };
}
