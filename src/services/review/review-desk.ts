/**
 * The import review desk on the web, for moderators and admins: the queue by import batch, a work's inferred
 * values beside its source file, acceptance of many works at once, and corrections that can become a rule for
 * the rest of the batch. It decides through the same services as `quire review`, recording who decided.
 */
import type { Kysely } from "kysely";
import type { Library } from "../../db/connect.js";
import { listBatchUndecidedValues, listOpenWorkPaths, listReviewRules, insertReviewRule, type ReviewRule } from "../../db/repositories/review-rules.js";
import { listWorkInferredValues, type ReviewQueue, type StoredInferredValue } from "../../db/repositories/review.js";
import { findPrimarySource } from "../../db/repositories/sources.js";
import { findLogins } from "../../db/repositories/users.js";
import { findWorkTitle } from "../../db/repositories/works.js";
import type { Database } from "../../db/schema.js";
import type { Viewer } from "../../domain/account.js";
import { NotFoundError, ReviewError, ValidationError } from "../../domain/errors.js";
import { importBatchOf } from "../../domain/import-batch.js";
import { REVIEW_THRESHOLD, type InferredField } from "../../domain/review.js";
import { nameKey } from "../../domain/sort-key.js";
import { requireModerator } from "../moderation/authorize.js";
import { acceptInferredValues, type ReviewedWork } from "./accept-inferred-values.js";
import { readBatchHolding, type BatchHolding } from "./held-works.js";
import { checkedCorrection, correctStoredValue, correctInferredValue, type CorrectedValue } from "./correct-inferred-value.js";
import { listReviewQueue } from "./list-review-queue.js";
import { readSourceExcerpt, type SourceExcerpt } from "./source-excerpt.js";

export type { ReviewRule };

/** Works on one page of the desk's queue. */
export const DESK_PAGE_SIZE = 50;
/** Works one bulk acceptance may name: a page of the queue. */
export const DESK_BULK_MAX = DESK_PAGE_SIZE;

export interface ImportBatch {
  /** The folder or zip archive (domain/import-batch.ts). */
  batch: string;
  /** Its works with values to review. */
  works: number;
}

export interface DeskQueue {
  batches: ImportBatch[];
  /** The batch shown; null for every work. */
  batch: string | null;
  queue: ReviewQueue;
  page: number;
  pages: number;
  rules: ReviewRule[];
  /** The batch's held works and its authors' claims; null for every batch. */
  holding: BatchHolding | null;
}

/** A value as the review page shows it: with who decided it (null: on the command line) and the rule, if one did. */
export interface ReviewedValue extends StoredInferredValue {
  decidedByLogin: string | null;
  rule: ReviewRule | null;
}

export interface WorkReview {
  workId: number;
  title: string;
  /** Null for a work with no source file (posted on the web). */
  batch: string | null;
  values: ReviewedValue[];
  source: SourceExcerpt | null;
  rules: ReviewRule[];
}

/**
 * The batches with works to review, by name, and one page of the queue (of one batch, or of all).
 * @throws SignInRequiredError, ForbiddenError for anyone but an active moderator or admin.
 */
export async function readDeskQueue(db: Kysely<Database>, viewer: Viewer, request: { batch: string | null; page: number }): Promise<DeskQueue> {
  requireModerator(viewer);
  const counts = new Map<string, number>();
  for (const { path } of await listOpenWorkPaths(db, { below: REVIEW_THRESHOLD, field: null })) {
    const batch = importBatchOf(path);
    counts.set(batch, (counts.get(batch) ?? 0) + 1);
  }
  const batches = [...counts].map(([batch, works]) => ({ batch, works })).sort((a, b) => (a.batch < b.batch ? -1 : a.batch > b.batch ? 1 : 0));
  const queue = await listReviewQueue(db, { batch: request.batch, limit: DESK_PAGE_SIZE, offset: (request.page - 1) * DESK_PAGE_SIZE });
  return {
    batches, batch: request.batch, queue, page: request.page, pages: Math.max(1, Math.ceil(queue.total / DESK_PAGE_SIZE)),
    rules: await listReviewRules(db, request.batch),
    holding: request.batch === null ? null : await readBatchHolding(db, request.batch),
  };
}

/**
 * Everything inferred for the work, decided or not, beside its source file's text, with its batch's rules.
 * @throws NotFoundError for an unknown work; SignInRequiredError, ForbiddenError as readDeskQueue.
 */
export async function readWorkReview(db: Kysely<Database>, viewer: Viewer, workId: number): Promise<WorkReview> {
  requireModerator(viewer);
  const title = await findWorkTitle(db, workId);
  if (title === undefined) throw new NotFoundError(`Work #${workId}`);
  const source = await findPrimarySource(db, workId);
  const batch = source ? importBatchOf(source.path) : null;
  const rules = batch === null ? [] : await listReviewRules(db, batch);
  const stored = await listWorkInferredValues(db, workId, null);
  const logins = await findLogins(db, stored.flatMap((v) => (v.decidedBy === null ? [] : [v.decidedBy])));
  const values = stored.map((v) => ({ ...v, decidedByLogin: v.decidedBy === null ? null : (logins.get(v.decidedBy) ?? null), rule: rules.find((r) => r.id === v.ruleId) ?? null }));
  return { workId, title, batch, values, source: source ? await readSourceExcerpt(source) : null, rules };
}

