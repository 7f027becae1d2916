/**
 * The rule for a pseud's name (the name a user posts under): 1 to 40 letters, digits, spaces, underscores, hyphens
 * or full stops, with at least one letter or digit, so that every pseud reads as a name and makes a plain address
 * (`/users/:name`). Names are unique among all authors, which the store checks.
 */

export const MAX_PSEUD_LENGTH = 40;
const ALLOWED = /^[\p{L}\p{N}\p{M} _.-]+$/u;
const SOMETHING_TO_READ = /[\p{L}\p{N}]/u;

/** The name as it is kept: trimmed, runs of spaces made one. @example tidyPseudName("  Wren   Tallow ") // "Wren Tallow" */
export function tidyPseudName(name: string): string {
  return name.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Why the (tidied) name cannot be a pseud's, or null when it can. */
export function pseudNameProblem(name: string): string | null {
  if (name.length === 0) return "A pseud needs a name.";
  if ([...name].length > MAX_PSEUD_LENGTH) return `A pseud's name has at most ${MAX_PSEUD_LENGTH} characters.`;
  if (!ALLOWED.test(name)) return "A pseud's name may hold letters, digits, spaces, underscores (_), hyphens (-) and full stops (.) only.";
  if (!SOMETHING_TO_READ.test(name)) return "A pseud's name needs at least one letter or digit.";
  return null;
}
