import { describe, expect, it } from "vitest";
import { createRandom, weighted } from "./random.js";
import { sampleLargeZipf, ZipfTable } from "./zipf.js";

describe("createRandom", () => {
  it("gives the same stream for the same keys and another for other keys", () => {
    const draw = (keys: number[]) => {
      const random = createRandom(keys);
      return Array.from({ length: 8 }, () => random.uint32());
    };
    expect(draw([1, 2])).toEqual(draw([1, 2]));
    expect(draw([1, 2])).not.toEqual(draw([1, 3]));
    expect(draw([1, 2])).not.toEqual(draw([2, 1]));
  });

  it("is pinned to its algorithm: these values must never change, or every corpus changes with them", () => {
    const random = createRandom([1, 0, 2]);
    expect(Array.from({ length: 4 }, () => random.uint32())).toEqual([2217519859, 3076295103, 1546400242, 1091455416]);
  });

  it("spreads floats evenly over [0, 1) and integers over their range", () => {
    const random = createRandom([7]);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const f = random.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      buckets[Math.floor(f * 10)] = (buckets[Math.floor(f * 10)] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(1800);
    const values = new Set(Array.from({ length: 2000 }, () => random.between(3, 5)));
    expect([...values].sort()).toEqual([3, 4, 5]);
  });

  it("draws normal deviates with mean 0 and standard deviation 1", () => {
    const random = createRandom([11]);
    const samples = Array.from({ length: 20_000 }, () => random.normal());
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    const sd = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it("picks weighted options in proportion to their weights", () => {
    const random = createRandom([3]);
    let heavy = 0;
    for (let i = 0; i < 10_000; i += 1) if (weighted(random, [["heavy", 3], ["light", 1]]) === "heavy") heavy += 1;
    expect(heavy / 10_000).toBeCloseTo(0.75, 1);
  });
});

describe("Zipf sampling", () => {
  it("draws rank k about 1/k as often as rank 1", () => {
    const table = new ZipfTable(100, 1);
    const random = createRandom([5]);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 50_000; i += 1) {
      const rank = table.sample(random);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    const first = counts[0] ?? 0;
    expect(first / (counts[1] ?? 1)).toBeGreaterThan(1.7);
    expect(first / (counts[1] ?? 1)).toBeLessThan(2.3);
    expect(first / (counts[9] ?? 1)).toBeGreaterThan(7);
    expect(first / (counts[9] ?? 1)).toBeLessThan(13);
    expect(table.probability(0)).toBeCloseTo(1 / 5.187, 2);
  });

  it("draws from huge populations without a table, most often from the head", () => {
    const random = createRandom([9]);
    const ranks = Array.from({ length: 20_000 }, () => sampleLargeZipf(random, 1_000_000, 0.75));
    expect(Math.min(...ranks)).toBe(0);
    expect(Math.max(...ranks)).toBeLessThan(1_000_000);
    const top = ranks.filter((r) => r === 0).length;
    const tail = ranks.filter((r) => r === 500_000).length;
    expect(top).toBeGreaterThan(50);
    expect(tail).toBeLessThan(5);
  });
});
