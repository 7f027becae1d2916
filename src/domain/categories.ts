/** The Archive's relationship categories, and the legacy words that mean them. */
export const CATEGORIES = ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"] as const;
export type Category = (typeof CATEGORIES)[number];

const WORDS: Readonly<Record<string, Category>> = {
  "f/f": "F/F", ff: "F/F", femslash: "F/F", "femme slash": "F/F", "femme-slash": "F/F", yuri: "F/F", "shoujo-ai": "F/F",
  "f/m": "F/M", "m/f": "F/M", het: "F/M", hetero: "F/M", "heterosexual": "F/M",
  gen: "Gen", "general (gen)": "Gen", "no pairing": "Gen", "no romance": "Gen",
  "m/m": "M/M", mm: "M/M", slash: "M/M", yaoi: "M/M", "shounen-ai": "M/M", "shonen-ai": "M/M",
  multi: "Multi", multiple: "Multi", "multiple pairings": "Multi", threesome: "Multi", ot3: "Multi", poly: "Multi",
  polyamory: "Multi", moresome: "Multi",
  other: "Other",
  // Russian-language archives (ficbook) name the same categories.
  "джен": "Gen", "гет": "F/M", "слэш": "M/M", "слеш": "M/M", "фемслэш": "F/F", "фемслеш": "F/F",
};

/** The category a legacy word means, or null. @example categoryFromWord("Slash") // "M/M" */
export function categoryFromWord(word: string): Category | null {
  return WORDS[word.trim().toLowerCase()] ?? null;
}

export function sortCategories(categories: Iterable<Category>): Category[] {
  const set = new Set(categories);
  return CATEGORIES.filter((c) => set.has(c));
}
