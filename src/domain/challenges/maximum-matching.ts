/**
 * A maximum matching in a bipartite graph, by Hopcroft–Karp: O(E·√V), a few milliseconds for an exchange of
 * thousands of sign-ups. Written here rather than taken from npm because no maintained package offers it: the
 * graph libraries there (graphology and its bipartite add-on) test bipartiteness but do not match, and the small
 * matching packages are unmaintained one-offs. The algorithm is short and its tests compare it with brute force.
 *
 * Deterministic: the same adjacency (in the same order) always gives the same matching, because every search
 * walks vertices and edges in index order; callers sort their vertices to make the result depend only on content.
 */

const FREE = -1;

/**
 * A maximum matching of left vertices `0..adjacency.length-1` to right vertices `0..rightCount-1`.
 * Returns `matchOfLeft[l]`: the right vertex matched to `l`, or -1 when `l` stays unmatched.
 * @example maximumMatching([[0, 1], [0]], 2) // [1, 0]: both left vertices matched
 */
export function maximumMatching(adjacency: readonly (readonly number[])[], rightCount: number): number[] {
  const leftCount = adjacency.length;
  const matchOfLeft = new Array<number>(leftCount).fill(FREE);
  const matchOfRight = new Array<number>(rightCount).fill(FREE);
  const layer = new Array<number>(leftCount).fill(0);

  /** Layers the free left vertices' alternating paths; true when some path reaches a free right vertex. */
  const layerFromFreeLeft = (): boolean => {
    const queue: number[] = [];
    for (let l = 0; l < leftCount; l++) {
      layer[l] = matchOfLeft[l] === FREE ? 0 : Infinity;
      if (matchOfLeft[l] === FREE) queue.push(l);
    }
    let reachesFree = false;
    for (let head = 0; head < queue.length; head++) {
      const l = queue[head] ?? FREE;
      for (const r of adjacency[l] ?? []) {
        const next = matchOfRight[r] ?? FREE;
        if (next === FREE) reachesFree = true;
        else if (layer[next] === Infinity) {
          layer[next] = (layer[l] ?? 0) + 1;
          queue.push(next);
        }
      }
    }
    return reachesFree;
  };

  /** Extends the matching along one shortest augmenting path from `l`, if there is one in the layering. */
  const augmentFrom = (l: number): boolean => {
    for (const r of adjacency[l] ?? []) {
      const next = matchOfRight[r] ?? FREE;
      if (next === FREE || (layer[next] === (layer[l] ?? 0) + 1 && augmentFrom(next))) {
        matchOfLeft[l] = r;
        matchOfRight[r] = l;
        return true;
      }
    }
    layer[l] = Infinity; // a dead end in this phase: no later search needs to try it again
    return false;
  };

  while (layerFromFreeLeft()) {
    for (let l = 0; l < leftCount; l++) if (matchOfLeft[l] === FREE) augmentFrom(l);
  }
  return matchOfLeft;
}
