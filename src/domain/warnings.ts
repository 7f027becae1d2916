/** The Archive's archive warnings, and how free-form legacy warning lines split into warnings and tags. */
export const ARCHIVE_WARNINGS = [
  "Creator Chose Not To Use Archive Warnings",
  "No Archive Warnings Apply",
  "Graphic Depictions Of Violence",
  "Major Character Death",
  "Rape/Non-Con",
  "Underage Sex",
] as const;
export type ArchiveWarning = (typeof ARCHIVE_WARNINGS)[number];

export const DEFAULT_WARNING: ArchiveWarning = "Creator Chose Not To Use Archive Warnings";

interface WarningRule {
  pattern: RegExp;
  warning: ArchiveWarning;
  /** Also keep the phrase as an additional tag, because it says more than the warning does ("Gore"). */
  keepAsTag?: boolean;
}

// Matched against one lower-cased piece of a warning line. Localized forms cover the languages whose header
// labels we read (es, fr, de, pt, it).
const RULES: readonly WarningRule[] = [
  { pattern: /\bcho(?:o?se|oses) not to (?:use archive )?warn|^cntw$|\belegí no advertir/u, warning: "Creator Chose Not To Use Archive Warnings" },
  { pattern: /^(?:none|no warnings?(?: apply)?|no archive warnings apply|n\/a|nothing|not applicable|ningun[ao]?|aucun(?:e)?|keine|nenhum(?:a)?|nessun[oa]?)(?: really| at all| much| to speak of| to warn for)?$/u, warning: "No Archive Warnings Apply" },
  { pattern: /^(?:major |main )?character deaths?$|^death of (?:a )?(?:major |main )?character|^mcd$|^death ?fic$|^muerte de(?: un)? personaje|^mort d'un personnage|^tod einer (?:haupt)?figur|^morte de(?: um)? personage|^morte di(?: un)? personaggio/u, warning: "Major Character Death" },
  { pattern: /\brape\b|\bnon[- ]?con(?:sensual|sent)?\b|\bviolaci[oó]n\b|\bviol\b|\bvergewaltigung\b|\bestupro\b|\bstupro\b/u, warning: "Rape/Non-Con" },
  { pattern: /^graphic (?:depictions of )?violence$|^(?:extreme|explicit) violence$|^violencia gr[aá]fica$|^violence graphique$|^viol[eê]ncia gr[aá]fica$|^violenza grafica$|^(?:explizite|drastische) gewalt(?:darstellung)?$/u, warning: "Graphic Depictions Of Violence" },
  { pattern: /^(?:gore|gory|blood and gore)$/u, warning: "Graphic Depictions Of Violence", keepAsTag: true },
  { pattern: /^underage(?: sex)?$|^under-age$|^chan$|^minor\/adult$/u, warning: "Underage Sex" },
];

// Common tag-like words in warning lines, spelled the way tags are wrangled.
const TAG_SPELLINGS: Readonly<Record<string, string>> = {
  "s&m": "BDSM", sm: "BDSM", "s/m": "BDSM", bdsm: "BDSM", sadomasochism: "BDSM",
  gore: "Gore", "dub-con": "Dubious Consent", dubcon: "Dubious Consent", "dubious consent": "Dubious Consent",
  "self-harm": "Self-Harm", "self harm": "Self-Harm", "non-canon death": "Character Death",
};

// A piece that starts with one of these is a sentence to the reader ("Be prepared."), not a tag.
const SENTENCE_STARTS = new Set([
  "be", "you", "read", "don't", "dont", "do", "if", "please", "this", "it", "it's", "there", "i", "we", "not",
  "nothing", "beware", "proceed", "consider", "just", "may", "might", "contains", "includes", "warning", "yes",
  "see", "check", "but",
]);
// Words that only soften a warning ("None, really") and are no tag of their own.
const FILLER = new Set(["really", "much", "mostly", "maybe", "probably", "i think", "sort of", "kind of", "etc", "and so on"]);

export interface ClassifiedWarnings {
  warnings: ArchiveWarning[];
  /** Everything that is not an archive warning, as short tags. */
  tags: string[];
}

/**
 * Splits free-form warning values into archive warnings and additional tags.
 *
 * @example classifyWarnings(["S&M-Gore, rough sex. Be prepared."])
 *   // { warnings: ["Graphic Depictions Of Violence"], tags: ["BDSM", "Gore", "Rough Sex"] }
 */
export function classifyWarnings(values: readonly string[]): ClassifiedWarnings {
  const warnings = new Set<ArchiveWarning>();
  const tags: string[] = [];
  for (const value of values) {
    for (const piece of splitWarningLine(value)) {
      const rule = matchWarning(piece);
      if (rule) {
        warnings.add(rule.warning);
        if (rule.keepAsTag) tags.push(tagSpelling(piece));
      } else if (!isSentence(piece)) {
        tags.push(tagSpelling(piece));
      }
    }
  }
  return { warnings: consistentWarnings(warnings), tags: dedupe(tags) };
}

/** An archive warning named exactly (as in an Archive download), or null. */
export function exactArchiveWarning(value: string): ArchiveWarning | null {
  const v = value.trim().toLowerCase();
  if (v === "choose not to use archive warnings" || v === "choose not to warn") return DEFAULT_WARNING;
  if (v === "underage") return "Underage Sex";
  return ARCHIVE_WARNINGS.find((w) => w.toLowerCase() === v) ?? null;
}

/** "No Archive Warnings Apply" and the opt-out contradict any real warning; a real warning wins. */
export function consistentWarnings(found: Iterable<ArchiveWarning>): ArchiveWarning[] {
  const set = new Set(found);
  const specific = [...set].filter((w) => w !== "No Archive Warnings Apply" && w !== DEFAULT_WARNING);
  if (specific.length > 0) return ARCHIVE_WARNINGS.filter((w) => specific.includes(w));
  if (set.has(DEFAULT_WARNING)) return [DEFAULT_WARNING];
  return [...set];
}

function matchWarning(piece: string): WarningRule | undefined {
  const normalised = piece.toLowerCase().replace(/\(s\)/gu, "s").replace(/\s+/gu, " ");
  const rule = RULES.find((r) => r.pattern.test(normalised));
  // "No rape" rules a warning out rather than in: it stays a tag, as "No Character Death" is on the Archive.
  // Only "No Archive Warnings Apply" itself may start with a negation.
  if (rule && rule.warning !== "No Archive Warnings Apply" && NEGATED.test(normalised)) return undefined;
  return rule;
}

const NEGATED = /^(?:no|not|without|never|sin|sans|kein|keine|ohne|nessun[ao]?|sem)\s/u;

function splitWarningLine(value: string): string[] {
  const pieces = value
    .replace(/\(s\)/giu, "s")
    // Bare separators, trimmed after: optional spaces on both sides of each would backtrack cubically.
    .split(/[,;:!?\n]|\.(?=\s|$)|\s[-&+]\s|\sand\s/u)
    .flatMap(splitRemark)
    .map((p) => p.trim().replace(/^[-*•~(]+|[-*•~)!.]+$/gu, "").trim())
    .filter((p) => p.length > 0 && !FILLER.has(p.toLowerCase()));
  return pieces.flatMap(splitHyphenatedPair);
}

// A remark in brackets is a piece of its own ("MCD (temporary)"), unless it takes the warning back
// ("Character death (not a main character)": neither the warning nor a tag), names someone or is a sentence.
function splitRemark(piece: string): string[] {
  const open = piece.search(/[([]/u);
  if (open < 0) return [piece];
  const close = piece.indexOf(piece.charAt(open) === "(" ? ")" : "]", open);
  // What follows the bracket belongs to the piece too: "one (1) vampire" is "one vampire".
  const main = `${piece.slice(0, open)} ${close < 0 ? "" : piece.slice(close + 1)}`.replace(/\s+/gu, " ");
  const remark = piece.slice(open + 1, close < 0 ? undefined : close).trim();
  if (/^(?:not|no|but not|only implied|implied|sort of|kind of)\b/iu.test(remark)) return [];
  const keep = /^\p{Ll}/u.test(remark) && remark.split(/\s+/u).length <= 3;
  return keep ? [main, remark] : [main];
}

// "S&M-Gore" is two tags joined by a hyphen, "non-con" and "self-harm" are one: split only when every side
// is something we recognise on its own.
function splitHyphenatedPair(piece: string): string[] {
  if (!piece.includes("-") || matchWarning(piece) || TAG_SPELLINGS[piece.toLowerCase()]) return [piece];
  const sides = piece.split("-").map((s) => s.trim());
  const known = (side: string) => Boolean(matchWarning(side) || TAG_SPELLINGS[side.toLowerCase()]);
  return sides.length > 1 && sides.every(known) ? sides : [piece];
}

function isSentence(piece: string): boolean {
  const words = piece.split(/\s+/u);
  return words.length > 5 || SENTENCE_STARTS.has((words[0] ?? "").toLowerCase());
}

function tagSpelling(piece: string): string {
  const known = TAG_SPELLINGS[piece.toLowerCase()];
  if (known) return known;
  // Warning lines are written as sentences ("rough sex"); tags are capitalised ("Rough Sex").
  return piece === piece.toLowerCase() ? piece.replace(/(^|\s)(\p{L})/gu, (_m, s: string, c: string) => s + c.toUpperCase()) : piece;
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
