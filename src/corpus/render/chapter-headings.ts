/**
 * Chapter headings in the styles docs/importer.md says it recognises: `Chapter 3: Title`, `Chapter Three`,
 * `CHAPTER THREE`, `Chapter 3 - Title`, `Part One`, `Ch. 3`, `Prologue`/`Epilogue`, dressed-up forms
 * (`=== CHAPTER TWO ===`, `~*~Chapter 3~*~`, `xXx Chapter 2 xXx`, `[Chapter 4]`, `{Chapter 2}`), and the weak
 * forms that count only in an unbroken sequence (a roman numeral, `N. Title`, a part count `(2/3)`).
 */
import type { Random } from "../random.js";
import { capitalise, numberWord, romanNumeral } from "./phrasing.js";

/** The heading styles a work may use, one per work. */
export type HeadingStyle =
  | "chapter" | "chapter-dash" | "chapter-upper" | "chapter-word" | "chapter-word-upper" | "part" | "part-word"
  | "ch" | "equals" | "tilde" | "xox" | "bracketed" | "braced" | "roman" | "number-dot" | "part-total"
  | "chapter-of-total" | "part-count";

/** Styles whose last heading states how many parts there are, and so the status. */
const COUNTING: ReadonlySet<HeadingStyle> = new Set(["part-total", "chapter-of-total", "part-count"]);
/** Styles that are headings only as an unbroken numbered run; no Prologue or Epilogue may join them. */
const WEAK: ReadonlySet<HeadingStyle> = new Set(["roman", "number-dot", "part-count"]);

/** How a work's chapter headings are written. */
export interface HeadingPlan {
  style: HeadingStyle;
  prologue: boolean;
  epilogue: boolean;
  /** For counting styles: the number of parts the headings announce. */
  total: number;
}

/** What the work needs of its headings. */
export interface HeadingOptions {
  /** Use a style whose headings state the number of parts (the work's status is stated that way). */
  counting: boolean;
  /** For a counting style: the number of parts to announce. */
  total: number;
  /** Every chapter has a title, so "N. Title" headings are possible. */
  allTitled: boolean;
}

/** Picks a heading style for a work of `chapters` chapters. */
export function planHeadings(random: Random, chapters: number, options: HeadingOptions): HeadingPlan {
  const styles: HeadingStyle[] = options.counting
    ? ["part-total", "chapter-of-total", "part-count"]
    : ["chapter", "chapter", "chapter", "chapter-dash", "chapter-upper", "chapter-word", "chapter-word-upper", "part", "part-word", "ch", "equals", "tilde", "xox", "bracketed", "braced", "roman"];
  if (!options.counting && options.allTitled) styles.push("number-dot");
  const style = random.pick(styles);
  const named = !WEAK.has(style) && !COUNTING.has(style) && chapters >= 4;
  return { style, prologue: named && random.chance(0.12), epilogue: named && random.chance(0.12), total: options.total };
}

/**
 * The heading of chapter `index` (0-based) of `count`, as plain text.
 * @example chapterHeading({ style: "chapter", … }, 2, 5, "Salt") // "Chapter 3: Salt"
 */
export function chapterHeading(plan: HeadingPlan, index: number, count: number, title: string | null): string {
  if (plan.prologue && index === 0) return title ? `Prologue: ${title}` : "Prologue";
  if (plan.epilogue && index === count - 1) return title ? `Epilogue: ${title}` : "Epilogue";
  const n = index + 1 - (plan.prologue ? 1 : 0);
  const colon = title ? `: ${title}` : "";
  switch (plan.style) {
    case "chapter":
      return `Chapter ${n}${colon}`;
    case "chapter-dash":
      return `Chapter ${n}${title ? ` - ${title}` : ""}`;
    case "chapter-upper":
      return `CHAPTER ${n}${colon}`;
    case "chapter-word":
      return `Chapter ${capitalise(numberWord(n))}${colon}`;
    case "chapter-word-upper":
      return `CHAPTER ${numberWord(n).toUpperCase()}`;
    case "part":
      return `Part ${n}${colon}`;
    case "part-word":
      return `Part ${capitalise(numberWord(n))}${colon}`;
    case "ch":
      return `Ch. ${n}${colon}`;
    case "equals":
      return `=== CHAPTER ${numberWord(n).toUpperCase()} ===`;
    case "tilde":
      return `~*~Chapter ${n}~*~`;
    case "xox":
      return `xXx Chapter ${n} xXx`;
    case "bracketed":
      return `[Chapter ${n}]`;
    case "braced":
      return `{Chapter ${n}}`;
    case "roman":
      return `${romanNumeral(n)}${title ? `. ${title}` : ""}`;
    case "number-dot":
      return `${n}. ${title ?? "Untitled"}`;
    case "part-total":
      return `Part ${n}/${plan.total}`;
    case "chapter-of-total":
      return `Chapter ${n} of ${plan.total}${colon}`;
    case "part-count":
      return `(${n}/${plan.total})`;
  }
}

