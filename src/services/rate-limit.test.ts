import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../domain/errors.js";
import { createRateLimiter } from "./rate-limit.js";

describe("the rate limiter", () => {
  const MINUTE = 60_000;

  it("refuses the attempt after the last one the window allows, saying when to come back", () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 10 * MINUTE });
    for (let i = 0; i < 3; i++) limiter.hit("a", i * MINUTE);
    let refusal: unknown;
    try {
      limiter.hit("a", 4 * MINUTE);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RateLimitedError);
    // The first attempt leaves the window 6 minutes later.
    expect((refusal as RateLimitedError).retryAfterSeconds).toBe(6 * 60);
    expect(() => limiter.hit("b", 4 * MINUTE)).not.toThrow();
    expect(() => limiter.hit("a", 10 * MINUTE)).not.toThrow();
  });

  it("tells after each attempt how many the window still allows and when its oldest attempt leaves it", () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 10 * MINUTE });
    expect(limiter.hit("a", 0)).toEqual({ limit: 3, remaining: 2, resetSeconds: 10 * 60 });
    expect(limiter.hit("a", 4 * MINUTE)).toEqual({ limit: 3, remaining: 1, resetSeconds: 6 * 60 });
    expect(limiter.hit("a", 5 * MINUTE)).toEqual({ limit: 3, remaining: 0, resetSeconds: 5 * 60 });
    // The first attempt has left the window: room for one again.
    expect(limiter.hit("a", 10 * MINUTE)).toEqual({ limit: 3, remaining: 0, resetSeconds: 4 * 60 });
  });

  it("checks without counting, so only the attempts hit count towards the limit", () => {
    const limiter = createRateLimiter({ max: 2, windowMs: MINUTE });
    for (let i = 0; i < 10; i++) limiter.check("a", i);
    limiter.hit("a", 10);
    limiter.check("a", 11);
    limiter.hit("a", 12);
    expect(() => limiter.check("a", 13)).toThrow(RateLimitedError);
  });

  it("forgets a key on reset", () => {
    const limiter = createRateLimiter({ max: 1, windowMs: MINUTE });
    limiter.hit("a", 0);
    expect(() => limiter.check("a", 1)).toThrow(RateLimitedError);
    limiter.reset("a");
    expect(() => limiter.check("a", 2)).not.toThrow();
  });

  it("counts a large limit in sixtieths of its window: the attempt past the limit is refused until the oldest slice leaves", () => {
    const limiter = createRateLimiter({ max: 600, windowMs: MINUTE });
    // 300 attempts in the second starting at 10 s, 300 more at 30 s: the window is full.
    for (let i = 0; i < 300; i++) limiter.hit("a", 10_000 + i);
    for (let i = 0; i < 299; i++) limiter.hit("a", 30_000 + i);
    expect(limiter.hit("a", 30_500)).toEqual({ limit: 600, remaining: 0, resetSeconds: 40 });
    let refusal: unknown;
    try {
      limiter.hit("a", 45_000);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RateLimitedError);
    // The slice of 10 s leaves at 70 s: 25 seconds on.
    expect((refusal as RateLimitedError).retryAfterSeconds).toBe(25);
    expect(() => limiter.check("a", 69_999)).toThrow(RateLimitedError);
    // At 70 s the first 300 have left, and the refused attempt never counted.
    expect(limiter.hit("a", 70_000)).toEqual({ limit: 600, remaining: 299, resetSeconds: 20 });
    // Long after, everything has left.
    expect(limiter.hit("a", 10 * MINUTE)).toEqual({ limit: 600, remaining: 599, resetSeconds: 60 });
  });
});
