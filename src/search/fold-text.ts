/**
 * How text is cut into searchable words, the same for documents and queries on every engine: lower case,
 * diacritics removed, and every run of characters that are not letters or digits a boundary. SQLite's FTS5
 * (`unicode61 remove_diacritics 2`) tokenizes documents this way itself; PostgreSQL's parser does not (it keeps
 * `spike/buffy` or `well-known` whole), so its documents are folded here first.
 */

const MARKS = /\p{M}+/gu;
const BOUNDARIES = /[^\p{L}\p{N}]+/gu;

/** @example foldText("Spike/Buffy: Café") // "spike buffy cafe" */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(MARKS, "").toLowerCase().replace(BOUNDARIES, " ").trim();
}

/** @example searchTokens("O'Neill") // ["o", "neill"] */
export function searchTokens(text: string): string[] {
  const folded = foldText(text);
  return folded.length === 0 ? [] : folded.split(" ");
}
