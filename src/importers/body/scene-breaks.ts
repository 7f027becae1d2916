/**
 * Scene-break lines: dinkuses (`* * *`, `***`, `###`, `~~~`, `---`), ornaments (`~*~`, `❧`), and the letter
 * patterns authors adopted when fanfiction.net stripped symbol lines (`xXx`, `oOo`, `-x-`, `o0o`). A heuristic by
 * necessity: no public list of these exists (shared/reference/legacy-formats.md §4.2).
 */
const SYMBOLS_ONLY = /^[\p{P}\p{S}\s]+$/u;
// One flat character class: a nested quantifier here would backtrack exponentially on "Ooooooooh".
const LETTER_PATTERN = /^[-~*=_.+:·•|\sxo0]+$/iu;
const QUOTES_OR_DASH_DIALOGUE = /["“”'‘’«»()]|^[—–-]\s*\p{L}{2}/u;

export function isSceneBreakLine(line: string): boolean {
  const trimmed = line.trim();
  // A rule of symbols may run the width of a page (archive exports draw 74 "=" signs); letter patterns are short.
  if (trimmed.length === 0 || trimmed.length > 200) return false;
  if (QUOTES_OR_DASH_DIALOGUE.test(trimmed)) return false;
  if (SYMBOLS_ONLY.test(trimmed)) {
    // A lone "…" or "?!" is a beat of dialogue or silence, not a break.
    return !/^[.…?!,;:]+$/u.test(trimmed.replace(/\s+/gu, ""));
  }
  const compact = trimmed.replace(/\s+/gu, "");
  if (trimmed.length > 60 || !LETTER_PATTERN.test(trimmed) || compact.length < 3) return false;
  // Letter patterns are symmetric in case ("xXx", "oOoOo"), repeat ("xxx"), or are framed by symbols ("-x-");
  // words made of x and o ("ox", "Xoo", "Oxo") are not.
  const letters = compact.replace(/[^xo0]/giu, "");
  const framed = compact.length > letters.length;
  const mixedCase = /[a-z]/u.test(letters) && /[A-Z0]/u.test(letters) && letters === [...letters].reverse().join("");
  const sameCase = letters === letters.toLowerCase() || letters === letters.toUpperCase();
  const repeated = /^(.)\1+$/iu.test(letters) || (sameCase && /^(?:xo)+x?$|^(?:ox)+o?$/iu.test(letters));
  return framed || mixedCase || (repeated && letters.length >= 3);
}