/**
 * Accepts the open values of each work, each work in a transaction of its own, recording who accepted them.
 * @throws ValidationError for no works or too many; NotFoundError for an unknown work (the works before it stay
 *   accepted); SignInRequiredError, ForbiddenError as readDeskQueue.
 */
export async function acceptWorks(library: Pick<Library, "db" | "engine">, viewer: Viewer, workIds: readonly number[]): Promise<ReviewedWork[]> {
  const account = requireModerator(viewer);
  const unique = [...new Set(workIds)];
  if (unique.length === 0) throw new ValidationError({ works: "Choose the works to accept." });
  if (unique.length > DESK_BULK_MAX) throw new ValidationError({ works: `Accept at most ${DESK_BULK_MAX} works at once.` });
  const accepted: ReviewedWork[] = [];
  for (const workId of unique) accepted.push(await asWebError(acceptInferredValues(library, workId, { field: null, value: null, decidedBy: account.id })));
  return accepted;
}

export interface DeskCorrection {
  field: InferredField;
  value: string;
  /** The right value; null removes the inferred one. */
  to: string | null;
  /** Also make the correction a rule for the batch, deciding the same undecided value on its other works. */
  applyToBatch: boolean;
}

export interface DeskCorrected extends CorrectedValue {
  /** The rule made, and the other works' values it decided; null when none was asked for. */
  rule: { id: number; batch: string; decided: number } | null;
}

/**
 * Corrects one inferred value of the work; with `applyToBatch`, records a rule for the work's batch and corrects
 * every undecided value of the same field and name (in any case and spacing) on the batch's other works, in one
 * transaction, each decision naming the rule.
 * @throws ValidationError for a correction the field cannot take, a value the work does not have, or a rule for a
 *   work with no batch; NotFoundError for an unknown work; SignInRequiredError, ForbiddenError as readDeskQueue.
 */
export async function correctOnDesk(library: Pick<Library, "db" | "engine">, viewer: Viewer, workId: number, correction: DeskCorrection): Promise<DeskCorrected> {
  const account = requireModerator(viewer);
  if (!correction.applyToBatch) {
    return { ...(await asWebError(correctInferredValue(library, workId, { ...correction, decidedBy: account.id }))), rule: null };
  }
  const to = checkedCorrection(correction.field, correction.to);
  const { db, engine } = library;
  return asWebError(engine.writeTransaction(db, async (trx) => {
    const source = await findPrimarySource(trx, workId);
    const title = await findWorkTitle(trx, workId);
    if (title === undefined) throw new NotFoundError(`Work #${workId}`);
    if (!source) throw new ValidationError({ applyToBatch: "This work was not imported from a file, so it has no batch to make a rule for." });
    const batch = importBatchOf(source.path);
    const inferred = (await listWorkInferredValues(trx, workId, correction.field)).find((v) => nameKey(v.value) === nameKey(correction.value));
    if (!inferred) throw new ValidationError({ value: `This work has no inferred ${correction.field} "${correction.value}".` });
    const now = new Date().toISOString();
    const ruleId = await insertReviewRule(trx, { batch, field: correction.field, from: inferred.value, to, createdBy: account.id, createdAt: now });
    await correctStoredValue({ db: trx, engine }, inferred, to, now, { userId: account.id, ruleId });
    const decided = await applyRule({ db: trx, engine }, { id: ruleId, batch, field: correction.field, from: inferred.value, to }, workId, now, account.id);
    return { workId, title, field: correction.field, value: inferred.value, correctedTo: to, rule: { id: ruleId, batch, decided } };
  }));
}

/**
 * Applies the batch's rules about one value again, oldest first, to its undecided values: for works imported into
 * the batch after the rules were made. @returns how many values they decided.
 * @throws SignInRequiredError, ForbiddenError as readDeskQueue.
 */
export async function applyBatchRules(library: Pick<Library, "db" | "engine">, viewer: Viewer, batch: string): Promise<number> {
  const account = requireModerator(viewer);
  const { db, engine } = library;
  return engine.writeTransaction(db, async (trx) => {
    const now = new Date().toISOString();
    let decided = 0;
    // Label rules read the batch's files: services/review/label-rules.ts applies them.
    for (const rule of await listReviewRules(trx, batch)) if (rule.label === null) decided += await applyRule({ db: trx, engine }, rule, null, now, account.id);
    return decided;
  });
}

/**
 * Corrects every undecided value the rule names (its field, its value in any case and spacing) on the works of its
 * batch, but `exceptWorkId`'s, in the caller's transaction, each decision naming the rule. @returns how many.
 */
async function applyRule(
  library: { db: Kysely<Database>; engine: Library["engine"] }, rule: Pick<ReviewRule, "id" | "batch" | "field" | "from" | "to">,
  exceptWorkId: number | null, now: string, userId: number,
): Promise<number> {
  const matching = (await listBatchUndecidedValues(library.db, rule.batch, rule.field, exceptWorkId)).filter((v) => nameKey(v.value) === nameKey(rule.from));
  for (const value of matching) {
    const stored = (await listWorkInferredValues(library.db, value.work_id, rule.field)).find((v) => v.id === value.id);
    if (stored) await correctStoredValue(library, stored, rule.to, now, { userId, ruleId: rule.id });
  }
  return matching.length;
}

/** The review services' errors as the web shows them: an unknown work is not found, an unknown value a bad form. */
async function asWebError<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if (!(error instanceof ReviewError)) throw error;
    if (error.code === "unknown-work") throw new NotFoundError("That work");
    throw new ValidationError({ value: error.message });
  }
}
