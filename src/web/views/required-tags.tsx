/**
 * The Archive's four squares on every blurb: rating, category, warnings and status, each a coloured letter for the
 * eye with its full meaning for screen readers and as a tooltip.
 */
import type { Rating } from "../../domain/rating.js";
import type { WorkStatus } from "../../domain/work.js";

interface Symbol {
  className: string;
  letter: string;
  meaning: string;
}

const RATING_SYMBOLS: Record<Rating, Omit<Symbol, "meaning">> = {
  "General Audiences": { className: "rating-general", letter: "G" },
  "Teen And Up Audiences": { className: "rating-teen", letter: "T" },
  Mature: { className: "rating-mature", letter: "M" },
  Explicit: { className: "rating-explicit", letter: "E" },
  "Not Rated": { className: "rating-notrated", letter: "?" },
};

const CATEGORY_SYMBOLS: Record<string, Omit<Symbol, "meaning">> = {
  "F/F": { className: "category-ff", letter: "FF" },
  "F/M": { className: "category-fm", letter: "FM" },
  "M/M": { className: "category-mm", letter: "MM" },
  Gen: { className: "category-gen", letter: "G" },
  Multi: { className: "category-multi", letter: "M+" },
  Other: { className: "category-other", letter: "O" },
};

const CHOOSE_NOT = "Creator Chose Not To Use Archive Warnings";
const NO_WARNINGS = "No Archive Warnings Apply";

function ratingSymbol(rating: Rating): Symbol {
  return { ...RATING_SYMBOLS[rating], meaning: `Rating: ${rating}` };
}

function categorySymbol(categories: readonly string[]): Symbol {
  const [only] = categories;
  if (categories.length === 0 || only === undefined) return { className: "category-none", letter: "–", meaning: "Category: none" };
  const symbol = categories.length > 1 ? CATEGORY_SYMBOLS.Multi : CATEGORY_SYMBOLS[only];
  return { ...(symbol ?? { className: "category-other", letter: "O" }), meaning: `Category: ${categories.join(", ")}` };
}

function warningSymbol(warnings: readonly string[]): Symbol {
  const meaning = `Warnings: ${warnings.length > 0 ? warnings.join(", ") : CHOOSE_NOT}`;
  if (warnings.some((w) => w !== CHOOSE_NOT && w !== NO_WARNINGS)) return { className: "warning-yes", letter: "!", meaning };
  if (warnings.length > 0 && warnings.every((w) => w === NO_WARNINGS)) return { className: "warning-none", letter: "–", meaning };
  return { className: "warning-choose", letter: "?", meaning };
}

function statusSymbol(status: WorkStatus): Symbol {
  if (status === "complete") return { className: "status-complete", letter: "✓", meaning: "Complete work" };
  if (status === "in-progress") return { className: "status-wip", letter: "…", meaning: "Work in progress" };
  return { className: "status-unknown", letter: "?", meaning: "Completion unknown" };
}

export function RequiredTags(props: { rating: Rating; categories: readonly string[]; warnings: readonly string[]; status: WorkStatus }) {
  const symbols = [ratingSymbol(props.rating), warningSymbol(props.warnings), categorySymbol(props.categories), statusSymbol(props.status)];
  return (
    <ul class="required-tags">
      {symbols.map((s) => (
        <li>
          <span class={`symbol ${s.className}`} title={s.meaning} aria-hidden="true">{s.letter}</span>
          <span class="visually-hidden">{s.meaning}</span>
        </li>
      ))}
    </ul>
  );
}
