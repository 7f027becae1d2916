/**
 * The import review desk's records: the batches with works to review, and the rules made for a batch
 * (`review_rules`), with the undecided values a rule decides. A rule is about one value ("Category 'Btvs' is the
 * fandom Buffy") or, with a `label`, about a header label ("the files' Category line is the fandom").
 */
import type { Kysely } from "kysely";
import type { InferredField } from "../../domain/review.js";
import type { Database } from "../schema.js";
import { openValues, workInBatch, type OpenValuesFilter } from "./review.js";

export interface ReviewRule {
  id: number;
  batch: string;
  field: InferredField;
  from: string;
  /** Null: the rule removes the value (and for a label rule, whose values come from each file). */
  to: string | null;
  /** A label rule's label, normalised (importers/metadata/labels.ts); null for a rule about one value, whose `from` it is. */
  label: string | null;
  /** The account's login; null when the account is gone. */
  createdBy: string | null;
  createdAt: string;
}

export interface NewReviewRule {
  batch: string;
  field: InferredField;
  from: string;
  to: string | null;
  /** A label rule's normalised label; left out for a rule about one value. */
  label?: string | null;
  createdBy: number;
  createdAt: string;
}

export async function insertReviewRule(db: Kysely<Database>, rule: NewReviewRule): Promise<number> {
  const row = await db
    .insertInto("review_rules")
    .values({ batch: rule.batch, field: rule.field, from_value: rule.from, to_value: rule.to, label: rule.label ?? null, created_by: rule.createdBy, created_at: rule.createdAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The rules, oldest first: of one batch, or every batch's when `batch` is null. */
export async function listReviewRules(db: Kysely<Database>, batch: string | null): Promise<ReviewRule[]> {
  let query = db
    .selectFrom("review_rules as r")
    .leftJoin("users as u", "u.id", "r.created_by")
    .select(["r.id", "r.batch", "r.field", "r.from_value", "r.to_value", "r.label", "u.login", "r.created_at"]);
  if (batch !== null) query = query.where("r.batch", "=", batch);
  const rows = await query.orderBy("r.id").execute();
  return rows.map((r) => ({ id: r.id, batch: r.batch, field: r.field, from: r.from_value, to: r.to_value, label: r.label, createdBy: r.login, createdAt: r.created_at }));
}

/** Whether any batch has a label rule: an import skips looking its works' batches up when none has. */
export async function hasLabelRules(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("review_rules").select("id").where("label", "is not", null).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Deletes the batch's rule. The decisions it made stay, as a reviewer's do, and no longer name it.
 * @returns false when the batch has no such rule.
 */
export async function deleteReviewRule(db: Kysely<Database>, batch: string, ruleId: number): Promise<boolean> {
  // inferred_values.rule_id is set null by its foreign key (migration 0013).
  const result = await db.deleteFrom("review_rules").where("id", "=", ruleId).where("batch", "=", batch).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The undecided values of the field on the batch's works (but `exceptWorkId`'s, if given): those a rule may decide. */
export async function listBatchUndecidedValues(db: Kysely<Database>, batch: string, field: InferredField, exceptWorkId: number | null) {
  let query = db
    .selectFrom("inferred_values as v")
    .select(["v.id", "v.work_id", "v.value"])
    .where("v.decision", "is", null)
    .where("v.field", "=", field)
    .where(workInBatch("v.work_id", batch));
  if (exceptWorkId !== null) query = query.where("v.work_id", "!=", exceptWorkId);
  return query.orderBy("v.id").execute();
}

/** The primary file path of every work with open values (see OpenValuesFilter): what the batches are read from. */
export async function listOpenWorkPaths(db: Kysely<Database>, filter: OpenValuesFilter): Promise<{ workId: number; path: string }[]> {
  const rows = await db
    .selectFrom("work_sources as s")
    .select(["s.work_id", "s.path"])
    .where("s.role", "=", "primary")
    .where("s.work_id", "in", openValues(db, filter).select("v.work_id"))
    .execute();
  return rows.map((r) => ({ workId: r.work_id, path: r.path }));
}

/** The primary files of the batch's works, by path, at most `limit` of them: what the desk reads the batch's headers from. */
export async function listBatchSources(db: Kysely<Database>, batch: string, limit: number) {
  // workInBatch's own subquery is `work_sources s`: the files are read here as `f`.
  return db.selectFrom("work_sources as f").innerJoin("works as w", "w.id", "f.work_id").select(["f.work_id", "f.path", "f.format", "f.content_hash"])
    .where("f.role", "=", "primary").where(workInBatch("w.id", batch)).orderBy("f.path").limit(limit).execute();
}
