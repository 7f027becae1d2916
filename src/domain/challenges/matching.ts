/**
 * The gift exchange's automatic matching: as many giver → recipient pairs as the potential matches allow, each
 * participant giving at most one gift and receiving at most one. It is a maximum bipartite matching (givers on one
 * side, recipients on the other) found by Hopcroft–Karp; whoever is left over is reported, so that the maintainers
 * can assign pinch hitters.
 *
 * The result depends only on the content of its input (sign-ups and matches are sorted by id first), so the same
 * sign-ups always give the same assignments; a rerun starts afresh unless pairs are handed in to keep.
 */
import { ValidationError } from "../errors.js";
import type { PotentialMatch } from "./gift-exchange.js";
import { maximumMatching } from "./maximum-matching.js";

export interface ExchangeMatching {
  /** The pairs, ordered by giver id: each giver and each recipient appears at most once. */
  readonly pairs: readonly PotentialMatch[];
  /** Sign-ups that give no gift (no one they could write for is left), by id. */
  readonly unmatchedGivers: readonly number[];
  /** Sign-ups that receive no gift, by id: these need a pinch hitter. */
  readonly unmatchedRecipients: readonly number[];
}

/**
 * Matches the sign-ups `signupIds` along `potentialMatches`, maximising the number of pairs.
 * @param keep pairs from an earlier run to hold fixed (a maintainer's manual choices); the rest is matched anew.
 *   Nothing is kept unless it is passed here.
 * @throws ValidationError when a kept pair names an unknown sign-up, is not a potential match, or reuses a giver
 *   or recipient.
 * @example matchExchange([1, 2], [{ giverId: 1, recipientId: 2 }, { giverId: 2, recipientId: 1 }]).pairs.length // 2
 */
export function matchExchange(
  signupIds: readonly number[],
  potentialMatches: readonly PotentialMatch[],
  options: { keep?: readonly PotentialMatch[] } = {},
): ExchangeMatching {
  const ids = [...new Set(signupIds)].sort((a, b) => a - b);
  const known = new Set(ids);
  const matchKey = (m: PotentialMatch) => `${m.giverId}→${m.recipientId}`;
  const potential = new Set(potentialMatches.map(matchKey));

  const givingFixed = new Set<number>();
  const receivingFixed = new Set<number>();
  const kept: PotentialMatch[] = [];
  for (const pair of options.keep ?? []) {
    if (!known.has(pair.giverId) || !known.has(pair.recipientId)) throw new ValidationError({ keep: `sign-up ${known.has(pair.giverId) ? pair.recipientId : pair.giverId} is not in this exchange` });
    if (!potential.has(matchKey(pair))) throw new ValidationError({ keep: `sign-up ${pair.giverId} cannot give to sign-up ${pair.recipientId}: no offer fits a request` });
    if (givingFixed.has(pair.giverId) || receivingFixed.has(pair.recipientId)) throw new ValidationError({ keep: `sign-up ${pair.giverId} or ${pair.recipientId} is kept in two pairs` });
    givingFixed.add(pair.giverId);
    receivingFixed.add(pair.recipientId);
    kept.push({ giverId: pair.giverId, recipientId: pair.recipientId });
  }

  const givers = ids.filter((id) => !givingFixed.has(id));
  const recipients = ids.filter((id) => !receivingFixed.has(id));
  const recipientIndex = new Map(recipients.map((id, index) => [id, index]));
  const giverIndex = new Map(givers.map((id, index) => [id, index]));
  const adjacency: number[][] = givers.map(() => []);
  for (const match of potentialMatches) {
    const edges = adjacency[giverIndex.get(match.giverId) ?? -1];
    const r = recipientIndex.get(match.recipientId);
    if (edges !== undefined && r !== undefined && match.giverId !== match.recipientId) edges.push(r);
  }
  for (const edges of adjacency) {
    edges.sort((a, b) => a - b);
    // Duplicate potential matches (the same pair listed twice) would change nothing but the walk; drop them.
    for (let i = edges.length - 1; i > 0; i--) if (edges[i] === edges[i - 1]) edges.splice(i, 1);
  }

  const matchOfGiver = maximumMatching(adjacency, recipients.length);
  const pairs = [...kept];
  const receiving = new Set(receivingFixed);
  const giving = new Set(givingFixed);
  givers.forEach((giverId, g) => {
    const recipientId = recipients[matchOfGiver[g] ?? -1];
    if (recipientId === undefined) return;
    pairs.push({ giverId, recipientId });
    giving.add(giverId);
    receiving.add(recipientId);
  });
  pairs.sort((a, b) => a.giverId - b.giverId);
  return {
    pairs,
    unmatchedGivers: ids.filter((id) => !giving.has(id)),
    unmatchedRecipients: ids.filter((id) => !receiving.has(id)),
  };
}
