/** The Archive's five ratings, least to most restrictive, and how legacy rating scales map onto them. */
export const RATINGS = ["Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit"] as const;
export type Rating = (typeof RATINGS)[number];

type StatedRating = Exclude<Rating, "Not Rated">;

// Every scale seen in legacy headers (MPAA-style, FictionRatings, Twisting the Hellmouth's FR scale, the
// FRC/FRT/FRM/FRAO scale, fanfiktion.de's P6–P18, words, localized words). Sources: shared/reference/legacy-formats.md §4.5.
const SCALE: Record<StatedRating, readonly string[]> = {
  "General Audiences": [
    "g", "pg", "k", "k+", "fr7", "frc", "all ages", "all", "general", "general audiences", "everyone", "gen",
    "todos los públicos", "todo público", "tout public", "tous publics", "für alle", "ab 0", "ab 6", "livre",
    "per tutti", "tutti", "verde", "p6",
  ],
  "Teen And Up Audiences": [
    "pg-13", "pg13", "pg-15", "pg15", "t", "fr13", "fr15", "frt", "teen", "teens", "teen and up",
    "teen and up audiences", "13+", "15+", "ab 12", "ab 13", "ab 14", "ab 16", "16+", "adolescentes", "adolescents",
    "jugendliche", "adolescenti", "giallo", "ado", "p12", "p16",
  ],
  Mature: ["r", "m", "fr18", "frm", "mature", "mature audiences", "adulto joven", "arancione", "mature content"],
  Explicit: [
    "nc-17", "nc17", "nc-21", "nc21", "x", "xx", "xxx", "ma", "fr21", "frao", "adult", "adults", "adults only",
    "adult only", "explicit", "18+", "+18", "21+", "ab 18", "adultos", "adulte", "adultes", "explícito", "explicite",
    "explizit", "erwachsene", "adulti", "rosso", "nc", "r18", "r-18", "p18", "p18-avl",
  ],
};

const BY_VALUE = new Map<string, StatedRating>(
  Object.entries(SCALE).flatMap(([rating, values]) => values.map((v) => [v, rating as StatedRating] as const)),
);

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

/** Ratings the Archive shows its adult-content interstitial before: Mature, Explicit, and no rating at all. */
export function isAdultRating(rating: Rating): boolean {
  return rating === "Mature" || rating === "Explicit" || rating === "Not Rated";
}

export function ratingSeverity(rating: Rating): number {
  return RATINGS.indexOf(rating);
}

/**
 * Maps a rating as written to the Archive's scale, or null when nothing in it is a known rating.
 * A dual value (`PG-13/T`, `R or NC-17`) takes the most restrictive part; trailing reasons
 * (`R for language`) are ignored. "Mature" is matched as a whole word, so it never becomes Explicit.
 *
 * @example normaliseRating("PG-13/T") // "Teen And Up Audiences"
 */
export function normaliseRating(raw: string): StatedRating | null {
  const cleaned = raw
    .toLowerCase()
    .replace(/^\s*(?:(?:fiction|rated|rating)\s*:?\s*)+/u, "")
    .replace(/\(.*?\)|\[.*?\]/gu, " ");
  let best: StatedRating | null = null;
  for (const part of cleaned.split(/\s*(?:\/|,|;|\||\bor\b|\bto\b|–|—)\s*/u)) {
    const rating = matchRatingPart(part.trim().replace(/[.!]+$/u, ""));
    if (rating && (!best || ratingSeverity(rating) > ratingSeverity(best))) best = rating;
  }
  return best;
}

function matchRatingPart(raw: string): StatedRating | null {
  // "PG-13ish", "R-ish", "Teen+", "T+", "K-plus": the letters carry the rating, the suffix hedges it.
  const part = raw.replace(/-?ish$/u, "").replace(/^k[- ]?plus$/u, "k+").replace(/^(teen|t)\s*\+$/u, "$1");
  if (!part) return null;
  const exact = BY_VALUE.get(part) ?? BY_VALUE.get(part.replace(/\s+/gu, " "));
  if (exact) return exact;
  // "R for violence", "PG-13 (language)", "Mature themes": the leading one or two words carry the rating.
  const words = part.split(/\s+/u);
  const two = words.slice(0, 2).join(" ");
  return BY_VALUE.get(two) ?? BY_VALUE.get(words[0] ?? "") ?? null;
}
