/**
 * The review of inferred values: which ones wait for a person, and how the decisions a person made apply to the
 * same work read again.
 */
import { CATEGORIES, type Category } from "./categories.js";
import { isRating } from "./rating.js";
import type { InferredValue, ParsedWork } from "./work.js";

export type InferredField = InferredValue["field"];

export const INFERRED_FIELDS = ["fandoms", "characters", "relationships", "categories", "rating"] as const satisfies readonly InferredField[];

/** Values inferred with less confidence than this wait for a person; an inferred rating always does. */
export const REVIEW_THRESHOLD = 0.75;

export type ReviewDecision = "accepted" | "corrected";

/** A person's correction of one inferred value: replaced by `correctedTo`, or removed when it is null. */
export interface Correction {
  field: InferredField;
  value: string;
  correctedTo: string | null;
}

/**
 * The work with the corrections a person made to an earlier reading of it applied again, wherever the new reading
 * infers the same value: a file imported again must not bring back what was corrected. Stated values are never
 * touched (a value the file now states is not inferred, so no correction matches it).
 * @example applyCorrections(work, [{ field: "characters", value: "Spike", correctedTo: null }]).characters // without "Spike"
 */
export function applyCorrections(work: ParsedWork, corrections: readonly Correction[]): ParsedWork {
  let result = work;
  for (const { field, value, correctedTo } of corrections) {
    if (!work.inferred.some((v) => v.field === field && v.value === value)) continue;
    if (field === "rating") {
      if (correctedTo !== null && isRating(correctedTo)) result = { ...result, rating: correctedTo };
    } else if (field === "categories") {
      const category = CATEGORIES.find((c) => c === correctedTo) ?? null;
      if (correctedTo === null || category) result = { ...result, categories: replaceValue<Category>(result.categories, value, category) };
    } else {
      result = { ...result, [field]: replaceValue(result[field], value, correctedTo) };
    }
  }
  return result;
}

/** The list with `value` replaced by `next` in its place (or dropped when `next` is null or there already). */
function replaceValue<T extends string>(list: readonly T[], value: string, next: T | null): T[] {
  return list.flatMap((item) => (item !== value ? [item] : next === null || list.includes(next) ? [] : [next]));
}
