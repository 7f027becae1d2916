/**
 * `quire review correct`: a person replaces an inferred value with the right one, or removes it. The work's tags,
 * filters and full-text entry change with the decision, in one transaction, so search and its counts follow at once.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import { markDecided, type DecisionMaker, type StoredInferredValue } from "../../db/repositories/review.js";
import type { Database } from "../../db/schema.js";
import { addWorkTag, ensureTags, refreshWorkFilters, removeWorkTag } from "../../db/repositories/tags.js";
import { reindexWork, touchWork } from "../../db/repositories/works.js";
import { ValidationError } from "../../domain/errors.js";
import { CATEGORIES } from "../../domain/categories.js";
import { RATINGS } from "../../domain/rating.js";
import type { InferredField } from "../../domain/review.js";
import { nameKey } from "../../domain/sort-key.js";
import type { TagType } from "../../domain/tags/tag-type.js";
import { TAG_NAME_MAX } from "../../domain/tags/work-tags.js";
import { tagRefOfType } from "../../search/tag-ref.js";
import { findInferredValue, requireWork } from "./work-values.js";

/** The tag type each inferred field's values are. */
export const TAG_TYPE_OF_FIELD: Readonly<Record<InferredField, TagType>> = {
  fandoms: "Fandom",
  characters: "Character",
  relationships: "Relationship",
  categories: "Category",
  rating: "Rating",
};

export interface CorrectionRequest {
  field: InferredField;
  /** The inferred value to correct; null for the field's one undecided value (a work's inferred rating, say). */
  value: string | null;
  /** The right value, or null to remove the inferred one (not for a rating: a work always has one). */
  to: string | null;
  /** The account deciding, on the web; the command line leaves it out. */
  decidedBy?: number | null;
}

export interface CorrectedValue {
  workId: number;
  title: string;
  field: InferredField;
  /** The value as inferred. */
  value: string;
  correctedTo: string | null;
}

/**
 * Corrects one inferred value of the work. A value corrected before can be corrected again: what the last
 * correction put on the work is what this one replaces.
 * @throws ReviewError for an unknown work, field or value; ValidationError for a correction that is not a tag
 *   of the field's type (a rating or category that is none of the Archive's, an empty name, a removed rating).
 */
export async function correctInferredValue({ db, engine }: Pick<Library, "db" | "engine">, workId: number, request: CorrectionRequest): Promise<CorrectedValue> {
  const to = checkedCorrection(request.field, request.to);
  return engine.writeTransaction(db, async (trx) => {
    const title = await requireWork(trx, workId);
    const inferred = await findInferredValue(trx, workId, request.field, request.value);
    await correctStoredValue({ db: trx, engine }, inferred, to, new Date().toISOString(), { userId: request.decidedBy ?? null, ruleId: null });
    return { workId, title, field: request.field, value: inferred.value, correctedTo: to };
  });
}

/**
 * The correction as it will be stored: a rating or category in the Archive's spelling, another name tidied.
 * @throws ValidationError as correctInferredValue says.
 */
export function checkedCorrection(field: InferredField, to: string | null): string | null {
  const name = to === null ? null : correctedName(field, to);
  if (name === null && field === "rating") throw new ValidationError({ to: "a work always has a rating: correct it to another one (Not Rated, say)" });
  return name;
}

/**
 * Puts a checked correction (checkedCorrection) on the value's work, inside the caller's transaction: its tags,
 * filters and full-text entry change, and the decision is recorded with who made it.
 */
export async function correctStoredValue(
  { db: trx, engine }: { db: Kysely<Database>; engine: Library["engine"] }, inferred: StoredInferredValue, to: string | null, now: string, by: DecisionMaker,
): Promise<void> {
  const workId = inferred.workId;
  const type = TAG_TYPE_OF_FIELD[inferred.field];
  const onWork = inferred.decision === "corrected" ? inferred.correctedTo : inferred.value;
  // A work has one rating, whatever it is now; other fields hold the inferred value among others.
  const position = onWork === null ? null : await removeWorkTag(trx, workId, type, type === "Rating" ? null : nameKey(onWork));
  if (to !== null) {
    const { ids: [tagId] } = await ensureTags(trx, [{ type, name: to }], now);
    if (tagId !== undefined) await addWorkTag(trx, workId, tagId, position);
  }
  await refreshWorkFilters(trx, [workId]);
  await reindexWork(trx, engine, workId);
  await touchWork(trx, workId, now);
  await markDecided(trx, [inferred.id], "corrected", to, now, by);
}

/** The tag name a correction puts on the work: a rating or category in the Archive's spelling, else the name tidied. */
function correctedName(field: InferredField, to: string): string {
  const name = to.replace(/\s+/gu, " ").trim();
  if (field === "rating" || field === "categories") {
    const fixed = tagRefOfType(TAG_TYPE_OF_FIELD[field], name)?.name;
    if (fixed === undefined) throw new ValidationError({ to: `"${name}" is not one of ${(field === "rating" ? RATINGS : CATEGORIES).join(", ")}` });
    return fixed;
  }
  if (name.length === 0) throw new ValidationError({ to: "the corrected value needs a name" });
  if (name.length > TAG_NAME_MAX) throw new ValidationError({ to: `a tag name has at most ${TAG_NAME_MAX} characters` });
  return name;
}
