/**
 * How often one client may do a thing (sign in, sign up, comment, ask for a page): a sliding window per key, kept
 * in this process's memory. Several servers on one library each keep their own, so the limit there is per server; the limits are
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
/**
 * A window allowing more than this many attempts is counted in this many buckets instead of a log of every
 * attempt: a log costs a copy of up to `max` timestamps a request and `max` numbers a key (600 a minute per
 * address is 4.8 KB a key, 240 MB at MAX_KEYS), where the buckets cost a fixed 120 bytes. The price is that an
 * attempt leaves the window when its bucket does, up to a sixtieth of the window early; the small limits (sign-ins,
 * sign-ups, resets), where a minute matters, keep the exact log.
 */
const BUCKETS = 60;

export function createRateLimiter(limit: RateLimit, message?: string): RateLimiter {
  const counter = limit.max > BUCKETS ? bucketCounter(limit) : attemptLog(limit);
  const keys = new Map<string, KeyWindow>();
  const refuseWhenFull = (window: KeyWindow | undefined, now: number) => {
    if (window && window.count(now) >= limit.max) throw new RateLimitedError(window.secondsUntilRoom(now), message);
  };
  return {
    hit(key, now) {
      const window = keys.get(key) ?? counter();
      refuseWhenFull(window, now);
      window.add(now);
      // Re-inserted, so the Map's order is the order of last use and the first key is the one to drop.
      keys.delete(key);
      keys.set(key, window);
      if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value ?? key);
      return { limit: limit.max, remaining: limit.max - window.count(now), resetSeconds: window.secondsUntilRoom(now) };
    },
    check(key, now) {
      refuseWhenFull(keys.get(key), now);
    },
    reset(key) {
      keys.delete(key);
    },
  };
}

/** One key's attempts in the window. */
interface KeyWindow {
  /** Attempts still in the window at `now`. */
  count(now: number): number;
  add(now: number): void;
  /** Seconds until the oldest attempt leaves the window (at least 1). */
  secondsUntilRoom(now: number): number;
}

const atLeastOneSecond = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Every attempt's time, oldest first: exact. */
function attemptLog({ windowMs }: RateLimit): () => KeyWindow {
  return () => {
    let times: number[] = [];
    const drop = (now: number) => {
      if (times.length > 0 && now - (times[0] ?? now) >= windowMs) times = times.filter((t) => now - t < windowMs);
    };
    return {
      count(now) {
        drop(now);
        return times.length;
      },
      add(now) {
        times.push(now);
      },
      secondsUntilRoom(now) {
        drop(now);
        return atLeastOneSecond(windowMs - (now - (times[0] ?? now)));
      },
    };
  };
}

/** Counts in BUCKETS slices of the window, a ring indexed by the slice's number since the epoch. */
function bucketCounter({ windowMs }: RateLimit): () => KeyWindow {
  const width = windowMs / BUCKETS;
  return () => {
    const counts = new Uint32Array(BUCKETS);
    let total = 0;
    // The newest slice the ring holds; the ring holds slices newest - BUCKETS + 1 … newest.
    let newest = -Infinity;
    const advance = (now: number) => {
      const slice = Math.floor(now / width);
      if (slice <= newest) return;
      if (slice - newest >= BUCKETS) {
        counts.fill(0);
        total = 0;
      } else {
        for (let s = newest + 1; s <= slice; s += 1) {
          const i = s % BUCKETS;
          total -= counts[i] ?? 0;
          counts[i] = 0;
        }
      }
      newest = slice;
    };
    return {
      count(now) {
        advance(now);
        return total;
      },
      add(now) {
        advance(now);
        const i = newest % BUCKETS;
        counts[i] = (counts[i] ?? 0) + 1;
        total += 1;
      },
      secondsUntilRoom(now) {
        advance(now);
        for (let s = newest - BUCKETS + 1; s <= newest; s += 1) {
          if ((counts[s % BUCKETS] ?? 0) > 0) return atLeastOneSecond((s + BUCKETS) * width - now);
        }
        return atLeastOneSecond(windowMs);
      },
    };
  };
}
