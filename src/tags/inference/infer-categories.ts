/**
 * The Archive's categories from a work's relationships and its characters' genders: each romantic relationship
 * of two is F/F, F/M or M/M; of three or more, Multi; one with a nonbinary member, Other. Platonic ones add
 * nothing, and a work with characters but no romantic relationship is Gen — unless it has a romantic
 * relationship the vocabulary does not know, whose members' genders are unknown: then nothing is inferred.
 */
import type { Category } from "../../domain/categories.js";
import type { Gender } from "../vocabulary-file.js";
import type { ResolvedRelationship } from "./infer-relationships.js";
import type { InferredValue } from "./inferred-value.js";

export function inferCategories(
  relationships: readonly ResolvedRelationship[],
  characterCount: number,
  unknownRomance: boolean,
): { category: Category; value: InferredValue }[] {
  const found = new Map<Category, string[]>();
  for (const relationship of relationships) {
    if (relationship.kind !== "romantic") continue;
    const category = categoryOf(relationship.members.map((m) => m.gender));
    if (!category) continue;
    found.set(category, [...(found.get(category) ?? []), relationship.name]);
  }
  if (found.size === 0) {
    return characterCount > 0 && !unknownRomance ? [{ category: "Gen", value: { field: "categories", value: "Gen", confidence: 0.5, evidence: "no romantic relationship found" } }] : [];
  }
  return [...found].map(([category, names]) => ({ category, value: { field: "categories", value: category, confidence: 0.75, evidence: `from ${names.join(", ")}` } }));
}

function categoryOf(genders: readonly Gender[]): Category | null {
  if (genders.length > 2) return "Multi";
  if (genders.includes("unknown")) return null;
  if (genders.includes("nonbinary")) return "Other";
  const women = genders.filter((g) => g === "female").length;
  return women === 2 ? "F/F" : women === 1 ? "F/M" : "M/M";
}
