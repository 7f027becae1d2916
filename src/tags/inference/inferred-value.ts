/** One value the tagger inferred rather than read, with how sure it is and why. */
import type { InferredValue } from "../../domain/work.js";

export type { InferredValue };

/** "Spike ×57, Angel ×55, Buffy ×35": counts, highest first, at most `limit`. */
export function formatCounts(counts: ReadonlyMap<string, number>, limit = 6): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, n]) => `${name} ×${n}`)
    .join(", ");
}
