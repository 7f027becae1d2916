/**
 * The Archive's crossover rule (otwarchive lib/fandom_crossover.rb): fandoms are related when they share a meta
 * tag (a fandom counts as its own meta tag); a work is a crossover unless one of its fandoms is related to all
 * the others. So several fandoms under one meta tag (films and series of one franchise) are no crossover.
 */

/**
 * @param fandoms for each of the work's fandoms (after synonyms are resolved), its id and all its meta tags'.
 * @example isCrossover([new Set([1]), new Set([2])]) // true
 */
export function isCrossover(fandoms: readonly ReadonlySet<number>[]): boolean {
  if (fandoms.length <= 1) return false;
  return !fandoms.some((a) => fandoms.every((b) => [...a].some((id) => b.has(id))));
}
