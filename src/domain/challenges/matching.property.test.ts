/**
 * Properties of the exchange's matching over generated sign-ups (fast-check): the matching is maximum (as many
 * pairs as brute force finds on small exchanges), valid (every pair a potential match, no one giving or receiving
 * twice, no one writing for themselves, the unmatched lists exactly the rest) and deterministic (the order of the
 * input changes nothing).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PromptTags } from "./challenge.js";
import { listPotentialMatches, type ExchangeRules, type ExchangeSignup, type PotentialMatch } from "./gift-exchange.js";
import { matchExchange } from "./matching.js";
import { maximumMatching } from "./maximum-matching.js";

const SEED = 20261130;
const RULES: ExchangeRules = {
  requests: { min: 1, max: 2 },
  offers: { min: 1, max: 2 },
  tagsInCommon: { fandom: 1, relationship: 0, character: 1, freeform: 0 },
};
const FANDOMS = ["Lighthouse Keepers", "The Salt Roads", "Orchard Year"];
const CHARACTERS = ["Wren", "Tobias", "Ilse", "Marguerite"];

const PROMPT = fc.record({
  fandom: fc.subarray(FANDOMS, { minLength: 1 }),
  character: fc.subarray(CHARACTERS, { minLength: 1 }),
}).map((tags): PromptTags => ({ ...tags, relationship: [], freeform: [] }));

/** Small exchanges (up to 7 sign-ups); a few sign-ups share a user, as two sign-ups of one person would. */
const EXCHANGE = fc.array(
  fc.record({ userId: fc.integer({ min: 1, max: 6 }), requests: fc.array(PROMPT, { minLength: 1, maxLength: 2 }), offers: fc.array(PROMPT, { minLength: 1, maxLength: 2 }) }),
  { maxLength: 7 },
).map((rows): ExchangeSignup[] => rows.map((row, index) => ({ id: 10 + index * 3, ...row })));

/** The size of a maximum matching, by trying every choice for every giver: exponential, fine up to 7. */
function bruteForceMaximum(ids: readonly number[], matches: readonly PotentialMatch[]): number {
  const best = (index: number, used: ReadonlySet<number>): number => {
    if (index === ids.length) return 0;
    let most = best(index + 1, used);
    for (const match of matches) {
      if (match.giverId !== ids[index] || used.has(match.recipientId)) continue;
      most = Math.max(most, 1 + best(index + 1, new Set([...used, match.recipientId])));
    }
    return most;
  };
  return best(0, new Set());
}

describe("matchExchange over generated exchanges", () => {
  it("finds as many pairs as brute force", () => {
    fc.assert(fc.property(EXCHANGE, (signups) => {
      const matches = listPotentialMatches(RULES, signups);
      const result = matchExchange(signups.map((s) => s.id), matches);
      expect(result.pairs.length).toBe(bruteForceMaximum(signups.map((s) => s.id), matches));
    }), { seed: SEED, numRuns: 300 });
  });

  it("pairs only potential matches, each sign-up giving and receiving at most once, never to itself", () => {
    fc.assert(fc.property(EXCHANGE, (signups) => {
      const matches = listPotentialMatches(RULES, signups);
      const result = matchExchange(signups.map((s) => s.id), matches);
      const potential = new Set(matches.map((m) => `${m.giverId}→${m.recipientId}`));
      const userOf = new Map(signups.map((s) => [s.id, s.userId]));
      for (const pair of result.pairs) {
        expect(potential.has(`${pair.giverId}→${pair.recipientId}`)).toBe(true);
        expect(userOf.get(pair.giverId)).not.toBe(userOf.get(pair.recipientId));
      }
      const givers = result.pairs.map((p) => p.giverId);
      const recipients = result.pairs.map((p) => p.recipientId);
      expect(new Set(givers).size).toBe(givers.length);
      expect(new Set(recipients).size).toBe(recipients.length);
      const all = signups.map((s) => s.id).sort((a, b) => a - b);
      expect([...givers, ...result.unmatchedGivers].sort((a, b) => a - b)).toEqual(all);
      expect([...recipients, ...result.unmatchedRecipients].sort((a, b) => a - b)).toEqual(all);
    }), { seed: SEED, numRuns: 300 });
  });

  it("gives the same pairs whatever the order of the sign-ups and matches", () => {
    fc.assert(fc.property(EXCHANGE, fc.nat(), (signups, salt) => {
      const matches = listPotentialMatches(RULES, signups);
      const first = matchExchange(signups.map((s) => s.id), matches);
      const shuffle = <T,>(items: readonly T[]): T[] => items
        .map((item, index) => ({ item, key: (index * 2654435761 + salt) % 1000003 }))
        .sort((a, b) => a.key - b.key)
        .map(({ item }) => item);
      const shuffledSignups = shuffle(signups);
      const again = matchExchange(shuffledSignups.map((s) => s.id), listPotentialMatches(RULES, shuffledSignups));
      const shuffledMatches = matchExchange(signups.map((s) => s.id), shuffle(matches));
      expect(again).toEqual(first);
      expect(shuffledMatches).toEqual(first);
    }), { seed: SEED, numRuns: 200 });
  });

  it("keeps the pairs it is asked to keep and still maximises the rest", () => {
    fc.assert(fc.property(EXCHANGE, (signups) => {
      const ids = signups.map((s) => s.id);
      const matches = listPotentialMatches(RULES, signups);
      const keep = matches.slice(0, 1);
      const result = matchExchange(ids, matches, { keep });
      for (const pair of keep) expect(result.pairs).toContainEqual(pair);
      const rest = matches.filter((m) => keep.every((k) => m.giverId !== k.giverId && m.recipientId !== k.recipientId));
      expect(result.pairs.length).toBe(keep.length + bruteForceMaximum(ids.filter((id) => keep.every((k) => k.giverId !== id)), rest));
    }), { seed: SEED, numRuns: 200 });
  });
});

describe("maximumMatching on larger graphs", () => {
  it("matches a random graph as fully as a simple augmenting-path search does", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 60 }).chain((n) => fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }).map((adjacency) => ({ n, adjacency }))),
      ({ n, adjacency }) => {
        // Kuhn's algorithm: one augmenting path per left vertex, simpler and slower, but also maximum.
        const owner = new Array<number>(n).fill(-1);
        const tryKuhn = (l: number, seen: Set<number>): boolean => (adjacency[l] ?? []).some((r) => {
          if (seen.has(r)) return false;
          seen.add(r);
          if (owner[r] === -1 || tryKuhn(owner[r] ?? -1, seen)) { owner[r] = l; return true; }
          return false;
        });
        let kuhn = 0;
        for (let l = 0; l < n; l++) if (tryKuhn(l, new Set())) kuhn++;
        const result = maximumMatching(adjacency, n);
        expect(result.filter((r) => r >= 0).length).toBe(kuhn);
        result.forEach((r, l) => { if (r >= 0) expect(adjacency[l]).toContain(r); });
        expect(new Set(result.filter((r) => r >= 0)).size).toBe(result.filter((r) => r >= 0).length);
      },
    ), { seed: SEED, numRuns: 200 });
  });

  it("matches a 3 000-vertex exchange in well under two seconds on a busy machine", () => {
    const n = 3_000;
    const adjacency = Array.from({ length: n }, (_, l) => [(l * 7 + 1) % n, (l * 13 + 5) % n, (l + 1) % n]);
    const started = performance.now();
    const result = maximumMatching(adjacency, n);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.every((r) => r >= 0)).toBe(true); // the (l + 1) edges alone make a perfect matching
  });
});
