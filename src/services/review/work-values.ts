/** What every review decision starts from: the work, and the inferred value the decision is about. */
import type { Kysely } from "kysely";
import { listWorkInferredValues, type StoredInferredValue } from "../../db/repositories/review.js";
import { findWorkTitle } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import { ReviewError, ValidationError } from "../../domain/errors.js";
import type { InferredField } from "../../domain/review.js";
import { nameKey } from "../../domain/sort-key.js";

/** @returns the work's title. @throws ReviewError "unknown-work" when there is no such work. */
export async function requireWork(db: Kysely<Database>, workId: number): Promise<string> {
  const title = await findWorkTitle(db, workId);
  if (title === undefined) throw new ReviewError("unknown-work", `there is no work #${workId}`);
  return title;
}

/** Every value inferred in the field for the work. @throws ReviewError "unknown-field" when there is none. */
export async function requireFieldValues(db: Kysely<Database>, workId: number, field: InferredField): Promise<StoredInferredValue[]> {
  const values = await listWorkInferredValues(db, workId, field);
  if (values.length === 0) throw new ReviewError("unknown-field", `work #${workId} has no inferred ${field}`);
  return values;
}

/**
 * The inferred value a decision names: by its name (in any case and spacing), or, when none is given, the field's
 * one undecided value (or its one value).
 * @throws ReviewError "unknown-field" or "unknown-value"; ValidationError when no name is given and several fit.
 */
export async function findInferredValue(db: Kysely<Database>, workId: number, field: InferredField, value: string | null): Promise<StoredInferredValue> {
  const values = await requireFieldValues(db, workId, field);
  const names = values.map((v) => `"${v.value}"`).join(", ");
  if (value !== null) {
    const found = values.find((v) => v.value === value) ?? values.find((v) => nameKey(v.value) === nameKey(value));
    if (!found) throw new ReviewError("unknown-value", `work #${workId} has no inferred ${field} "${value}" (its inferred ${field}: ${names})`);
    return found;
  }
  const open = values.filter((v) => v.decision === null);
  const only = open.length === 1 ? open[0] : values.length === 1 ? values[0] : undefined;
  if (!only) throw new ValidationError({ value: `work #${workId} has several inferred ${field} (${names}): say which` });
  return only;
}
