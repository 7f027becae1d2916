/**
 * How text is cut into searchable words for documents and queries: lower case, diacritics removed, and every run
 * of characters that are not letters or digits a boundary. SQLite's FTS5 (`unicode61 remove_diacritics 2`)
 * tokenizes its documents this way itself, with canonical decomposition only (a ligature "ﬁ" stays itself), so
 * its queries are folded with NFD. PostgreSQL's parser would keep `spike/buffy` or `well-known` whole, so its
 * documents are folded here first, with compatibility decomposition too (NFKD: "ﬁ" is "fi", "ｃａｆｅ" is "cafe").
 */

export type Decomposition = "NFD" | "NFKD";

const MARKS = /\p{M}+/gu;
const BOUNDARIES = /[^\p{L}\p{N}]+/gu;

/** @example foldText("Spike/Buffy: Café") // "spike buffy cafe" */
export function foldText(text: string, decomposition: Decomposition = "NFKD"): string {
  return text.normalize(decomposition).replace(MARKS, "").toLowerCase().replace(BOUNDARIES, " ").trim();
}

/** @example searchTokens("O'Neill") // ["o", "neill"] */
export function searchTokens(text: string, decomposition: Decomposition = "NFKD"): string[] {
  const folded = foldText(text, decomposition);
  return folded.length === 0 ? [] : folded.split(" ");
}
