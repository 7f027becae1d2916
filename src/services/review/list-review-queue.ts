/** `quire review`: the works whose inferred values wait for a person, the least sure first. */
import type { Kysely } from "kysely";
import { listWorksToReview, type ReviewQueue } from "../../db/repositories/review.js";
import type { Database } from "../../db/schema.js";
import { ValidationError } from "../../domain/errors.js";
import { REVIEW_THRESHOLD, type InferredField } from "../../domain/review.js";

export interface ReviewQueueOptions {
  /** Values inferred with less confidence are listed (every inferred rating is). Default REVIEW_THRESHOLD. */
  below?: number;
  field?: InferredField | null;
  /** Only the works of this import batch (domain/import-batch.ts). Default: every work. */
  batch?: string | null;
  /** Works per page, up to REVIEW_PAGE_MAX. Default REVIEW_PAGE_DEFAULT. */
  limit?: number;
  offset?: number;
}

export const REVIEW_PAGE_DEFAULT = 50;
export const REVIEW_PAGE_MAX = 1000;

/** @throws ValidationError when the threshold is not a confidence from 0 to 1. */
export function checkThreshold(below: number): number {
  if (!(below >= 0 && below <= 1)) throw new ValidationError({ below: `the threshold is a confidence from 0 to 1, not ${below}` });
  return below;
}

/** One page of the queue: works with their open values, the work with the least sure value first. */
export async function listReviewQueue(db: Kysely<Database>, options: ReviewQueueOptions = {}): Promise<ReviewQueue> {
  const limit = options.limit ?? REVIEW_PAGE_DEFAULT;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > REVIEW_PAGE_MAX) throw new ValidationError({ limit: `a page holds 1 to ${REVIEW_PAGE_MAX} works` });
  if (!Number.isInteger(offset) || offset < 0) throw new ValidationError({ offset: "the offset is a whole number from 0" });
  return listWorksToReview(db, { below: checkThreshold(options.below ?? REVIEW_THRESHOLD), field: options.field ?? null, batch: options.batch ?? null, limit, offset });
}
