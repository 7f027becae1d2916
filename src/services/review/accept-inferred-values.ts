/** `quire review accept`: a person confirms inferred values as they are. */
import type { Library } from "../../db/connect.js";
import { listOpenValues, markDecided, type StoredInferredValue } from "../../db/repositories/review.js";
import { ValidationError } from "../../domain/errors.js";
import { REVIEW_THRESHOLD, type InferredField } from "../../domain/review.js";
import type { InferredValue } from "../../domain/work.js";
import { checkThreshold } from "./list-review-queue.js";
import { findInferredValue, requireFieldValues, requireWork } from "./work-values.js";

export interface AcceptRequest {
  /** Only this field's values. */
  field: InferredField | null;
  /** Only this value (in `field`), whatever its confidence. */
  value: string | null;
  /** Without a value: the values the queue lists at this threshold. Default REVIEW_THRESHOLD. */
  below?: number;
  /** The account deciding, on the web; the command line leaves it out. */
  decidedBy?: number | null;
}

export interface ReviewedWork {
  workId: number;
  title: string;
  /** The values the decision was recorded for; empty when none was open. */
  values: InferredValue[];
}

/**
 * Accepts the work's open values (those the queue lists for it), or those of one field, or one named value, in one
 * transaction. A value decided already keeps its decision.
 * @throws ReviewError for an unknown work, field or value; ValidationError for a value without its field.
 */
export async function acceptInferredValues({ db, engine }: Pick<Library, "db" | "engine">, workId: number, request: AcceptRequest): Promise<ReviewedWork> {
  const below = checkThreshold(request.below ?? REVIEW_THRESHOLD);
  const { field, value } = request;
  if (value !== null && field === null) throw new ValidationError({ field: "a value is accepted within its field: name the field too" });
  return engine.writeTransaction(db, async (trx) => {
    const title = await requireWork(trx, workId);
    let accepted: StoredInferredValue[];
    if (field !== null && value !== null) {
      accepted = [await findInferredValue(trx, workId, field, value)].filter((v) => v.decision === null);
    } else {
      if (field !== null) await requireFieldValues(trx, workId, field);
      accepted = await listOpenValues(trx, workId, { below, field });
    }
    await markDecided(trx, accepted.map((v) => v.id), "accepted", null, new Date().toISOString(), { userId: request.decidedBy ?? null, ruleId: null });
    return { workId, title, values: accepted.map(({ field, value, confidence, evidence }) => ({ field, value, confidence, evidence })) };
  });
}
