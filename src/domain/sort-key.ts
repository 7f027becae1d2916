/**
 * Keys for matching and sorting names: the same name typed differently (case, spacing, width) finds the same
 * author, tag or series, and titles sort as the Archive's `title_to_sort_on` does.
 */

/** Case-insensitive identity of a name: NFKC, lower case, inner whitespace collapsed. Diacritics are kept, so
 *  "Zoë" and "Zoe" stay two names. @example nameKey("  Buffy  Summers ") // "buffy summers" */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/**
 * Names trimmed, with inner spaces collapsed, empty ones dropped and each name once however it was capitalised:
 * the first spelling stays. @example distinctNames([" Wren ", "wren", ""]) // ["Wren"]
 */
export function distinctNames(names: Iterable<string>): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = raw.replace(/\s+/gu, " ").trim();
    const key = nameKey(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}

/**
 * A name without case, diacritics (also compatibility forms: "ﬁ" is "fi") or repeated spaces: the same name
 * however it was typed. @example foldName("  Zoë  Washburne") // "zoe washburne"
 */
export function foldName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}+/gu, "").normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Lower case without diacritics or leading punctuation: "Émile" sorts with "emile", "'Tis" with "tis". */
export function sortKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/** sortKey without a leading article. @example titleSortKey("The Long Way 'Round") // "long way 'round" */
export function titleSortKey(title: string): string {
  return sortKey(title).replace(/^(?:the|an?)\s+(?=\S)/u, "");
}
